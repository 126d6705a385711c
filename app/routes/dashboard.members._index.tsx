import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, validationTiming } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { MemberFields } from "~/components/member-fields";
import { useT } from "~/i18n";
import { memberSchema } from "~/lib/member-rules";
import { createMember, listMembers } from "~/models/cooperative.server";
import { readForm } from "~/services/uploads.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  return { members: listMembers({ cooperativeId: organisation.id }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const submission = parseWithZod(await readForm(request), { schema: memberSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  createMember({ cooperativeId: organisation.id, input: submission.value });
  return redirect("/dashboard/members?added=1");
}

export default function Members() {
  const t = useT();
  const { members } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: memberSchema }), ...validationTiming });
  return (
    <section className="stack">
      <h1>{t("catalogue.dashboard.members")}</h1>
      <p>{t("catalogue.member.lead")}</p>
      {params.get("added") ? <Notice tone="success">{t("catalogue.member.added")}</Notice> : null}
      {params.get("deleted") ? <Notice>{t("catalogue.member.deleted")}</Notice> : null}
      {members.length ? (
        <div className="table-wrap" tabIndex={0}>
          <table className="cards-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("catalogue.member.name")}</th>
                <th scope="col">{t("catalogue.member.commune")}</th>
                <th scope="col">{t("catalogue.member.area")}</th>
                <th scope="col">{t("catalogue.member.plantingAreaCode")}</th>
                <th scope="col">{t("catalogue.member.public")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td data-label={t("catalogue.member.name")}>
                    <Link to={`/dashboard/members/${m.id}`}>{m.name}</Link>
                  </td>
                  <td data-label={t("catalogue.member.commune")}>{m.commune ?? "—"}</td>
                  <td data-label={t("catalogue.member.area")}>{m.areaHa ?? "—"}</td>
                  <td data-label={t("catalogue.member.plantingAreaCode")}>{m.plantingAreaCode ?? "—"}</td>
                  <td data-label={t("catalogue.member.public")}>{t(m.publicConsent ? "catalogue.common.yes" : "catalogue.common.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("catalogue.member.none")}</p>
      )}
      <h2>{t("catalogue.member.add")}</h2>
      <Form method="post" className="form catalogue-form" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <MemberFields fields={fields} />
        <div>
          <button type="submit" className="primary">
            {t("catalogue.member.addSubmit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("catalogue.dashboard.members") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
