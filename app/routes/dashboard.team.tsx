import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireOrganisationRole } from "~/services/auth.server";
import { FormErrors, Notice, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { getT, useT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { emailSchema } from "~/lib/validation";
import { absoluteUrl, sendMail } from "~/services/mail.server";
import { recordAudit } from "~/models/audit.server";
import { listOrganisationMembers } from "~/models/organisation.server";
import { issueToken } from "~/models/token.server";
import { readForm } from "~/services/uploads.server";

const schema = z.object({ email: emailSchema });

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation, role } = requireOrganisationRole(request);
  return { organisation: { name: organisation.name }, role, members: listOrganisationMembers({ organisationId: organisation.id }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organisation } = requireOrganisationRole(request, { roles: ["owner"] });
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), invited: null }, { status: 400 });
  const { email } = submission.value;
  if (listOrganisationMembers({ organisationId: organisation.id }).some((m) => m.email === email)) {
    return data({ result: submission.reply({ fieldErrors: { email: ["team.alreadyMember"] } }), invited: null }, { status: 409 });
  }
  const token = issueToken({
    purpose: "invitation",
    email,
    organisationId: organisation.id,
    role: "staff",
    createdBy: user.id,
    ttlMinutes: 7 * 24 * 60,
  });
  const t = getT(getLocale(request));
  await sendMail({
    to: email,
    subject: t("team.inviteMailSubject", { org: organisation.name }),
    text: t("team.inviteMailBody", { inviter: user.name, org: organisation.name, url: absoluteUrl(`/invite/${token}`) }),
  });
  recordAudit({ actorUserId: user.id, organisationId: organisation.id, action: "invite", entity: "organisation", entityId: organisation.id, detail: { email } });
  return { result: submission.reply({ resetForm: true }), invited: email };
}

export default function Team() {
  const t = useT();
  const { organisation, members, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm({ schema, lastResult: actionData?.result });
  return (
    <section className="stack">
      <h1>{t("team.title")}</h1>
      <p>{t("team.lead", { org: organisation.name })}</p>
      <div className="table-wrap" tabIndex={0}>
        <table className="cards-on-phone">
          <thead>
            <tr>
              <th scope="col">{t("auth.name")}</th>
              <th scope="col">{t("auth.email")}</th>
              <th scope="col">{t("team.title")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td data-label={t("auth.name")}>{m.name}</td>
                <td data-label={t("auth.email")}>{m.email}</td>
                <td data-label={t("team.title")}>{t(`team.role.${m.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("team.invite")}</h2>
      {actionData?.invited ? <Notice tone="success">{t("team.invited", { email: actionData.invited })}</Notice> : null}
      {role === "owner" ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <TextField field={fields.email} label={t("auth.email")} type="email" />
          <div>
            <button type="submit" className="primary">
              {t("team.inviteSubmit")}
            </button>
          </div>
        </Form>
      ) : (
        <p className="muted">{t("team.ownerOnly")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("team.title") }));
