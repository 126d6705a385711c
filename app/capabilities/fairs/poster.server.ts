import path from "node:path";
import PDFDocument from "pdfkit";
import { drawQr, qrRuns } from "~/capabilities/trace/labels.server";
import { getT } from "~/i18n";
import type { Locale } from "~/i18n/locale";
import type { getBoothPoster } from "~/models/fair.server";
import { absoluteUrl } from "~/services/mail.server";

const MM = 72 / 25.4;
const FONT = path.resolve("app/assets/fonts/DejaVuSans.ttf");
const FONT_BOLD = path.resolve("app/assets/fonts/DejaVuSans-Bold.ttf");
const GREEN = "#1f6f43";

export const boothPath = (fairId: number, boothId: number) => `/fairs/${fairId}/booths/${boothId}`;

const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

type Poster = NonNullable<ReturnType<typeof getBoothPoster>>;

/**
 * The A4 booth poster: the fair on a green band, the booth number big enough to read across an aisle, the
 * cooperative, a vector QR code to the booth page (about 11 cm, so a phone reads it from two metres) and the
 * products shown with their OCOP stars. Fonts are embedded DejaVu, so every Vietnamese diacritic prints.
 */
export async function boothPoster(poster: Poster, locale: Locale): Promise<Buffer> {
  const t = getT(locale);
  const { fair, booth } = poster;
  const url = absoluteUrl(boothPath(fair.id, booth.id));
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    font: FONT,
    info: { Title: `${poster.cooperativeName} · ${fair.name}`, Subject: url, Creator: "Chợ HTX" },
  });
  doc.registerFont("body", FONT);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const W = 210 * MM;
  const margin = 15 * MM;
  const inner = W - 2 * margin;

  // The fair, on a band.
  doc.rect(0, 0, W, 34 * MM).fill(GREEN);
  doc.fillColor("#ffffff").font("bold").fontSize(17).text(fair.name, margin, 8 * MM, { width: inner, align: "center", height: 16 * MM, ellipsis: true });
  const when = fair.startDate === fair.endDate ? vnDate(fair.startDate) : `${vnDate(fair.startDate)} – ${vnDate(fair.endDate)}`;
  doc.font("body").fontSize(11).text(`${when} · ${fair.venue}`, margin, doc.y + 1 * MM, { width: inner, align: "center", height: 12 * MM, ellipsis: true });

  // Booth number and cooperative.
  doc.fillColor("#000000").font("body").fontSize(14).text(t("fairs.poster.booth"), margin, 42 * MM, { width: inner, align: "center", characterSpacing: 2 });
  if (booth.boothNumber) doc.font("bold").fontSize(64).text(booth.boothNumber, margin, doc.y, { width: inner, align: "center" });
  else doc.font("body").fontSize(20).fillColor("#555555").text(t("fairs.poster.unnumbered"), margin, doc.y + 4 * MM, { width: inner, align: "center" });
  doc.fillColor("#000000").font("bold").fontSize(24).text(poster.cooperativeName, margin, doc.y + 2 * MM, { width: inner, align: "center", height: 22 * MM, ellipsis: true });
  doc.font("body").fontSize(12).fillColor("#333333").text(poster.provinceName, margin, doc.y + 1 * MM, { width: inner, align: "center" });

  // The QR code, centred, with its caption and the address for phones that cannot scan.
  const qrSize = 110 * MM;
  const qrY = doc.y + 8 * MM;
  doc.fillColor("#000000");
  drawQr(doc, qrRuns(url), (W - qrSize) / 2, qrY, qrSize);
  doc.font("bold").fontSize(13).text(t("fairs.poster.scan"), margin, qrY + qrSize + 1 * MM, { width: inner, align: "center" });
  doc.font("body").fontSize(9).fillColor("#333333").text(url, margin, doc.y + 0.5 * MM, { width: inner, align: "center" });

  // Products shown, two columns, with OCOP stars.
  const products = poster.products.slice(0, 8);
  if (products.length) {
    let y = doc.y + 7 * MM;
    doc.fillColor(GREEN).font("bold").fontSize(14).text(t("fairs.poster.products"), margin, y, { width: inner });
    y = doc.y + 1.5 * MM;
    const colW = (inner - 6 * MM) / 2;
    const rowH = 9 * MM;
    products.forEach((p, i) => {
      const x = margin + (i % 2) * (colW + 6 * MM);
      const py = y + Math.floor(i / 2) * rowH;
      const name = locale === "en" && p.nameEn ? p.nameEn : p.name;
      const stars = p.ocopStars ? `  OCOP ${"★".repeat(p.ocopStars)}` : "";
      doc.fillColor("#000000").font("body").fontSize(12).text(`• ${name}`, x, py, { width: colW - (stars ? 30 * MM : 0), height: rowH, ellipsis: true, lineBreak: false });
      if (stars) doc.fillColor("#7a5a00").font("bold").fontSize(11).text(stars.trim(), x + colW - 30 * MM, py + 0.5, { width: 30 * MM, align: "right", lineBreak: false });
    });
  }

  doc.fillColor("#555555").font("body").fontSize(8).text("Chợ HTX", margin, 287 * MM, { width: inner, align: "center", lineBreak: false });
  doc.end();
  return done;
}

export function pdfResponse(pdf: Buffer, filename: string) {
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
}
