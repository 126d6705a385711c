import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { passwordSchema } from "~/lib/validation";
import { resetPasswordWithToken } from "~/models/account-token.server";
import { peekToken } from "~/models/token.server";
import { hashPassword } from "~/models/user.server";
import { readForm } from "~/services/uploads.server";

const schema = z.object({ password: passwordSchema });

export async function loader({ params }: LoaderFunctionArgs) {
  const row = peekToken({ token: params.token ?? "", purpose: "password_reset" });
  // An unusable link is a 410-like state; it is reported as 400 with the explanation on the page.
  if (!row) return data({ valid: false }, { status: 400 });
  return { valid: true };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const passwordHash = await hashPassword(submission.value.password);
  const used = resetPasswordWithToken({ token: params.token ?? "", passwordHash });
  if (!used) return data(submission.reply({ formErrors: ["auth.resetInvalid"], hideFields: ["password"] }), { status: 400 });
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm({ schema, lastResult });
  if (!valid) {
    return (
      <section className="stack">
        <h1>{t("auth.resetTitle")}</h1>
        <div className="form-errors" role="alert">
          <p>{t("auth.resetInvalid")}</p>
        </div>
        <p>
          <Link to="/forgot-password">{t("auth.forgotTitle")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="stack">
      <h1>{t("auth.resetTitle")}</h1>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextField field={fields.password} label={t("auth.newPassword")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
        <div>
          <button type="submit" className="primary">
            {t("auth.resetSubmit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("auth.resetTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
