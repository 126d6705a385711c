import { and, desc, eq, inArray } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { Period } from "~/lib/periods";

/** Report jobs: the national report is built off the request path and kept for download. */
export type ReportJob = typeof schema.allianceReportJobs.$inferSelect;

export function createReportJob({ period, format, locale, requestedBy }: { period: Period; format: "xlsx" | "pdf"; locale: "vi" | "en"; requestedBy: number }) {
  return db
    .insert(schema.allianceReportJobs)
    .values({ provinceCode: null, periodKind: period.kind, periodKey: period.key, periodFrom: period.from, periodTo: period.to, format, locale, requestedBy, total: 0 })
    .returning()
    .get();
}

export function getReportJob({ id }: { id: number }) {
  return db.select().from(schema.allianceReportJobs).where(eq(schema.allianceReportJobs.id, id)).get() ?? null;
}

export function listReportJobs({ limit = 20 }: { limit?: number } = {}) {
  return db.select().from(schema.allianceReportJobs).orderBy(desc(schema.allianceReportJobs.id)).limit(limit).all();
}

/** Takes the oldest queued job, atomically (two drainers never build the same report). */
export function claimNextJob(): ReportJob | null {
  return db.transaction((tx) => {
    const next = tx.select().from(schema.allianceReportJobs).where(eq(schema.allianceReportJobs.status, "queued")).orderBy(schema.allianceReportJobs.id).limit(1).get();
    if (!next) return null;
    const claimed = tx
      .update(schema.allianceReportJobs)
      .set({ status: "running" })
      .where(and(eq(schema.allianceReportJobs.id, next.id), eq(schema.allianceReportJobs.status, "queued")))
      .returning()
      .get();
    return claimed ?? null;
  });
}

export function reportProgress({ id, done, total }: { id: number; done: number; total: number }) {
  db.update(schema.allianceReportJobs).set({ done, total }).where(eq(schema.allianceReportJobs.id, id)).run();
}

export function finishReportJob({ id, filePath, error }: { id: number; filePath?: string; error?: string }) {
  db.update(schema.allianceReportJobs)
    .set({ status: error ? "failed" : "done", filePath: filePath ?? null, error: error ?? null, finishedAt: new Date().toISOString() })
    .where(eq(schema.allianceReportJobs.id, id))
    .run();
}

/** Jobs a stopped server left running go back in the queue. */
export function requeueInterrupted() {
  db.update(schema.allianceReportJobs).set({ status: "queued", done: 0 }).where(inArray(schema.allianceReportJobs.status, ["running"])).run();
}
