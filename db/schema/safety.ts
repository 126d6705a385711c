import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organisations, users } from "./core";
import { lots, lotEvents } from "./trace";

/*
 * Food safety of a lot. Whether a lot breaches a pre-harvest interval is computed from its diary whenever it is
 * read (app/lib/trace-rules.ts, app/models/safety.server.ts), so it can never go stale; what is stored here is what
 * people decided about it: the cooperative confirming a spray it records inside the interval, and its decision for
 * a flagged lot (harvest date corrected, or the lot withheld from sale). Rows are never updated or deleted.
 */
export const safetyDecisionKinds = ["spray_confirmed", "harvest_corrected", "withheld"] as const;

export const lotSafetyDecisions = sqliteTable(
  "lot_safety_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id, { onDelete: "cascade" }),
    /** Denormalised from the lot so every query is scoped by owner without a join. */
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: safetyDecisionKinds }).notNull(),
    /** The spraying entry a confirmation is about. */
    eventId: integer("event_id").references(() => lotEvents.id, { onDelete: "set null" }),
    /** For a correction: the harvest day before and after. */
    harvestDateBefore: text("harvest_date_before"),
    harvestDateAfter: text("harvest_date_after"),
    note: text("note").notNull(),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: text("decided_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("lot_safety_decisions_lot_idx").on(t.lotId, t.kind), index("lot_safety_decisions_coop_idx").on(t.cooperativeId, t.kind)],
);
