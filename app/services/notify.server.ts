import { getT, isMessageKey, type MessageKey, type Params } from "~/i18n";
import { isLocale } from "~/i18n/locale";
import { listOrganisationRecipients } from "~/models/recipient.server";
import { absoluteUrl, sendMail } from "~/services/mail.server";

/**
 * Mails every member of an organisation, each in their own language (parameters that are catalogue keys too). Mail is best effort: a failing SMTP server
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
  const people = listOrganisationRecipients({ organisationId });
  const link = absoluteUrl(path);
  for (const p of people) {
    const t = getT(isLocale(p.locale) ? p.locale : "vi");
    // A parameter that is itself a catalogue key (a status, a decision) is translated for this recipient too.
    const localised = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" && isMessageKey(v) ? t(v) : v]));
    try {
      await sendMail({ to: p.email, subject: t(subject, localised), text: `${t(body, localised)}\n\n${link}` });
    } catch (error) {
      console.error("notifyOrganisation failed", error);
    }
  }
}
