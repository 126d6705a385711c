import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import { drainReportJobs } from "~/capabilities/alliance/report-jobs.server";
import { action as startAction, loader as reportsLoader } from "~/routes/alliance.reports._index";
import { loader as jobLoader } from "~/routes/alliance.reports.$jobId._index";
import { loader as downloadLoader } from "~/routes/alliance.reports.$jobId.download";
import { loader as xlsxLoader } from "~/routes/alliance.report[.]xlsx";
import { args, call, cookieFor, get, postForm } from "./catalogue-helpers";

const c = () => getDb().$client;
const jobs = () => (c().prepare("SELECT count(*) AS n FROM alliance_report_jobs").get() as { n: number }).n;

describe("national report", () => {
  it("is built off the request path with progress, kept, and downloaded by the platform admin", async () => {
    const admin = cookieFor("admin@demo.chohtx.vn");
    // Asking for the national workbook on the dashboard sends to the job page instead of building it inline.
    const inline = await call(() => xlsxLoader(args(get("/alliance/report.xlsx?kind=quarter&key=2026-Q3", admin))));
    expect(inline.status).toBe(302);
    expect(inline.response!.headers.get("Location")).toMatch(/^\/alliance\/reports\?/);

    const start = await call(() => startAction(args(postForm("/alliance/reports", { key: "2026-Q3", format: "xlsx" }, admin))));
    expect(start.status).toBe(302);
    const id = start.response!.headers.get("Location")!.split("/").pop()!;
    const queued = await call(() => jobLoader(args(get(`/alliance/reports/${id}`, admin), { jobId: id })));
    expect(["queued", "running", "done"]).toContain((queued.data as { status: string }).status);
    await drainReportJobs();
    const done = await call(() => jobLoader(args(get(`/alliance/reports/${id}`, admin), { jobId: id })));
    expect(done.data).toMatchObject({ status: "done", done: 34, total: 34 });
    const file = await call(() => downloadLoader(args(get(`/alliance/reports/${id}/download`, admin), { jobId: id })));
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await file.response!.arrayBuffer()) as unknown as ArrayBuffer);
    const provinces = wb.getWorksheet("34 tỉnh, thành")!;
    expect(provinces).toBeTruthy();
    // Title, period, table title, header, then one row per province.
    expect(provinces.actualRowCount).toBe(4 + 34);
    expect(wb.worksheets.length).toBe(6 + 1 + 34);
    const list = await call(() => reportsLoader(args(get("/alliance/reports", admin))));
    expect((list.data as { jobs: { id: number }[] }).jobs.some((j) => String(j.id) === id)).toBe(true);
  });

  it("refuses alliance admins, cooperatives and bad periods, writing nothing", async () => {
    const before = jobs();
    for (const email of ["lienminh@demo.chohtx.vn", "htx@demo.chohtx.vn"]) {
      const cookie = cookieFor(email);
      expect((await call(() => startAction(args(postForm("/alliance/reports", { key: "2026-Q3", format: "xlsx" }, cookie))))).status).toBe(403);
      expect((await call(() => reportsLoader(args(get("/alliance/reports", cookie))))).status).toBe(403);
    }
    const admin = cookieFor("admin@demo.chohtx.vn");
    const reversed = await call(() => startAction(args(postForm("/alliance/reports", { key: "custom", from: "2026-05-10", to: "2026-05-01", format: "pdf" }, admin))));
    expect(reversed.status).toBe(400);
    expect(reversed.data).toMatchObject({ form: { key: "custom", from: "2026-05-10", to: "2026-05-01" } });
    expect((reversed.data as { error: string }).error).toMatch(/trước ngày bắt đầu/);
    expect((await call(() => startAction(args(postForm("/alliance/reports", { key: "2026-Q3", format: "docx" }, admin))))).status).toBe(400);
    expect((await call(() => startAction(args(postForm("/alliance/reports", { key: ["2026-Q3", "2026-Q2"], format: "xlsx" }, admin))))).status).toBe(400);
    expect((await call(() => jobLoader(args(get("/alliance/reports/999999", admin), { jobId: "999999" })))).status).toBe(404);
    expect(jobs()).toBe(before);
  });
});
