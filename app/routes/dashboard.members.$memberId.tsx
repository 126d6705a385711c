import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, validationTiming } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { MemberFields } from "~/components/member-fields";
import { useT } from "~/i18n";
import { memberSchema } from "~/lib/member-rules";
import { deleteMember, getMember, updateMember } from "~/models/cooperative.server";
import { readForm } from "~/services/uploads.server";

function memberId(params: { memberId?: string }) {
  const id = Number(params.memberId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("errors.notFound", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const member = getMember({ id: memberId(params), cooperativeId: organisation.id });
  if (!member) throw new Response("errors.notFound", { status: 404 });
  return { member };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const id = memberId(params);
  if (!getMember({ id, cooperativeId: organisation.id })) throw new Response("errors.notFound", { status: 404 });
  const formData = await readForm(request);
  if (formData.get("intent") === "delete") {
    deleteMember({ id, cooperativeId: organisation.id, actorUserId: user.id });
    return redirect("/dashboard/members?deleted=1");
  }
  const submission = parseWithZod(formData, { schema: memberSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  updateMember({ id, cooperativeId: organisation.id, input: submission.value });
  return redirect("/dashboard/members");
}

export default function EditMember() {
  const t = useT();
  const { member } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { name: member.name, commune: member.commune ?? "", areaHa: member.areaHa ?? "", plantingAreaCode: member.plantingAreaCode ?? "", publicConsent: member.publicConsent ? "on" : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: memberSchema }),
    ...validationTiming,
  });
  return (
    <section className="stack">
      <h1>{member.name}</h1>
      <Form method="post" className="form catalogue-form" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <MemberFields fields={fields} />
        <div>
          <button type="submit" className="primary">
            {t("common.save")}
          </button>
        </div>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button button-danger">
          {t("catalogue.member.delete")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => ({ title: data?.member.name ?? t("errors.notFoundTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
