import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import { db, prepared, schema } from "~/db.server";
import { nowIso } from "~/lib/tokens.server";

/** Sessions are rows keyed by the SHA-256 of the cookie's token (app/services/auth.server.ts owns the cookie). */
export function insertSession({ tokenHash, userId, expiresAt, userAgent }: { tokenHash: string; userId: number; expiresAt: string; userAgent: string | null }) {
  db.insert(schema.sessions).values({ tokenHash, userId, expiresAt, userAgent }).run();
}

// The hottest query of all (every signed-in request): prepared once.
const liveSession = prepared((d) =>
  d
    .select({ userId: schema.sessions.userId })
    .from(schema.sessions)
    .where(and(eq(schema.sessions.tokenHash, sql.placeholder("hash")), gt(schema.sessions.expiresAt, sql.placeholder("now"))))
    .prepare(),
);

export function findLiveSession({ tokenHash }: { tokenHash: string }) {
  return liveSession().get({ hash: tokenHash, now: nowIso() }) ?? null;
}

export function deleteSession({ tokenHash }: { tokenHash: string }) {
  db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, tokenHash)).run();
}

export function deleteUserSessions({ userId }: { userId: number }) {
  db.delete(schema.sessions).where(eq(schema.sessions.userId, userId)).run();
}

export function deleteExpiredSessions() {
  db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, nowIso())).run();
}

export function countUserSessions({ userId }: { userId: number }): number {
  return db.select({ n: count() }).from(schema.sessions).where(eq(schema.sessions.userId, userId)).get()?.n ?? 0;
}
