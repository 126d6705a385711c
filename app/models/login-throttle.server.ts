import { and, asc, count, eq, gt, inArray, lt } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { env } from "~/env.server";
import { nowIso } from "~/lib/tokens.server";

const windowMs = () => env.LOGIN_WINDOW_MINUTES * 60_000;

function keys(email: string, ip: string) {
  return { account: `email:${email}`, address: `ip:${ip}` };
}

/** When the account or the address has failed too often in the window: the time it may try again. */
export function loginBlockedUntil({ email, ip, now = new Date() }: { email: string; ip: string; now?: Date }) {
  const since = new Date(now.getTime() - windowMs()).toISOString();
  const k = keys(email, ip);
  const limits = [
    [k.account, env.LOGIN_MAX_FAILURES_PER_ACCOUNT],
    [k.address, env.LOGIN_MAX_FAILURES_PER_IP],
  ] as const;
  let until: Date | null = null;
  for (const [key, max] of limits) {
    const where = and(eq(schema.loginFailures.key, key), gt(schema.loginFailures.at, since));
    const n = db.select({ n: count() }).from(schema.loginFailures).where(where).get()?.n ?? 0;
    if (n < max) continue;
    // Blocked until the oldest failure that still counts leaves the window.
    const rows = db
      .select({ at: schema.loginFailures.at })
      .from(schema.loginFailures)
      .where(where)
      .orderBy(asc(schema.loginFailures.at))
      .limit(n - max + 1)
      .all();
    const pivot = rows[rows.length - 1];
    if (!pivot) continue;
    const t = new Date(new Date(pivot.at).getTime() + windowMs());
    if (!until || t > until) until = t;
  }
  return until;
}

export function recordLoginFailure({ email, ip }: { email: string; ip: string }) {
  const k = keys(email, ip);
  const at = nowIso();
  db.transaction((tx) => {
    tx.insert(schema.loginFailures).values([{ key: k.account, at }, { key: k.address, at }]).run();
    // Keep the table small: failures older than a day matter to no one.
    tx.delete(schema.loginFailures)
      .where(lt(schema.loginFailures.at, new Date(Date.now() - 86_400_000).toISOString()))
      .run();
  });
}

export function clearLoginFailures({ email }: { email: string }) {
  db.delete(schema.loginFailures).where(inArray(schema.loginFailures.key, [`email:${email}`])).run();
}

const RESETS_PER_EMAIL = 3;
const RESETS_PER_ADDRESS = 20;

/**
 * Password-reset mails: a few per email and per address in the login window, so the form cannot flood an inbox or
 * the outbox. Counted whether or not the email has an account, so being refused says nothing about accounts.
 * Returns false when the limit is reached; otherwise records this request.
 */
export function takeResetAllowance({ email, ip, now = new Date() }: { email: string; ip: string; now?: Date }): boolean {
  const since = new Date(now.getTime() - windowMs()).toISOString();
  const account = `reset-email:${email}`;
  const address = `reset-ip:${ip}`;
  return db.transaction((tx) => {
    const n = (key: string) =>
      tx.select({ n: count() }).from(schema.loginFailures).where(and(eq(schema.loginFailures.key, key), gt(schema.loginFailures.at, since))).get()?.n ?? 0;
    if (n(account) >= RESETS_PER_EMAIL || n(address) >= RESETS_PER_ADDRESS) return false;
    const at = now.toISOString();
    tx.insert(schema.loginFailures).values([{ key: account, at }, { key: address, at }]).run();
    return true;
  });
}
