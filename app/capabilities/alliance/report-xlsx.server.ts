import ExcelJS from "exceljs";
import type { CellKind, ReportContent, ReportTable } from "./report-content.server";

/*
 * The report as an Excel workbook (exceljs): one sheet per table, the title and period above a frozen header row,
 * real numbers with đồng, percentage and date formats (so the committee's staff can sum and chart them).
 */

const formats: Partial<Record<CellKind, string>> = {
  count: "#,##0",
  vnd: '#,##0 "₫"',
  share: "0.0%",
  hours: '0.0 "h"',
  date: "dd/mm/yyyy",
};

function cellValue(kind: CellKind, v: string | number | null) {
  if (v === null || v === "") return null;
  if (kind === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  return v;
}

/** Adds one table as a sheet. `kindOf` lets a row choose its own number format (the summary mixes units). */
export function addSheet(wb: ExcelJS.Workbook, table: ReportTable, heading: { title: string; periodLine: string }, kindOf?: (row: number, col: number) => CellKind) {
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const name = table.sheet.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
  const ws = wb.addWorksheet(wb.getWorksheet(name) ? `${name.slice(0, 27)} ${wb.worksheets.length}` : name);
  ws.getCell("A1").value = heading.title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = heading.periodLine;
  ws.getCell("A3").value = table.title;
  ws.getCell("A3").font = { bold: true };
  const header = ws.getRow(4);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8F3EC" } };
    cell.alignment = { wrapText: true, vertical: "middle" };
    ws.getColumn(i + 1).width = c.width ?? 16;
  });
  table.rows.forEach((r, ri) => {
    const row = ws.getRow(5 + ri);
    r.forEach((v, ci) => {
      const kind = kindOf?.(ri, ci) ?? table.columns[ci]!.kind;
      const cell = row.getCell(ci + 1);
      cell.value = cellValue(kind, v);
      const fmt = formats[kind];
      if (fmt) cell.numFmt = fmt;
      if (kind === "text") cell.alignment = { wrapText: true, vertical: "top" };
    });
  });
  ws.views = [{ state: "frozen", ySplit: 4, xSplit: 1 }];
  return ws;
}

export function addReportSheets(wb: ExcelJS.Workbook, content: ReportContent) {
  const heading = { title: content.title, periodLine: content.periodLine };
  for (const table of content.tables) {
    const kindOf = table.id === "summary" ? (row: number, col: number) => (col >= 1 && col <= 3 ? content.figures[row]!.kind : table.columns[col]!.kind) : undefined;
    addSheet(wb, table, heading, kindOf);
  }
}

export function newWorkbook(title: string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chợ HTX";
  wb.title = title;
  wb.created = new Date();
  return wb;
}

export async function reportXlsx(content: ReportContent): Promise<Buffer> {
  const wb = newWorkbook(content.title);
  addReportSheets(wb, content);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
