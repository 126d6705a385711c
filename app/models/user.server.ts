import { hash, verify } from "@node-rs/argon2";
import { and, eq, sql } from "drizzle-orm";
import { db, prepared, schema } from "~/db.server";

export type User = typeof schema.users.$inferSelect;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

/** Returns the user when the password matches; null otherwise, taking the same time whether or not the email exists. */
export async function verifyLogin({ email, password }: { email: string; password: string }) {
  const user = db.query.users.findFirst({ where: eq(schema.users.email, email) }).sync();
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password-0");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

const userById = prepared((d) => d.select().from(schema.users).where(eq(schema.users.id, sql.placeholder("id"))).prepare());

export function getUserById(id: number) {
  return userById().get({ id }) ?? null;
}

export function getUserByEmail(email: string) {
  return db.query.users.findFirst({ where: eq(schema.users.email, email) }).sync() ?? null;
}

export async function setPassword({ userId, password }: { userId: number; password: string }) {
  const passwordHash = await hashPassword(password);
  db.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, userId)).run();
}

const membershipsOf = prepared((d) =>
  d
    .select({
      role: schema.memberships.role,
      organisation: schema.organisations,
    })
    .from(schema.memberships)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .where(eq(schema.memberships.userId, sql.placeholder("userId")))
    .orderBy(schema.memberships.createdAt)
    .prepare(),
);

export function getMemberships(userId: number) {
  return membershipsOf().all({ userId });
}

export function getMembership({ userId, organisationId }: { userId: number; organisationId: number }) {
  return (
    db
      .select()
      .from(schema.memberships)
      .where(and(eq(schema.memberships.userId, userId), eq(schema.memberships.organisationId, organisationId)))
      .get() ?? null
  );
}
