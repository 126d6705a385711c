import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "~/env.server";
import { getT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { previousPeriod, type Period, type PeriodKind } from "~/lib/periods";
import { claimNextJob, finishReportJob, reportProgress, requeueInterrupted, type ReportJob } from "~/models/alliance-reports.server";
import { listProvinces } from "~/models/province.server";
import { provincesTable, reportContent } from "./report-content.server";
import { beginPdf, pageNumbers, writeReportPages } from "./report-pdf.server";
import { addReportSheets, addSheet, newWorkbook } from "./report-xlsx.server";

/*
 * The national report (the country's figures, the 34 provinces side by side, and each province's summary) is
 * built by a drainer in the server process, off the request path: it takes queued jobs one at a time and yields to
 * the event loop between provinces, recording its progress in the job row, which the job page shows. Files go to
 * `<uploads>/.reports/` (a dot directory: the static /uploads handler refuses to serve it), under an unguessable
 * name, and are only sent through the authorised download route.
 */

export const REPORTS_DIR = ".reports";
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function jobPeriod(job: ReportJob): Period {
  return { kind: job.periodKind as PeriodKind, key: job.periodKey, from: job.periodFrom, to: job.periodTo, end: job.periodTo };
}

/** Builds one national report; `onProgress` after each province. Exported for the bench and tests. */
export async function buildNationalReport({ period, format, locale, today = todayInVietnam(), onProgress }: { period: Period; format: "xlsx" | "pdf"; locale: "vi" | "en"; today?: string; onProgress?: (done: number, total: number) => void }): Promise<Buffer> {
  const previous = previousPeriod(period);
  const provinces = listProvinces();
  const t = getT(locale);
  const national = reportContent({ provinceCode: null, period, previous, today, locale });
  const table = provincesTable({ period, today, locale });
  if (format === "xlsx") {
    const wb = newWorkbook(national.title);
    addReportSheets(wb, national);
    addSheet(wb, table, { title: national.title, periodLine: national.periodLine });
    for (const [i, p] of provinces.entries()) {
      const c = reportContent({ provinceCode: p.code, period, previous, today, locale });
      const summary = c.tables[0]!;
      addSheet(wb, { ...summary, sheet: p.shortName, title: `${t("alliance.report.sheet.summary")}: ${p.name}` }, { title: c.title, periodLine: c.periodLine }, (row, col) => (col >= 1 && col <= 3 ? c.figures[row]!.kind : summary.columns[col]!.kind));
      onProgress?.(i + 1, provinces.length);
      await yieldToLoop();
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const { doc, done } = beginPdf(national.title);
  writeReportPages(doc, { ...national, tables: [...national.tables, table] }, locale);
  for (const [i, p] of provinces.entries()) {
    const c = reportContent({ provinceCode: p.code, period, previous, today, locale });
    doc.addPage();
    writeReportPages(doc, { ...c, tables: [c.tables[0]!] }, locale);
    onProgress?.(i + 1, provinces.length);
    await yieldToLoop();
  }
  pageNumbers(doc, t);
  doc.end();
  return done;
}

async function runJob(job: ReportJob) {
  try {
    const body = await buildNationalReport({
      period: jobPeriod(job),
      format: job.format,
      locale: job.locale,
      onProgress: (done, total) => reportProgress({ id: job.id, done, total }),
    });
    const dir = path.join(env.UPLOADS_DIR, REPORTS_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const relative = path.join(REPORTS_DIR, `${job.id}-${crypto.randomBytes(12).toString("hex")}.${job.format}`);
    fs.writeFileSync(path.join(env.UPLOADS_DIR, relative), body);
    finishReportJob({ id: job.id, filePath: relative });
  } catch (error) {
    finishReportJob({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
}

let draining: Promise<void> | null = null;
let started = false;

/** Starts the drainer unless it is running; resolves when the queue is empty (tests await it). */
export function drainReportJobs(): Promise<void> {
  if (!started) {
    started = true;
    requeueInterrupted();
  }
  draining ??= (async () => {
    // Let the assignment above happen before a job-less run reaches `finally`.
    await Promise.resolve();
    try {
      for (let job = claimNextJob(); job; job = claimNextJob()) await runJob(job);
    } finally {
      draining = null;
    }
  })();
  return draining;
}

export function reportFilePath(job: ReportJob) {
  return job.filePath ? path.join(env.UPLOADS_DIR, job.filePath) : null;
}
