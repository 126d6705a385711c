import path from "node:path";
import bwipjs from "bwip-js/node";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { displayGtin } from "~/lib/gtin";

const MM = 72 / 25.4;
const FONT = path.resolve("app/assets/fonts/DejaVuSans.ttf");
const FONT_BOLD = path.resolve("app/assets/fonts/DejaVuSans-Bold.ttf");

/** A4 sheets that match common pre-cut label stock. */
export const layouts = {
  "3x8": { cols: 3, rows: 8, w: 70, h: 37, top: 0.5, left: 0 },
  "2x5": { cols: 2, rows: 5, w: 105, h: 59.4, top: 0, left: 0 },
} as const;
export type Layout = keyof typeof layouts;

export type LabelInput = {
  productName: string;
  gtin14: string;
  lotCode: string;
  packingDate: string;
  bestBeforeDate: string;
  /** The producer's name and address: Vietnamese labelling rules expect them on every package. */
  producer: { name: string; address: string };
  /** One URI per label (serialised lots) or a single URI repeated. */
  uris: string[];
  texts: { lot: string; packed: string; bestBefore: string; scan: string; producer: string };
};

/** Height of the producer strip on the small label: two lines of 5 pt text. */
const STRIP = 12.5;

const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Draws a QR as vector runs, so it stays sharp at any print resolution; `size` includes the 4-module quiet zone. */
export function qrRuns(text: string) {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const runs: [number, number, number][] = [];
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      runs.push([r, start, c - start]);
    }
  }
  return { n, runs };
}

export function drawQr(doc: PDFKit.PDFDocument, qr: ReturnType<typeof qrRuns>, x: number, y: number, size: number) {
  const cell = size / (qr.n + 8);
  doc.save().rect(x, y, size, size).fill("#ffffff").restore();
  for (const [r, c, len] of qr.runs) doc.rect(x + (4 + c) * cell, y + (4 + r) * cell, len * cell + 0.01, cell + 0.01);
  doc.fill("#000000");
}

async function ean13Png(gtin14: string): Promise<Buffer | null> {
  const code = displayGtin(gtin14);
  // EAN-13 prints a GTIN-13; a GTIN-14 with indicator digit needs ITF-14, which small labels do not carry.
  if (code.length !== 13) return null;
  return bwipjs.toBuffer({ bcid: "ean13", text: code, scale: 4, height: 12, includetext: true, paddingleft: 11, paddingright: 7, backgroundcolor: "FFFFFF" });
}

/** Builds the label sheet PDF; for 1,000 labels this takes well under a few seconds (vector QR, one barcode image). */
export async function labelSheet(layoutName: Layout, count: number, input: LabelInput): Promise<Buffer> {
  const layout = layouts[layoutName];
  const doc = new PDFDocument({ size: "A4", margin: 0, font: FONT, autoFirstPage: false, info: { Title: `${input.productName} ${input.lotCode}`, Creator: "Chợ HTX" } });
  doc.registerFont("body", FONT);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const barcode = await ean13Png(input.gtin14);
  // Opened once and reused, so the PNG is embedded a single time however many labels there are.
  const barcodeImage = barcode ? (doc as unknown as { openImage(b: Buffer): { width: number; height: number } }).openImage(barcode) : null;
  const perPage = layout.cols * layout.rows;
  const w = layout.w * MM;
  const h = layout.h * MM;
  const pad = 2.5 * MM;
  const big = layoutName === "2x5";
  let single: ReturnType<typeof qrRuns> | null = null;
  // Switching fonts is what costs time in pdfkit, so each page is drawn in two passes: QR codes and bold names,
  // then everything in the regular face.
  for (let first = 0; first < count; first += perPage) {
    doc.addPage({ size: "A4", margin: 0 });
    const slots = Array.from({ length: Math.min(perPage, count - first) }, (_, slot) => {
      const i = first + slot;
      const x = (layout.left + (slot % layout.cols) * layout.w) * MM;
      const y = (layout.top + Math.floor(slot / layout.cols) * layout.h) * MM;
      // The small label keeps a strip along its bottom for the producer (two lines at 5 pt); the QR keeps its 27 mm.
      const qrSize = Math.min(h - 2 * pad - (big ? 0 : STRIP), (big ? 40 : 27) * MM);
      const tx = x + pad + qrSize + 1.5 * MM;
      return { uri: input.uris[i % input.uris.length]!, x, y, qrSize, tx, tw: w - (tx - x) - pad, ty: 0 };
    });
    doc.font("bold").fontSize(big ? 10 : 7).fillColor("#000000");
    for (const s of slots) {
      if (input.uris.length > 1 || !single) single = qrRuns(s.uri);
      drawQr(doc, single, s.x + pad, s.y + pad, s.qrSize);
      doc.text(input.productName, s.tx, s.y + pad + 1, { width: s.tw, height: big ? 25 : 17.5, ellipsis: true, lineGap: 0 });
      s.ty = doc.y + 1;
    }
    doc.font("body");
    const size = big ? 8.5 : 6;
    const line = size * 1.3;
    for (const s of slots) {
      let ty = s.ty;
      doc.fontSize(size);
      const serial = input.uris.length > 1 ? decodeURIComponent(s.uri.split("/21/")[1]?.split("?")[0] ?? "") : "";
      doc.text(`${input.texts.lot}: ${input.lotCode}${serial ? ` · ${serial}` : ""}`, s.tx, ty, { width: s.tw, lineBreak: false });
      ty += line;
      if (big) {
        doc.text(`${input.texts.packed}: ${vnDate(input.packingDate)}  ${input.texts.bestBefore}: ${vnDate(input.bestBeforeDate)}`, s.tx, ty, { width: s.tw, lineBreak: false });
        ty += line;
      } else {
        doc.text(`${input.texts.packed}: ${vnDate(input.packingDate)}`, s.tx, ty, { width: s.tw, lineBreak: false });
        ty += line;
        doc.text(`${input.texts.bestBefore}: ${vnDate(input.bestBeforeDate)}`, s.tx, ty, { width: s.tw, lineBreak: false });
        ty += line;
      }
      if (big) {
        doc.fontSize(7);
        doc.text(`${input.texts.producer}: ${input.producer.name}`, s.tx, ty, { width: s.tw, height: 17, ellipsis: true, lineGap: 0 });
        ty = doc.y;
        doc.text(input.producer.address, s.tx, ty, { width: s.tw, height: 17, ellipsis: true, lineGap: 0 });
        ty = doc.y;
      } else {
        doc.fontSize(5);
        doc.text(`${input.texts.producer}: ${input.producer.name} · ${input.producer.address}`, s.x + pad, s.y + h - pad - STRIP + 1, { width: w - 2 * pad, height: STRIP, ellipsis: true, lineGap: 0 });
      }
      ty += 1;
      const bottom = s.y + h - pad - (big ? 0 : STRIP);
      if (barcodeImage) {
        // Scaled as a whole (never squeezed), so bar widths keep their ratios.
        const ratio = barcodeImage.width / barcodeImage.height;
        let bh = Math.min(bottom - ty, (big ? 24 : 14) * MM);
        let bw = bh * ratio;
        if (bw > s.tw) {
          bw = s.tw;
          bh = bw / ratio;
        }
        doc.image(barcodeImage as unknown as Buffer, s.tx, bottom - bh, { width: bw, height: bh });
      }
      if (big) doc.fontSize(7).text(input.texts.scan, s.x + pad, s.y + pad + s.qrSize + 0.5 * MM, { width: s.qrSize, align: "center", lineBreak: false });
    }
  }
  if (count === 0) doc.addPage();
  doc.end();
  return done;
}
