import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { getT, type MessageKey, type Params } from "~/i18n";
import { isLocale } from "~/i18n/locale";
import { absoluteUrl, sendMail } from "~/mail.server";

/**
 * Mails every member of an organisation, each in their own language. Mail is best effort: a failing SMTP server
 * must not undo an order step that has been committed, so errors are logged, not thrown.
 */
export async function notifyOrganisation({
  organisationId,
  subject,
  body,
  params = {},
  path,
}: {
  organisationId: number;
  subject: MessageKey;
  body: MessageKey;
  params?: Params;
  path: string;
}) {
  const people = db
    .select({ email: schema.users.email, locale: schema.users.locale })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(eq(schema.memberships.organisationId, organisationId))
    .all();
  const link = absoluteUrl(path);
  for (const p of people) {
    const t = getT(isLocale(p.locale) ? p.locale : "vi");
    try {
      await sendMail({ to: p.email, subject: t(subject, params), text: `${t(body, params)}\n\n${link}` });
    } catch (error) {
      console.error("notifyOrganisation failed", error);
    }
  }
}
