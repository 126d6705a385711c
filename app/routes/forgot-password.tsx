import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { getT, useT } from "~/i18n";
import { env } from "~/env.server";
import { getLocale } from "~/i18n/server";
import { emailSchema } from "~/lib/validation";
import { absoluteUrl, sendMail } from "~/services/mail.server";
import { takeResetAllowance } from "~/models/login-throttle.server";
import { issueToken } from "~/models/token.server";
import { getUserByEmail } from "~/models/user.server";
import { readForm } from "~/services/uploads.server";

const schema = z.object({ email: emailSchema });

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  if (!takeResetAllowance({ email: submission.value.email, ip: clientAddress(request) })) {
    const t = getT(getLocale(request));
    return data({ result: submission.reply({ formErrors: [t("errors.tooManyRequests")] }), sent: false }, { status: 429, headers: { "Retry-After": String(env.LOGIN_WINDOW_MINUTES * 60) } });
  }
  const user = getUserByEmail(submission.value.email);
  // The answer is the same whether or not the email has an account.
  if (user) {
    const t = getT(user.locale ?? getLocale(request));
    const token = issueToken({ purpose: "password_reset", email: user.email, userId: user.id, ttlMinutes: 60 });
    await sendMail({
      to: user.email,
      subject: t("auth.resetMailSubject"),
      text: t("auth.resetMailBody", { name: user.name, url: absoluteUrl(`/reset-password/${token}`) }),
    });
  }
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm({ schema, lastResult: actionData?.result });
  return (
    <section className="stack">
      <h1>{t("auth.forgotTitle")}</h1>
      {actionData?.sent ? <Notice tone="success">{t("auth.forgotSent")}</Notice> : null}
      <p>{t("auth.forgotLead")}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <div>
          <button type="submit" className="primary">
            {t("auth.forgotSubmit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("auth.forgotTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
