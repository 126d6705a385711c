import { addressLine } from "~/lib/address";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { getT, type MessageKey } from "~/i18n";
import type { Locale } from "~/i18n/locale";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import { bankLabel, buildVietQr, orderTransferNote } from "~/lib/vietqr";
import type { getOrderForOrganisation } from "~/models/order.server";

type OrderView = NonNullable<ReturnType<typeof getOrderForOrganisation>>;

/** The transfer details for a bank-transfer order, or null when the cooperative has no account on file. */
export function transferDetails(view: Pick<OrderView, "order" | "cooperative">) {
  const { order, cooperative } = view;
  if (!cooperative.bankBin || !cooperative.bankAccount) return null;
  const note = orderTransferNote(order.number);
  const payload = buildVietQr({ bankBin: cooperative.bankBin, accountNumber: cooperative.bankAccount, amount: order.total, note });
  return { payload, note, bin: bankLabel(cooperative.bankBin), account: cooperative.bankAccount, holder: cooperative.bankHolder ?? cooperative.name, amount: order.total };
}

export function qrDataUrl(payload: string) {
  return QRCode.toDataURL(payload, { errorCorrectionLevel: "M", margin: 2, width: 280 });
}

// Fonts with Vietnamese coverage are committed beside the app, so the PDF never depends on system fonts. The
// build copies nothing, so both the source tree and the server build resolve them from the project root.
export function fontPath(name: string) {
  const candidates = [
    path.resolve("app/assets/fonts", name),
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app/assets/fonts", name),
  ];
  return candidates.find((c) => fs.existsSync(c)) ?? candidates[0]!;
}

/** Order confirmation / pro-forma invoice: both parties, lines, totals in VND, and the VietQR for a transfer. */
export async function orderPdf(view: OrderView, locale: Locale): Promise<Buffer> {
  const t = getT(locale);
  const { order, buyer, cooperative, lines, province } = view;
  const transfer = order.paymentMethod === "bank_transfer" ? transferDetails(view) : null;
  const qr = transfer ? await QRCode.toBuffer(transfer.payload, { errorCorrectionLevel: "M", margin: 1, width: 300 }) : null;
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: `${order.number}`, Author: "Chợ HTX" } });
  doc.registerFont("regular", fontPath("DejaVuSans.ttf"));
  doc.registerFont("bold", fontPath("DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  doc.font("bold").fontSize(15).text(t("orders.pdf.title"), { align: "center" });
  doc.moveDown(0.5).font("regular").fontSize(10);
  doc.text(t("orders.pdf.number", { number: order.number }));
  doc.text(t("orders.pdf.date", { date: formatDate(order.createdAt, locale) }));
  doc.text(t("orders.pdf.status", { status: t(`orders.status.${order.status}` as MessageKey) }));
  doc.moveDown();

  const top = doc.y;
  const party = (x: number, title: string, org: typeof buyer) => {
    doc.font("bold").fontSize(11).text(title, x, top, { width: 240 });
    doc.font("regular").fontSize(10).text(org.name, { width: 240 });
    if (org.address) doc.text(org.address, { width: 240 });
    if (org.taxCode) doc.text(t("orders.detail.taxCode", { code: org.taxCode }), { width: 240 });
    if (org.registrationNumber) doc.text(t("orders.detail.registration", { code: org.registrationNumber }), { width: 240 });
    if (org.phone) doc.text(org.phone, { width: 240 });
    if (org.email) doc.text(org.email, { width: 240 });
    return doc.y;
  };
  const leftEnd = party(48, t("orders.pdf.seller"), cooperative);
  const rightEnd = party(310, t("orders.pdf.buyer"), buyer);
  doc.x = 48;
  doc.y = Math.max(leftEnd, rightEnd) + 10;
  doc.font("bold").text(t("orders.pdf.deliverTo"));
  doc.font("regular").text(addressLine([order.deliveryAddress, order.deliveryCommune, province?.name]));
  if (order.requestedDate) doc.text(t("orders.detail.requestedDate", { date: formatDate(order.requestedDate, locale) }));
  doc.moveDown();

  const cols = [48, 78, 300, 380, 465];
  const header = [t("orders.pdf.no"), t("orders.pdf.product"), t("orders.pdf.qty"), t("orders.pdf.unitPrice"), t("orders.pdf.amount")];
  let y = doc.y;
  doc.font("bold");
  header.forEach((h, i) => doc.text(h, cols[i]!, y, { width: i === 1 ? 215 : 80, align: i >= 2 ? "right" : "left" }));
  y = doc.y + 4;
  doc.moveTo(48, y).lineTo(547, y).stroke();
  doc.font("regular");
  lines.forEach((l, n) => {
    y += 6;
    const row = [String(n + 1), l.productName, `${formatNumber(l.quantity, locale)} ${t(`units.${l.unit}` as MessageKey)}`, formatVnd(l.unitPrice, locale), formatVnd(l.lineTotal, locale)];
    let bottom = y;
    row.forEach((cell, i) => {
      doc.text(cell, cols[i]!, y, { width: i === 1 ? 215 : 80, align: i >= 2 ? "right" : "left" });
      bottom = Math.max(bottom, doc.y);
    });
    y = bottom;
  });
  y += 6;
  doc.moveTo(48, y).lineTo(547, y).stroke();
  doc.font("bold").text(`${t("orders.pdf.total")}: ${formatVnd(order.total, locale)}`, 300, y + 8, { width: 247, align: "right" });
  doc.x = 48;
  doc.moveDown();
  doc.font("regular").text(t("orders.pdf.payBy", { method: t(`orders.method.${order.paymentMethod}` as MessageKey) }), 48);

  if (transfer && qr) {
    doc.moveDown();
    const qrTop = doc.y;
    doc.image(qr, 48, qrTop, { width: 130 });
    doc.font("bold").text(t("orders.pdf.scan"), 195, qrTop);
    doc.font("regular");
    doc.text(t("orders.detail.bank", { bin: transfer.bin }), 195);
    doc.text(t("orders.detail.account", { account: transfer.account }), 195);
    doc.text(t("orders.detail.holder", { holder: transfer.holder }), 195);
    doc.text(t("orders.detail.amount", { amount: formatVnd(transfer.amount, locale) }), 195);
    doc.text(t("orders.detail.note", { note: transfer.note }), 195);
    doc.y = Math.max(doc.y, qrTop + 140);
  }
  doc.x = 48;
  doc.moveDown(2).fontSize(8).fillColor("#555").text(t("orders.pdf.footer"), 48);
  doc.end();
  return done;
}
