import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";

/** Who is mailed for an organisation, with each person's language (null: the default, Vietnamese). */
export function listOrganisationRecipients({ organisationId, role }: { organisationId: number; role?: (typeof schema.membershipRoles)[number] }) {
  return db
    .select({ email: schema.users.email, locale: schema.users.locale })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(eq(schema.memberships.organisationId, organisationId), role ? eq(schema.memberships.role, role) : undefined))
    .all();
}
