import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import { getT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { addDays, keyOf, parsePeriod, previousPeriod, vietnamDayStartUtc } from "~/lib/periods";
import { dashboardFigures, nationalTable } from "~/models/alliance-figures.server";
import { listRows } from "~/models/alliance-lists.server";
import { figureRows } from "~/capabilities/alliance/dashboard-view.server";
import { loader as dashboardLoader } from "~/routes/alliance.dashboard._index";
import { loader as listLoader } from "~/routes/alliance.dashboard.$list._index";
import { loader as csvLoader } from "~/routes/alliance.dashboard.$list.export";
import { loader as xlsxLoader } from "~/routes/alliance.report[.]xlsx";
import { loader as pdfLoader } from "~/routes/alliance.report[.]pdf";
import { args, call, cookieFor, get } from "./catalogue-helpers";

const today = todayInVietnam();
const lastQuarter = keyOf("quarter", addDays(`${today.slice(0, 4)}-${String((Number(keyOf("quarter", today).slice(6)) - 1) * 3 + 1).padStart(2, "0")}-01`, -1));
const period = (() => {
  const r = parsePeriod({ kind: "quarter", key: lastQuarter }, today);
  if (!r.ok) throw new Error(r.error);
  return r.period;
})();
const previous = previousPeriod(period);
const q = `kind=quarter&key=${lastQuarter}`;
const lienminh = () => cookieFor("lienminh@demo.chohtx.vn");
const admin = () => cookieFor("admin@demo.chohtx.vn");
const c = () => getDb().$client;
const changes = () => (c().prepare("SELECT total_changes() AS n").get() as { n: number }).n;

describe("figures", () => {
  it("read from the rollups equal the same figures computed from the raw tables", () => {
    for (const provinceCode of ["86", "79", null]) {
      const fast = dashboardFigures({ provinceCode, period, previous, today });
      const raw = dashboardFigures({ provinceCode, period, previous, today, source: "raw" });
      expect(fast).toEqual(raw);
    }
    expect(nationalTable({ period, today })).toEqual(nationalTable({ period, today, source: "raw" }));
  });

  it("match hand-written SQL over orders, scans and inquiries for Vĩnh Long", () => {
    const f = dashboardFigures({ provinceCode: "86", period, previous, today });
    const [start, end] = [vietnamDayStartUtc(period.from), vietnamDayStartUtc(addDays(period.to, 1))];
    const paid = c().prepare("SELECT count(*) AS n, coalesce(sum(x.total), 0) AS v FROM orders x JOIN organisations o ON o.id = x.cooperative_id WHERE o.province_code = '86' AND x.paid_at >= ? AND x.paid_at < ?").get(start, end) as { n: number; v: number };
    expect(f.orders.paid.now).toMatchObject({ n: paid.n, value: paid.v });
    expect(paid.n).toBeGreaterThan(0);
    const scans = c().prepare("SELECT count(*) AS n FROM scans s JOIN lots l ON l.id = s.lot_id JOIN organisations o ON o.id = l.cooperative_id WHERE o.province_code = '86' AND s.at >= ? AND s.at < ?").get(start, end) as { n: number };
    expect(f.scans.now).toBe(scans.n);
    expect(f.scans.perWeek.reduce((s, w) => s + w.n, 0)).toBe(scans.n);
    const threads = c().prepare("SELECT count(*) AS n FROM threads t JOIN organisations o ON o.id = t.cooperative_id WHERE o.province_code = '86' AND t.created_at >= ? AND t.created_at < ?").get(start, end) as { n: number };
    expect(f.inquiries.now.n).toBe(threads.n);
    expect(f.inquiries.now.medianSeconds).not.toBeNull();
    const coops = c().prepare("SELECT count(*) AS n FROM organisations WHERE kind = 'cooperative' AND province_code = '86' AND status <> 'suspended'").get() as { n: number };
    expect(f.cooperatives.total).toBe(coops.n);
  });

  it("agree between the dashboard, the drill-down lists, the CSV, the XLSX and the PDF", async () => {
    const f = dashboardFigures({ provinceCode: "86", period, previous, today });
    const t = getT("vi");
    const rows = figureRows(f, t, "vi");
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));

    // The page shows these rows.
    const page = await call(() => dashboardLoader(args(get(`/alliance/dashboard?${q}`, lienminh()))));
    expect(page.status).toBe(200);
    const shown = (page.data as { figures: { id: string; value: string }[] }).figures;
    expect(shown.find((x) => x.id === "scans")?.value).toBe(new Intl.NumberFormat("vi-VN").format(f.scans.now));

    // Each list has as many rows (or sums to) the figure.
    const list = (name: Parameters<typeof listRows>[0]["list"], filters: Record<string, string> = {}) => listRows({ list: name, provinceCode: "86", period, today, filters });
    expect(list("cooperatives").total).toBe(byId.cooperatives!.now);
    expect(list("cooperatives", { state: "verified" }).total).toBe(byId.verified!.now);
    expect(list("products").total).toBe(byId.published!.now);
    expect(list("ocop").total).toBe(byId.ocop!.now);
    expect(list("ocop", { stars: "4" }).total).toBe(byId.ocop4!.now);
    for (const w of [30, 60, 90]) expect(list("expiring", { within: String(w) }).total).toBe(byId[`expiring${w}`]!.now);
    expect(list("lots").total).toBe(byId.lots!.now);
    expect(list("scans").rows.reduce((s, r) => s + Number(r.scans), 0)).toBe(byId.scans!.now);
    expect(list("inquiries").total).toBe(byId.inquiries!.now);
    expect(list("orders", { basis: "placed" }).total).toBe(byId.ordersPlaced!.now);
    const paidRows = list("orders", { basis: "paid" }).rows;
    expect(paidRows.reduce((s, r) => s + Number(r.total), 0)).toBe(byId.paidValue!.now);
    expect(list("decisions", { status: "verified" }).total).toBe(byId.verifiedDecisions!.now);

    // The list page and its CSV.
    const listPage = await call(() => listLoader(args(get(`/alliance/dashboard/orders?${q}&basis=paid`, lienminh()), { list: "orders" })));
    expect(listPage.status).toBe(200);
    expect((listPage.data as { total: number }).total).toBe(paidRows.length);
    const csv = await call(() => csvLoader(args(get(`/alliance/dashboard/orders/export?${q}&basis=paid`, lienminh()), { list: "orders" })));
    expect(csv.status).toBe(200);
    const csvText = await csv.response!.text();
    const csvLines = csvText.trim().split("\n");
    expect(csvLines).toHaveLength(paidRows.length + 1);
    const totalCol = csvLines[0]!.split(",").indexOf(t("alliance.col.total"));
    expect(csvLines.slice(1).reduce((s, l) => s + Number(l.split(",")[totalCol]), 0)).toBe(byId.paidValue!.now);

    // The workbook, read back with exceljs.
    const x = await call(() => xlsxLoader(args(get(`/alliance/report.xlsx?${q}`, lienminh()))));
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.response!.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([t("alliance.report.sheet.summary"), t("alliance.report.sheet.cooperatives"), t("alliance.report.sheet.ocop"), t("alliance.report.sheet.orders"), t("alliance.report.sheet.scans"), t("alliance.report.sheet.expiring")]);
    const summary = wb.getWorksheet(t("alliance.report.sheet.summary"))!;
    expect(String(summary.getCell("A1").value)).toContain("Vĩnh Long");
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    rows.forEach((r, i) => {
      const row = summary.getRow(5 + i);
      expect(row.getCell(1).value).toBe(r.label);
      expect(row.getCell(2).value ?? null).toBe(r.now);
      expect(row.getCell(3).value ?? null).toBe(r.before);
    });
    expect(summary.getRow(5 + rows.findIndex((r) => r.id === "paidValue")).getCell(2).numFmt).toContain("₫");

    // The PDF: its text carries the same formatted figures.
    const p = await call(() => pdfLoader(args(get(`/alliance/report.pdf?${q}`, lienminh()))));
    expect(p.status).toBe(200);
    const file = path.join(os.tmpdir(), `alliance-${process.pid}.pdf`);
    fs.writeFileSync(file, Buffer.from(await p.response!.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    fs.rmSync(file);
    expect(text).toContain("Tỉnh Vĩnh Long");
    for (const id of ["scans", "lots", "inquiries", "ordersPlaced"]) expect(text).toContain(new Intl.NumberFormat("vi-VN").format(byId[id]!.now!));
    expect(text.replace(/\s/g, "")).toContain(new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND", maximumFractionDigits: 0 }).format(byId.paidValue!.now!).replace(/\s/g, ""));
  });

  it("give the platform admin a national view with the 34 provinces", async () => {
    const r = await call(() => dashboardLoader(args(get(`/alliance/dashboard?${q}`, admin()))));
    expect(r.status).toBe(200);
    const d = r.data as { province: null; national: { provinceCode: string; scans: number }[] };
    expect(d.province).toBeNull();
    expect(d.national).toHaveLength(34);
    const one = await call(() => dashboardLoader(args(get(`/alliance/dashboard?province=79&${q}`, admin()))));
    expect((one.data as { province: { code: string } }).province.code).toBe("79");
  });
});

describe("access and bad input", () => {
  it("refuses another province's dashboard, list, CSV and reports to an alliance admin (403), writing nothing", async () => {
    const cookie = lienminh();
    const before = changes();
    for (const run of [
      () => dashboardLoader(args(get(`/alliance/dashboard?province=79&${q}`, cookie))),
      () => listLoader(args(get(`/alliance/dashboard/orders?province=79&${q}`, cookie), { list: "orders" })),
      () => csvLoader(args(get(`/alliance/dashboard/orders/export?province=79&${q}`, cookie), { list: "orders" })),
      () => xlsxLoader(args(get(`/alliance/report.xlsx?province=79&${q}`, cookie))),
      () => pdfLoader(args(get(`/alliance/report.pdf?province=79&${q}`, cookie))),
    ]) {
      expect((await call(run)).status).toBe(403);
    }
    expect(changes()).toBe(before);
  });

  it("refuses alliance pages to a cooperative and a buyer (403)", async () => {
    for (const email of ["htx@demo.chohtx.vn", "buyer@demo.chohtx.vn"]) {
      const cookie = cookieFor(email);
      const before = changes();
      expect((await call(() => dashboardLoader(args(get(`/alliance/dashboard`, cookie))))).status).toBe(403);
      expect((await call(() => listLoader(args(get(`/alliance/dashboard/cooperatives`, cookie), { list: "cooperatives" })))).status).toBe(403);
      expect((await call(() => xlsxLoader(args(get(`/alliance/report.xlsx?${q}`, cookie))))).status).toBe(403);
      expect(changes()).toBe(before);
    }
  });

  it("answers 404 for an unknown province or list", async () => {
    const cookie = admin();
    expect((await call(() => dashboardLoader(args(get(`/alliance/dashboard?province=99`, cookie))))).status).toBe(404);
    expect((await call(() => dashboardLoader(args(get(`/alliance/dashboard?province=abc`, lienminh()))))).status).toBe(404);
    expect((await call(() => listLoader(args(get(`/alliance/dashboard/secrets`, cookie), { list: "secrets" })))).status).toBe(404);
  });

  it("answers 400 with a clear message and the values sent for a reversed or future period", async () => {
    const cookie = lienminh();
    const before = changes();
    const reversed = await call(() => dashboardLoader(args(get(`/alliance/dashboard?key=custom&from=2026-05-10&to=2026-05-01`, cookie))));
    expect(reversed.status).toBe(400);
    expect(reversed.data).toMatchObject({ ok: false, error: "alliance.period.errors.reversed", form: { kind: "custom", from: "2026-05-10", to: "2026-05-01" } });
    const future = await call(() => dashboardLoader(args(get(`/alliance/dashboard?kind=year&key=${Number(today.slice(0, 4)) + 1}`, cookie))));
    expect(future.status).toBe(400);
    expect(future.data).toMatchObject({ error: "alliance.period.errors.future" });
    const csv = await call(() => csvLoader(args(get(`/alliance/dashboard/orders/export?kind=custom&from=2026-05-10&to=2026-05-01`, cookie), { list: "orders" })));
    expect(csv.status).toBe(400);
    expect(csv.data).toBe(getT("vi")("alliance.period.errors.reversed"));
    const xlsx = await call(() => xlsxLoader(args(get(`/alliance/report.xlsx?kind=month&key=2026-13`, cookie))));
    expect(xlsx.status).toBe(400);
    const filter = await call(() => listLoader(args(get(`/alliance/dashboard/orders?${q}&method=bitcoin`, cookie), { list: "orders" })));
    expect(filter.status).toBe(400);
    expect((filter.data as { error: string }).error).toContain("method");
    expect(changes()).toBe(before);
  });
});
