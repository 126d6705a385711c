import { eq } from "drizzle-orm";
import { schema } from "~/db.server";
import { consumeToken } from "~/models/token.server";

/**
 * Uses a password-reset link: sets the new password and ends every session of the account (the old password may
 * be known to someone else), in the transaction that uses the token up. False when the link is not usable.
 */
export function resetPasswordWithToken({ token, passwordHash }: { token: string; passwordHash: string }): boolean {
  const used = consumeToken({
    token,
    purpose: "password_reset",
    apply: (row, tx) => {
      if (!row.userId) return;
      tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, row.userId)).run();
      tx.delete(schema.sessions).where(eq(schema.sessions.userId, row.userId)).run();
    },
  });
  return used.ok;
}

/**
 * Accepts an invitation in the transaction that uses the token up: the existing account joins the organisation,
 * or a new account is created with `name` and `passwordHash`. If the invitee signed up meanwhile (another tab),
 * the answer is `emailTaken` and the invitation stays unused.
 */
export function acceptInvitation({
  token,
  existingUserId,
  name,
  passwordHash,
}: {
  token: string;
  existingUserId: number | null;
  name: string;
  passwordHash: string | null;
}): { ok: true; userId: number } | { ok: false; reason: "invalid" | "emailTaken" } {
  class SignedUpMeanwhile extends Error {}
  try {
    const used = consumeToken({
      token,
      purpose: "invitation",
      apply: (tok, tx) => {
        if (existingUserId === null && tx.select().from(schema.users).where(eq(schema.users.email, tok.email)).get()) throw new SignedUpMeanwhile();
        const userId = existingUserId ?? tx.insert(schema.users).values({ email: tok.email, name, passwordHash: passwordHash! }).returning().get().id;
        const already = tx.select().from(schema.memberships).where(eq(schema.memberships.userId, userId)).all();
        if (!already.some((m) => m.organisationId === tok.organisationId)) {
          tx.insert(schema.memberships).values({ userId, organisationId: tok.organisationId!, role: tok.role ?? "staff" }).run();
        }
        return userId;
      },
    });
    return used.ok ? { ok: true, userId: used.result } : { ok: false, reason: "invalid" };
  } catch (error) {
    if (error instanceof SignedUpMeanwhile) return { ok: false, reason: "emailTaken" };
    throw error;
  }
}
