import { and, eq, gt, isNull } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { addMinutes, hashToken, nowIso, randomToken } from "~/lib/tokens.server";

type Purpose = (typeof schema.tokens.$inferSelect)["purpose"];
type NewToken = Omit<typeof schema.tokens.$inferInsert, "tokenHash" | "expiresAt" | "id">;

/** Issues a single-use token and returns it; only its hash is stored. */
export function issueToken(values: NewToken & { ttlMinutes: number }): string {
  const token = randomToken();
  const { ttlMinutes, ...rest } = values;
  db.insert(schema.tokens)
    .values({ ...rest, tokenHash: hashToken(token), expiresAt: addMinutes(nowIso(), ttlMinutes) })
    .run();
  return token;
}

function liveWhere(token: string, purpose: Purpose) {
  return and(
    eq(schema.tokens.tokenHash, hashToken(token)),
    eq(schema.tokens.purpose, purpose),
    isNull(schema.tokens.usedAt),
    gt(schema.tokens.expiresAt, nowIso()),
  );
}

/** The token's row while it is unused and unexpired; null otherwise. Does not use it up. */
export function peekToken({ token, purpose }: { token: string; purpose: Purpose }) {
  return db.select().from(schema.tokens).where(liveWhere(token, purpose)).get() ?? null;
}

/**
 * Uses the token up and runs `apply` with its row, in one transaction: a token can be used once, and a failure
 * in `apply` leaves it unused.
 */
export function consumeToken<R>({
  token,
  purpose,
  apply,
}: {
  token: string;
  purpose: Purpose;
  apply: (row: typeof schema.tokens.$inferSelect, tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => R;
}): { ok: true; result: R } | { ok: false } {
  return db.transaction((tx) => {
    const row = tx
      .update(schema.tokens)
      .set({ usedAt: nowIso() })
      .where(liveWhere(token, purpose))
      .returning()
      .get();
    if (!row) return { ok: false as const };
    return { ok: true as const, result: apply(row, tx) };
  });
}
