import { and, eq, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { slugify } from "~/lib/text";
import { hashPassword } from "./user.server";

export type Organisation = typeof schema.organisations.$inferSelect;

export class ConflictError extends Error {
  constructor(public field: string, public messageKey: string) {
    super(messageKey);
  }
}

/** A slug not yet taken: `htx-phu-ngai`, then `htx-phu-ngai-2`, … */
export function uniqueOrganisationSlug(name: string): string {
  const base = slugify(name) || "to-chuc";
  const taken = new Set(
    db
      .select({ slug: schema.organisations.slug })
      .from(schema.organisations)
      .where(sql`${schema.organisations.slug} = ${base} or ${schema.organisations.slug} like ${`${base}-%`}`)
      .all()
      .map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

type NewOrganisation = Omit<typeof schema.organisations.$inferInsert, "slug" | "id">;

/** Creates the organisation, its owner and the membership in one transaction. */
export async function signUpOrganisation({
  organisation,
  owner,
}: {
  organisation: NewOrganisation;
  owner: { name: string; email: string; password: string };
}) {
  const passwordHash = await hashPassword(owner.password);
  return db.transaction((tx) => {
    if (tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, owner.email)).get()) {
      throw new ConflictError("email", "errors.emailTaken");
    }
    // Tax codes and registration numbers identify one organisation each.
    const unique = [
      ["taxCode", schema.organisations.taxCode, organisation.taxCode, "errors.taxCodeTaken"],
      ["registrationNumber", schema.organisations.registrationNumber, organisation.registrationNumber, "errors.registrationTaken"],
    ] as const;
    for (const [field, column, value, messageKey] of unique) {
      if (value && tx.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(column, value)).get()) {
        throw new ConflictError(field, messageKey);
      }
    }
    const org = tx
      .insert(schema.organisations)
      .values({ ...organisation, slug: uniqueOrganisationSlug(organisation.name) })
      .returning()
      .get();
    const user = tx
      .insert(schema.users)
      .values({ name: owner.name, email: owner.email, passwordHash })
      .returning()
      .get();
    tx.insert(schema.memberships).values({ userId: user.id, organisationId: org.id, role: "owner" }).run();
    return { organisation: org, user };
  });
}

export function getOrganisation({ id }: { id: number }) {
  return db.select().from(schema.organisations).where(eq(schema.organisations.id, id)).get() ?? null;
}

export function listOrganisationMembers({ organisationId }: { organisationId: number }) {
  return db
    .select({
      userId: schema.users.id,
      name: schema.users.name,
      email: schema.users.email,
      role: schema.memberships.role,
      since: schema.memberships.createdAt,
    })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(eq(schema.memberships.organisationId, organisationId))
    .orderBy(schema.memberships.createdAt)
    .all();
}

export function isMember({ userId, organisationId }: { userId: number; organisationId: number }) {
  return !!db
    .select({ u: schema.memberships.userId })
    .from(schema.memberships)
    .where(and(eq(schema.memberships.userId, userId), eq(schema.memberships.organisationId, organisationId)))
    .get();
}
