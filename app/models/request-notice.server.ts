import { and, eq, inArray, isNull } from "drizzle-orm";
import { db, schema } from "~/db.server";

/*
 * The records behind "who heard about which request": request_notices (request, organisation) is the unique key that
 * makes every notice happen once, and notification_preferences holds the daily-digest choice and its last run.
 * The mails themselves are sent by app/capabilities/market/notify.server.ts.
 */

export function getRequestRow({ id }: { id: number }) {
  return db.select().from(schema.requests).where(eq(schema.requests.id, id)).get();
}

export function requestMatchRows({ requestId }: { requestId: number }) {
  return db.select().from(schema.requestMatches).where(eq(schema.requestMatches.requestId, requestId)).all();
}

export function organisationName({ id }: { id: number }) {
  return db.select({ name: schema.organisations.name }).from(schema.organisations).where(eq(schema.organisations.id, id)).get()?.name ?? null;
}

export function getRequestDigest({ organisationId }: { organisationId: number }) {
  return !!db.select().from(schema.notificationPreferences).where(eq(schema.notificationPreferences.organisationId, organisationId)).get()?.requestDigest;
}

export function setRequestDigest({ organisationId, digest }: { organisationId: number; digest: boolean }) {
  const now = new Date().toISOString();
  db.insert(schema.notificationPreferences)
    .values({ organisationId, requestDigest: digest, updatedAt: now })
    .onConflictDoUpdate({ target: schema.notificationPreferences.organisationId, set: { requestDigest: digest, updatedAt: now } })
    .run();
}

/** True the first time only: the unique key keeps a request from being announced twice to one organisation. */
export function claimRequestNotice({ requestId, organisationId, reason }: { requestId: number; organisationId: number; reason: "match" | "invitation" }) {
  return db.insert(schema.requestNotices).values({ requestId, organisationId, reason }).onConflictDoNothing().run().changes === 1;
}

export function markNoticeMailed({ requestId, organisationId }: { requestId: number; organisationId: number }) {
  db.update(schema.requestNotices)
    .set({ mailedAt: new Date().toISOString() })
    .where(and(eq(schema.requestNotices.requestId, requestId), eq(schema.requestNotices.organisationId, organisationId)))
    .run();
}

export function digestPreferences() {
  return db.select().from(schema.notificationPreferences).where(eq(schema.notificationPreferences.requestDigest, true)).all();
}

export function pendingDigestNotices({ organisationId }: { organisationId: number }) {
  return db
    .select({ requestId: schema.requestNotices.requestId, title: schema.requests.title, quantity: schema.requests.quantity, unit: schema.requests.unit, closing: schema.requests.closingDate })
    .from(schema.requestNotices)
    .innerJoin(schema.requests, eq(schema.requests.id, schema.requestNotices.requestId))
    .where(and(eq(schema.requestNotices.organisationId, organisationId), isNull(schema.requestNotices.mailedAt)))
    .all();
}

/** Claims today's digest for one organisation (compare-and-set on its last run) and marks its notices mailed. */
export function claimDigest({ organisationId, lastDigestAt, stamp, requestIds }: { organisationId: number; lastDigestAt: string | null; stamp: string; requestIds: number[] }) {
  return db.transaction((tx) => {
    const claimed = tx
      .update(schema.notificationPreferences)
      .set({ lastDigestAt: stamp })
      .where(and(eq(schema.notificationPreferences.organisationId, organisationId), lastDigestAt ? eq(schema.notificationPreferences.lastDigestAt, lastDigestAt) : isNull(schema.notificationPreferences.lastDigestAt)))
      .run();
    if (claimed.changes !== 1) return false;
    tx.update(schema.requestNotices)
      .set({ mailedAt: stamp })
      .where(and(eq(schema.requestNotices.organisationId, organisationId), inArray(schema.requestNotices.requestId, requestIds), isNull(schema.requestNotices.mailedAt)))
      .run();
    return true;
  });
}
