/** Order lifecycle rules, shared by the schema, the models and the UI (safe in the browser). */
export const orderStatuses = [
  "placed",
  "confirmed",
  "rejected",
  "paid",
  "packed",
  "shipped",
  "delivered",
  "completed",
  "cancelled",
  "expired",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const paymentMethods = ["card", "bank_transfer", "cod"] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const quoteStatuses = ["requested", "answered", "accepted", "declined"] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

export type Party = "buyer" | "cooperative" | "system";

/** The actions a person can take on an order; `pay` is the payment provider's or the bank transfer's. */
export const orderActions = ["confirm", "reject", "markPaid", "pack", "ship", "deliver", "complete", "cancel"] as const;
export type OrderAction = (typeof orderActions)[number];

type Rule = { from: OrderStatus[]; to: OrderStatus; by: Party[] };

/**
 * Who may move an order where. Payment comes after the cooperative has confirmed it can deliver; a cash-on-delivery
 * order goes from confirmed straight to packing. The buyer may cancel alone until the order is paid; a paid or
 * packed order is cancelled only by agreement (the buyer asks, the cooperative accepts, see refund-rules.ts).
 */
export const orderRules: Record<OrderAction, Rule> = {
  confirm: { from: ["placed"], to: "confirmed", by: ["cooperative"] },
  reject: { from: ["placed"], to: "rejected", by: ["cooperative"] },
  // A card payment is marked by the verified webhook (system); a bank transfer by the cooperative.
  markPaid: { from: ["confirmed"], to: "paid", by: ["cooperative", "system"] },
  pack: { from: ["paid", "confirmed"], to: "packed", by: ["cooperative"] },
  ship: { from: ["packed"], to: "shipped", by: ["cooperative"] },
  deliver: { from: ["shipped"], to: "delivered", by: ["cooperative", "buyer"] },
  complete: { from: ["delivered"], to: "completed", by: ["buyer"] },
  // Once paid (or packed) a cancellation needs the cooperative's agreement (app/models/refund.server.ts).
  cancel: { from: ["placed", "confirmed"], to: "cancelled", by: ["buyer"] },
};

/** Statuses that still hold reserved stock and may expire when unpaid. */
export const unpaidStatuses: OrderStatus[] = ["placed", "confirmed"];
/** Statuses whose reserved stock goes back to the shelf. */
export const releasingStatuses: OrderStatus[] = ["rejected", "cancelled", "expired"];

export function canTransition({
  action,
  status,
  party,
  paymentMethod,
}: {
  action: OrderAction;
  status: OrderStatus;
  party: Party;
  paymentMethod: PaymentMethod;
}): boolean {
  const rule = orderRules[action];
  if (!rule.from.includes(status) || !rule.by.includes(party)) return false;
  // Packing an unpaid order is only for cash on delivery; card and transfer orders are packed once paid.
  if (action === "pack" && status === "confirmed" && paymentMethod !== "cod") return false;
  if (action === "markPaid") {
    if (paymentMethod === "cod") return false;
    if (paymentMethod === "card" && party !== "system") return false;
    if (paymentMethod === "bank_transfer" && party !== "cooperative") return false;
  }
  return true;
}

/** The actions `party` can take now, for the buttons on the order page. */
export function availableActions(args: { status: OrderStatus; party: Party; paymentMethod: PaymentMethod }): OrderAction[] {
  return orderActions.filter((action) => canTransition({ ...args, action }));
}
