import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { csvColumns, csvExample, validateCsvRow, type ProductInput } from "~/lib/product-rules";
import { knownReferences, takenGtins } from "~/models/product.server";

export const MAX_CSV_BYTES = 1024 * 1024;
export const MAX_CSV_ROWS = 2000;

export type RowReport = { line: number; name: string; errors: { column: string; message: string }[] };
export type CsvAnalysis =
  | { ok: false; fileErrors: string[]; rows: RowReport[]; validCount: number }
  | { ok: true; rows: RowReport[]; values: ProductInput[] };

export function csvTemplate(): string {
  return "\uFEFF" + stringify([csvColumns as unknown as string[], csvColumns.map((c) => csvExample[c])]);
}

/**
 * Checks a whole file: its header, then every row with the product form's rules, category and province codes,
 * and GTINs repeated in the file or already on the platform. Every invalid row is reported, not just the first.
 */
export function analyseCsv(text: string): CsvAnalysis {
  let records: string[][];
  // Excel in a Vietnamese locale saves CSV with semicolons (the comma is the decimal separator there).
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, delimiter });
  } catch {
    return { ok: false, fileErrors: ["catalogue.import.unreadable"], rows: [], validCount: 0 };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, fileErrors: ["catalogue.import.empty"], rows: [], validCount: 0 };
  const columns = header.map((h) => h.trim().toLowerCase());
  const missing = ["name_vi", "category_code", "unit", "origin_province_code", "price", "min_order_qty", "stock"].filter((c) => !columns.includes(c));
  const unknown = columns.filter((c) => !(csvColumns as readonly string[]).includes(c));
  if (missing.length || unknown.length) {
    return { ok: false, fileErrors: ["catalogue.import.badHeader"], rows: [], validCount: 0 };
  }
  if (!body.length) return { ok: false, fileErrors: ["catalogue.import.empty"], rows: [], validCount: 0 };
  if (body.length > MAX_CSV_ROWS) return { ok: false, fileErrors: ["catalogue.import.tooManyRows"], rows: [], validCount: 0 };
  const refs = knownReferences();
  const results = body.map((cells, i) => {
    const record = Object.fromEntries(columns.map((c, j) => [c, cells[j]]));
    return { record, result: validateCsvRow(record, i + 2) };
  });
  const gtins = results.flatMap(({ result }) => (result.ok && result.value.gtin ? [result.value.gtin] : []));
  const taken = takenGtins(gtins);
  const seen = new Map<string, number>();
  const rows: RowReport[] = results.map(({ record, result }) => {
    const errors = result.ok ? [] : [...result.errors];
    if (result.ok) {
      const v = result.value;
      if (!refs.categories.has(v.categoryCode)) errors.push({ column: "category_code", message: "catalogue.errors.category" });
      if (!refs.provinces.has(v.originProvinceCode)) errors.push({ column: "origin_province_code", message: "errors.province" });
      if (v.gtin) {
        if (taken.has(v.gtin)) errors.push({ column: "gtin", message: "catalogue.errors.gtinTaken" });
        const first = seen.get(v.gtin);
        if (first) errors.push({ column: "gtin", message: `catalogue.import.gtinRepeated:${first}` });
        else seen.set(v.gtin, result.line);
      }
    }
    return { line: result.line, name: record.name_vi ?? "", errors };
  });
  const invalid = rows.filter((r) => r.errors.length);
  if (invalid.length) return { ok: false, fileErrors: [], rows, validCount: rows.length - invalid.length };
  return { ok: true, rows, values: results.map(({ result }) => (result.ok ? result.value : null)).filter((v): v is ProductInput => v !== null) };
}
