import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { formatDateTime } from "~/lib/money";
import { declareWorkforce, getWorkforce } from "~/models/workforce.server";
import { requireOrganisationRole } from "~/services/auth.server";
import { readForm } from "~/services/uploads.server";

/** Workers are people the cooperative employs (not member households); the alliance reports their total. */
const schema = z.object({
  workers: z
    .string({ error: "alliance.workforce.errors.number" })
    .trim()
    .regex(/^\d{1,7}$/, { error: "alliance.workforce.errors.number" })
    .transform(Number)
    .refine((n) => n <= 100_000, { error: "alliance.workforce.errors.tooMany" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative", roles: ["owner"] });
  return { workforce: getWorkforce({ cooperativeId: organisation.id }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { organisation, user } = requireOrganisationRole(request, { kind: "cooperative", roles: ["owner"] });
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  declareWorkforce({ cooperativeId: organisation.id, workers: submission.value.workers, actorUserId: user.id });
  return { result: submission.reply(), saved: true };
}

export default function Workforce() {
  const t = useT();
  const locale = useLocale();
  const { workforce } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm({ schema, lastResult: actionData?.result, defaultValue: { workers: workforce?.workers ?? "" } });
  return (
    <section className="stack">
      <h1>{t("alliance.workforce.title")}</h1>
      <p className="muted">{t("alliance.workforce.lead")}</p>
      {actionData?.saved ? <Notice tone="success">{t("alliance.workforce.saved")}</Notice> : null}
      {workforce ? <p>{t("alliance.workforce.current", { n: workforce.workers, at: formatDateTime(workforce.declaredAt, locale) })}</p> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextField field={fields.workers} label={t("alliance.workforce.workers")} type="number" min={0} max={100000} inputMode="numeric" />
        <div>
          <button type="submit" className="primary">
            {t("alliance.workforce.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("alliance.workforce.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
