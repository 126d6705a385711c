import PDFDocument from "pdfkit";
import type { MessageKey } from "~/i18n";
import type { Locale } from "~/i18n/locale";
import { fontPath } from "~/capabilities/orders/documents.server";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import type { barGeometry, seriesGeometry } from "~/components/charts/geometry";
import { formatFigure } from "./dashboard-view.server";
import type { CellKind, ReportContent, ReportTable } from "./report-content.server";

/*
 * The report as an A4 PDF (pdfkit, DejaVu fonts embedded for Vietnamese): the same figure rows and tables as the
 * workbook, and the dashboard's charts drawn from the same geometry (bars as rectangles, series from the same SVG
 * path strings d3-shape made for the page).
 */

const GREEN = "#1f6f43";
const LIGHT = "#e8f3ec";
const GRID = "#d5ddd8";
const MARGIN = 40;

function text(kind: CellKind, v: string | number | null, locale: Locale, t: ReportContent["t"]) {
  if (v === null || v === "") return "";
  if (kind === "text") return String(v);
  if (kind === "date") return formatDate(String(v), locale);
  if (kind === "vnd") return formatVnd(Number(v), locale);
  if (kind === "count") return formatNumber(Number(v), locale);
  return formatFigure(kind, Number(v), locale, t);
}

function drawTable(doc: PDFKit.PDFDocument, table: ReportTable, locale: Locale, t: ReportContent["t"], kindOf?: (row: number, col: number) => CellKind) {
  const width = doc.page.width - 2 * MARGIN;
  const weights = table.columns.map((c) => c.width ?? 16);
  const total = weights.reduce((a, b) => a + b, 0);
  const xs: number[] = [];
  let acc = MARGIN;
  for (const w of weights) {
    xs.push(acc);
    acc += (w / total) * width;
  }
  const colWidth = (i: number) => (weights[i]! / total) * width - 4;
  const header = () => {
    doc.font("bold").fontSize(8);
    const h = Math.max(...table.columns.map((c, i) => doc.heightOfString(c.header, { width: colWidth(i) })));
    doc.rect(MARGIN, doc.y - 2, width, h + 4).fill(LIGHT);
    doc.fillColor("black");
    const y = doc.y;
    table.columns.forEach((c, i) => doc.text(c.header, xs[i]!, y, { width: colWidth(i), align: c.kind === "text" ? "left" : "right" }));
    doc.y = y + h + 4;
  };
  doc.font("bold").fontSize(11).text(table.title, MARGIN, doc.y);
  doc.moveDown(0.3);
  header();
  doc.font("regular").fontSize(8);
  table.rows.forEach((r, ri) => {
    const cells = r.map((v, ci) => {
      const kind = kindOf?.(ri, ci) ?? table.columns[ci]!.kind;
      return { s: text(kind, v, locale, t), right: kind !== "text" };
    });
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c.s || " ", { width: colWidth(i) })));
    if (doc.y + h > doc.page.height - MARGIN) {
      doc.addPage();
      header();
      doc.font("regular").fontSize(8);
    }
    const y = doc.y;
    cells.forEach((c, i) => doc.text(c.s, xs[i]!, y, { width: colWidth(i), align: c.right ? "right" : "left" }));
    doc.y = y + h + 2;
    doc.moveTo(MARGIN, doc.y - 1).lineTo(MARGIN + width, doc.y - 1).lineWidth(0.3).strokeColor(GRID).stroke();
  });
  doc.strokeColor("black").fillColor("black");
  doc.moveDown(0.8);
}

type Bars = ReturnType<typeof barGeometry>;
type Series = ReturnType<typeof seriesGeometry>;

