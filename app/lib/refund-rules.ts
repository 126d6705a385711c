/** Cancellation by agreement and refunds: value sets and rules shared by the schema, the models and the UI. */
import type { OrderStatus, PaymentMethod } from "./order-states";

export const cancellationStatuses = ["requested", "accepted", "refused"] as const;
export type CancellationStatus = (typeof cancellationStatuses)[number];

export const refundMethods = ["card", "bank_transfer"] as const;
export type RefundMethod = (typeof refundMethods)[number];

/**
 * card: `pending` (refund asked of Stripe, or to be asked again after a failure) → `succeeded` (Stripe's answer or
 * its `charge.refunded` webhook); `failed` when Stripe refused it. bank_transfer: `owed` → `returned` (marked by the
 * cooperative).
 */
export const refundStatuses = ["pending", "succeeded", "failed", "owed", "returned"] as const;
export type RefundStatus = (typeof refundStatuses)[number];

/** Once the money may have moved (or the goods are packed), the buyer can no longer cancel alone. */
export const agreementStatuses: OrderStatus[] = ["paid", "packed"];

export function needsAgreement(status: OrderStatus): boolean {
  return agreementStatuses.includes(status);
}

/** How the money comes back for an accepted cancellation; null when nothing was paid (cash on delivery, packed). */
export function refundMethodFor({ paymentMethod, paid }: { paymentMethod: PaymentMethod; paid: boolean }): RefundMethod | null {
  if (!paid) return null;
  if (paymentMethod === "card") return "card";
  if (paymentMethod === "bank_transfer") return "bank_transfer";
  return null;
}
