import ExcelJS from "exceljs";
import { getT } from "~/i18n";
import { formatVietnamesePhone } from "~/lib/phone";
import type { Fair } from "~/models/fair.server";
import type { fairOutcome } from "~/models/fair-lead.server";

/** What the organiser sees after the fair; the page (components/fair-outcome.tsx) and the XLSX draw the same data. */
export type Outcome = ReturnType<typeof fairOutcome>;

const VND = '#,##0 "₫"';
const DATE_TIME = "dd/mm/yyyy hh:mm";
const DATE = "dd/mm/yyyy";

/** An instant as Viet Nam's wall-clock time: spreadsheet dates carry no zone, and readers are in Viet Nam. */
const localTime = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000);
const calendarDate = (d: string) => new Date(`${d}T00:00:00Z`);

type Column = { header: string; width: number; numFmt?: string };

/** A sheet with the fair as its title row, a bold header row frozen under it, and the given rows. */
function addSheet(book: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: unknown[][]) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  sheet.getRow(1).values = [title];
  sheet.getRow(1).font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F3EC" } };
  header.alignment = { vertical: "middle", wrapText: true };
  for (const r of rows) sheet.addRow(r);
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return sheet;
}

/**
 * The fair's results as a workbook: a summary, then booths, leads, inquiries and orders, one sheet each, with
 * Vietnamese headers (the report goes to the province), đồng and date formats, and frozen header rows. The figures
 * are the same `fairOutcome` the page shows.
 */
export async function fairWorkbook(fair: Fair & { provinceName: string }, outcome: Outcome): Promise<Buffer> {
  const t = getT("vi");
  const book = new ExcelJS.Workbook();
  book.creator = "Chợ HTX";
  book.created = new Date();
  const title = `${fair.name} · ${fair.provinceName}`;
  const yesNo = (b: boolean) => (b ? t("fairs.xlsx.yes") : t("fairs.xlsx.no"));

  const summary = addSheet(book, t("fairs.xlsx.summary"), title, [
    { header: t("fairs.xlsx.figure"), width: 34 },
    { header: t("fairs.xlsx.value"), width: 22 },
  ], [
    [t("fairs.field.startDate"), calendarDate(fair.startDate)],
    [t("fairs.field.endDate"), calendarDate(fair.endDate)],
    [t("fairs.field.venue"), fair.venue],
    [t("fairs.alliance.booths"), outcome.totals.booths],
    [t("fairs.alliance.leads"), outcome.totals.leads],
    [t("fairs.xlsx.leadsAnswered"), outcome.totals.leadsAnswered],
    [t("fairs.alliance.inquiries"), outcome.totals.inquiries],
    [t("fairs.alliance.orders"), outcome.totals.orders],
    [t("fairs.alliance.orderValue"), outcome.totals.orderValue],
  ]);
  summary.getCell("B3").numFmt = DATE;
  summary.getCell("B4").numFmt = DATE;
  summary.getCell("B11").numFmt = VND;

  addSheet(book, t("fairs.xlsx.booths"), title, [
    { header: t("fairs.alliance.boothNumber"), width: 10 },
    { header: t("fairs.alliance.cooperative"), width: 36 },
    { header: t("fairs.alliance.province"), width: 22 },
    { header: t("fairs.alliance.status"), width: 14 },
    { header: t("fairs.alliance.products"), width: 12 },
    { header: t("fairs.alliance.leads"), width: 14 },
    { header: t("fairs.alliance.inquiries"), width: 14 },
    { header: t("fairs.alliance.orders"), width: 12 },
    { header: t("fairs.alliance.orderValue"), width: 18, numFmt: VND },
  ], outcome.booths.map((b) => [
    b.boothNumber ?? "",
    b.cooperativeName,
    b.provinceName,
    b.state === "registered" ? t("fairs.alliance.registered") : t("fairs.alliance.withdrawn"),
    b.products,
    b.leads,
    b.inquiries,
    b.orders,
    b.orderValue,
  ]));

  addSheet(book, t("fairs.xlsx.leads"), title, [
    { header: t("fairs.alliance.when"), width: 17, numFmt: DATE_TIME },
    { header: t("fairs.alliance.boothNumber"), width: 10 },
    { header: t("fairs.alliance.cooperative"), width: 32 },
    { header: t("fairs.alliance.name"), width: 24 },
    { header: t("fairs.alliance.business"), width: 28 },
    { header: t("fairs.xlsx.phone"), width: 16 },
    { header: t("fairs.xlsx.email"), width: 28 },
    { header: t("fairs.alliance.interest"), width: 48 },
    { header: t("fairs.xlsx.fromBuyer"), width: 14 },
    { header: t("fairs.alliance.status"), width: 14 },
    { header: t("fairs.xlsx.thread"), width: 12 },
  ], outcome.leads.map((l) => [
    localTime(l.createdAt),
    l.boothNumber ?? "",
    l.cooperativeName,
    l.name,
    l.business ?? "",
    l.phone ? formatVietnamesePhone(l.phone) : "",
    l.email ?? "",
    l.interest,
    yesNo(l.fromBuyer),
    l.answered ? t("fairs.alliance.answered") : t("fairs.alliance.notAnswered"),
    l.threadId ?? "",
  ]));

  addSheet(book, t("fairs.xlsx.inquiries"), title, [
    { header: t("fairs.alliance.when"), width: 17, numFmt: DATE_TIME },
    { header: t("fairs.alliance.boothNumber"), width: 10 },
    { header: t("fairs.alliance.cooperative"), width: 32 },
    { header: t("fairs.alliance.buyer"), width: 32 },
    { header: t("fairs.alliance.subject"), width: 48 },
  ], outcome.inquiries.map((i) => [localTime(i.createdAt), i.boothNumber ?? "", i.cooperativeName, i.buyerName, i.subject]));

  addSheet(book, t("fairs.xlsx.orders"), title, [
    { header: t("fairs.alliance.when"), width: 17, numFmt: DATE_TIME },
    { header: t("fairs.alliance.order"), width: 18 },
    { header: t("fairs.alliance.boothNumber"), width: 10 },
    { header: t("fairs.alliance.cooperative"), width: 32 },
    { header: t("fairs.alliance.buyer"), width: 32 },
    { header: t("fairs.alliance.total"), width: 16, numFmt: VND },
    { header: t("fairs.alliance.status"), width: 14 },
  ], outcome.orders.map((o) => [localTime(o.createdAt), o.number, o.boothNumber ?? "", o.cooperativeName, o.buyerName, o.total, t(`orders.status.${o.status}`)]));

  return Buffer.from(await book.xlsx.writeBuffer());
}
