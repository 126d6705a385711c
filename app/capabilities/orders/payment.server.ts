import QRCode from "qrcode";
import { formatDateTime, formatVnd } from "~/lib/money";
import { notifyOrganisation } from "~/services/notify.server";

/** The VietQR code as a PNG file the buyer can save and open in a banking app that scans from the gallery. */
export function qrPng(payload: string) {
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 4, width: 600 });
}

/** Mails the cooperative that the buyer reports the transfer as made (sent once, on the first report). */
export async function notifyTransferReported(
  order: { id: number; number: string; cooperativeId: number; total: number },
  { buyerName, note }: { buyerName: string; note: string },
) {
  await notifyOrganisation({
    organisationId: order.cooperativeId,
    subject: "commerce.mail.transferReportedSubject",
    body: "commerce.mail.transferReportedBody",
    params: { number: order.number, buyer: buyerName, amount: formatVnd(order.total, "vi"), note },
    path: `/dashboard/orders/${order.id}`,
  });
}

/** Tells a buyer paying by card that the cooperative confirmed: the moment to pay (mail; the orders list shows it too). */
export async function notifyCardConfirmed(order: { id: number; number: string; buyerId: number; total: number; expiresAt?: string | null }, cooperativeName: string) {
  await notifyOrganisation({
    organisationId: order.buyerId,
    subject: "commerce.mail.cardConfirmedSubject",
    body: "commerce.mail.cardConfirmedBody",
    params: { number: order.number, cooperative: cooperativeName, total: formatVnd(order.total, "vi"), until: order.expiresAt ? formatDateTime(order.expiresAt, "vi") : "—" },
    path: `/dashboard/orders/${order.id}`,
  });
}
