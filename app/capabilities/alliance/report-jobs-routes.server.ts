import { data, redirect } from "@remix-run/node";
import fs from "node:fs";
import { z } from "zod";
import { forbidden } from "~/services/auth.server";
import { getT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { todayInVietnam } from "~/lib/certificates";
import { singleFields } from "~/lib/form-fields";
import { formatDateTime } from "~/lib/money";
import { parsePeriod } from "~/lib/periods";
import { readForm } from "~/services/uploads.server";
import { createReportJob, getReportJob, listReportJobs, type ReportJob } from "~/models/alliance-reports.server";
import { requireModerator } from "./scope.server";
import { drainReportJobs, reportFilePath } from "./report-jobs.server";
import { readPeriod } from "./dashboard.server";
import { reportFileName, XLSX_TYPE } from "./report-routes.server";

/** The national report is the platform admin's: an alliance admin has its province's report on the dashboard. */
function requireNationalModerator(request: Request) {
  const moderator = requireModerator(request);
  if (moderator.provinceCode !== null) throw forbidden(request);
  return moderator;
}

export const startReportSchema = z.object({
  format: z.enum(["xlsx", "pdf"], { error: "errors.invalid" }),
  key: z.string().max(40).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});

function jobView(job: ReportJob, locale: "vi" | "en") {
  return { id: job.id, status: job.status, done: job.done, total: job.total, format: job.format, period: job.periodKey, createdAt: formatDateTime(job.createdAt, locale), error: job.error };
}

export function reportsPage(request: Request) {
  requireNationalModerator(request);
  // A server restarted with work queued picks it up when someone looks.
  void drainReportJobs();
  const locale = getLocale(request);
  const choice = readPeriod(new URL(request.url));
  const form = choice.ok ? { key: choice.period.kind === "custom" ? "custom" : choice.period.key, from: choice.period.kind === "custom" ? choice.period.from : "", to: choice.period.kind === "custom" ? choice.period.to : "" } : { key: choice.form.key, from: choice.form.from, to: choice.form.to };
  return { jobs: listReportJobs().map((j) => jobView(j, locale)), form, error: null as string | null };
}

/** Queues a national report and sends to its progress page; a bad period is a 400 with the form as sent. */
export async function startReport(request: Request) {
  const moderator = requireNationalModerator(request);
  const locale = getLocale(request);
  const fields = singleFields(await readForm(request));
  const parsed = startReportSchema.safeParse(fields);
  const form = { key: fields?.key ?? "", from: fields?.from ?? "", to: fields?.to ?? "" };
  const t = getT(locale);
  if (!parsed.success) return data({ jobs: listReportJobs().map((j) => jobView(j, locale)), form, error: t((parsed.error.issues[0]?.message ?? "errors.invalid") as MessageKey) }, { status: 400 });
  const key = parsed.data.key ?? "";
  const kind = key === "custom" ? "custom" : /^\d{4}-Q\d$/.test(key) ? "quarter" : /^\d{4}-\d{2}$/.test(key) ? "month" : /^\d{4}$/.test(key) ? "year" : key ? "invalid" : "quarter";
  const period = parsePeriod({ kind, key: kind === "custom" ? null : key || null, from: parsed.data.from, to: parsed.data.to }, todayInVietnam());
  if (!period.ok) return data({ jobs: listReportJobs().map((j) => jobView(j, locale)), form, error: t(period.error) }, { status: 400 });
  const job = createReportJob({ period: period.period, format: parsed.data.format, locale, requestedBy: moderator.user.id });
  void drainReportJobs();
  return redirect(`/alliance/reports/${job.id}`);
}

function jobId(request: Request, value: string | undefined) {
  const id = Number(value);
  const job = Number.isSafeInteger(id) && id > 0 ? getReportJob({ id }) : null;
  if (!job) throw new Response(getT(getLocale(request))("errors.notFound"), { status: 404 });
  return job;
}

export function reportJobPage(request: Request, params: { jobId?: string }) {
  requireNationalModerator(request);
  const job = jobId(request, params.jobId);
  if (job.status === "queued") void drainReportJobs();
  return jobView(job, getLocale(request));
}

export function reportDownload(request: Request, params: { jobId?: string }) {
  requireNationalModerator(request);
  const job = jobId(request, params.jobId);
  const file = reportFilePath(job);
  if (job.status !== "done" || !file || !fs.existsSync(file)) throw new Response(getT(getLocale(request))("errors.notFound"), { status: 404 });
  return new Response(new Uint8Array(fs.readFileSync(file)), {
    headers: {
      "Content-Type": job.format === "xlsx" ? XLSX_TYPE : "application/pdf",
      "Content-Disposition": `attachment; filename="${reportFileName("toan-quoc", job.periodKey, job.format)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
