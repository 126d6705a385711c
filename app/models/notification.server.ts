import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";

/*
 * Generic in-app notifications: any capability writes one with a message key, parameters (which may themselves be
 * message keys, translated where shown) and a link. Read state is per organisation: one person reading it reads it
 * for the team, as with inquiry threads.
 */

type Tx = Pick<typeof db, "insert">;

export function addNotification(
  {
    organisationId,
    kind,
    messageKey,
    params = {},
    path,
    dedupeKey = null,
  }: { organisationId: number; kind: string; messageKey: string; params?: Record<string, string | number>; path: string; dedupeKey?: string | null },
  tx: Tx = db,
): boolean {
  const r = tx.insert(schema.notifications).values({ organisationId, kind, messageKey, params, path, dedupeKey }).onConflictDoNothing().run();
  return r.changes === 1;
}

export function unreadNotificationCount({ organisationId }: { organisationId: number }): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.organisationId, organisationId), isNull(schema.notifications.readAt)))
      .get()?.n ?? 0
  );
}

export const NOTIFICATIONS_PAGE = 30;

export function listNotifications({ organisationId, before, limit = NOTIFICATIONS_PAGE }: { organisationId: number; before?: number; limit?: number }) {
  const rows = db
    .select()
    .from(schema.notifications)
    .where(and(eq(schema.notifications.organisationId, organisationId), before ? lt(schema.notifications.id, before) : undefined))
    .orderBy(desc(schema.notifications.id))
    .limit(limit + 1)
    .all();
  return { items: rows.slice(0, limit), nextBefore: rows.length > limit ? rows[limit - 1]!.id : null };
}

/** Marks one notification (when `id` is given) or all of them read, only the organisation's own. */
export function markNotificationsRead({ organisationId, id }: { organisationId: number; id?: number }) {
  return db
    .update(schema.notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(schema.notifications.organisationId, organisationId), isNull(schema.notifications.readAt), id ? eq(schema.notifications.id, id) : undefined))
    .run().changes;
}