/** Draws a chart at the current position, scaled from its SVG box to `width` points. */
function drawChart(doc: PDFKit.PDFDocument, title: string, chart: { kind: "bars"; g: Bars } | { kind: "series"; g: Series }, format: (n: number) => string, width = 360) {
  const box = chart.g.box;
  const scale = width / box.width;
  const height = box.height * scale;
  if (doc.y + height + 30 > doc.page.height - MARGIN) doc.addPage();
  doc.font("bold").fontSize(10).text(title, MARGIN, doc.y);
  const top = doc.y + 4;
  doc.save();
  doc.translate(MARGIN, top).scale(scale);
  doc.font("regular").fontSize(7);
  for (const tick of chart.g.ticks) {
    doc.moveTo(box.left, tick.y).lineTo(box.width - box.right, tick.y).lineWidth(0.5).strokeColor(GRID).stroke();
    doc.fillColor("#55605b").text(format(tick.value), 0, tick.y - 4, { width: box.left - 4, align: "right", lineBreak: false });
  }
  if (chart.kind === "bars") {
    for (const b of chart.g.bars) {
      if (b.height > 0) doc.rect(b.x, b.y, b.width, b.height).fill(GREEN);
      doc.fillColor("#55605b").text(b.label, b.x - 10, box.height - box.bottom + 6, { width: b.width + 20, align: "center", lineBreak: false });
    }
  } else {
    const step = Math.max(1, Math.ceil(chart.g.points.length / 8));
    if (chart.g.areaPath) doc.path(chart.g.areaPath).fill(LIGHT);
    if (chart.g.linePath) doc.path(chart.g.linePath).lineWidth(1.5).strokeColor(GREEN).stroke();
    chart.g.points.forEach((p, i) => {
      doc.circle(p.x, p.y, 2).fill(GREEN);
      if (i % step === 0) doc.fillColor("#55605b").text(p.label, p.x - 20, box.height - box.bottom + 6, { width: 40, align: "center", lineBreak: false });
    });
  }
  doc.restore();
  doc.fillColor("black").strokeColor("black");
  doc.x = MARGIN;
  doc.y = top + height + 10;
}

function begin(title: string) {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: title, Author: "Chợ HTX" }, bufferPages: true });
  doc.registerFont("regular", fontPath("DejaVuSans.ttf"));
  doc.registerFont("bold", fontPath("DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}

export function writeReportPages(doc: PDFKit.PDFDocument, content: ReportContent, locale: Locale) {
  const { t } = content;
  doc.font("bold").fontSize(16).text(content.title, MARGIN, doc.y);
  doc.font("regular").fontSize(9).text(content.periodLine);
  doc.moveDown();
  const [summary, ...rest] = content.tables;
  // The summary without its long "how counted" column; the workbook keeps it.
  const short: ReportTable = { ...summary!, columns: summary!.columns.slice(0, 4), rows: summary!.rows.map((r) => r.slice(0, 4)) };
  drawTable(doc, short, locale, t, (row, col) => (col >= 1 ? content.figures[row]!.kind : "text"));
  const c = content.charts;
  const n = (x: number) => formatNumber(x, locale);
  const compact = (x: number) => new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { notation: "compact", maximumFractionDigits: 1 }).format(x);
  drawChart(doc, c.coopTypes.title, { kind: "bars", g: c.coopTypes.geometry }, n);
  drawChart(doc, c.ocopStars.title, { kind: "bars", g: c.ocopStars.geometry }, n);
  drawChart(doc, c.ocopGroups.title, { kind: "bars", g: c.ocopGroups.geometry }, n);
  drawChart(doc, c.scans.title, { kind: "series", g: c.scans.geometry }, n);
  drawChart(doc, c.paid.title, { kind: "series", g: c.paid.geometry }, compact);
  if (c.gtin) {
    doc.font("bold").fontSize(10).text(c.gtin.title, MARGIN, doc.y);
    const y = doc.y + 4;
    doc.rect(MARGIN, y, 360, 14).fill(LIGHT);
    doc.rect(MARGIN, y, (c.gtin.geometry.filled / c.gtin.geometry.box.width) * 360, 14).fill(GREEN);
    doc.fillColor("black").font("regular").fontSize(9).text(c.gtin.value, MARGIN + 366, y + 2);
    doc.x = MARGIN;
    doc.y = y + 24;
  }
  for (const table of rest) drawTable(doc, table, locale, t);
}

export function pageNumbers(doc: PDFKit.PDFDocument, t: ReportContent["t"]) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Written inside the bottom margin: without lifting it, pdfkit would start a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(7).fillColor("#55605b").text(`Chợ HTX · ${i + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN + 10, { width: doc.page.width - 2 * MARGIN, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  void t;
}

export async function reportPdf(content: ReportContent, locale: Locale): Promise<Buffer> {
  const { doc, done } = begin(content.title);
  writeReportPages(doc, content, locale);
  pageNumbers(doc, content.t);
  doc.end();
  return done;
}

export { begin as beginPdf };
export type { MessageKey };
