import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organisations, users } from "./core";

/*
 * Alliance reporting. The per-province rollup tables the dashboard reads (orders, payments, scans, lots,
 * inquiries, certificate decisions, cooperatives, products, OCOP) are kept by triggers in the custom migration
 * `alliance_sql`, beside the views they are checked against; only the tables the application writes are here.
 */
const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** Workers a cooperative declares (employees, not member households), for the steering-committee report. */
export const cooperativeWorkforce = sqliteTable("cooperative_workforce", {
  cooperativeId: integer("cooperative_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  workers: integer("workers").notNull(),
  declaredAt: text("declared_at").notNull(),
});

export const reportJobStatuses = ["queued", "running", "done", "failed"] as const;

/**
 * A report built off the request path (the national report: 34 provinces). A worker drains queued rows, updates
 * `done`/`total` as it goes, and leaves the file under the uploads directory for download.
 */
export const allianceReportJobs = sqliteTable(
  "alliance_report_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** null: national; otherwise one province. */
    provinceCode: text("province_code"),
    periodKind: text("period_kind").notNull(),
    periodKey: text("period_key").notNull(),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    format: text("format", { enum: ["xlsx", "pdf"] }).notNull(),
    locale: text("locale", { enum: ["vi", "en"] }).notNull().default("vi"),
    status: text("status", { enum: reportJobStatuses }).notNull().default("queued"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    /** Relative to the uploads directory. */
    filePath: text("file_path"),
    error: text("error"),
    requestedBy: integer("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: text("finished_at"),
  },
  (t) => [index("alliance_report_jobs_status_idx").on(t.status, t.id)],
);
