import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, createSession, getUserId, safeRedirect } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { getT, useT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { emailSchema } from "~/lib/validation";
import { clearLoginFailures, loginBlockedUntil, recordLoginFailure } from "~/models/login-throttle.server";
import { verifyLogin } from "~/models/user.server";
import { readForm } from "~/services/uploads.server";

const schema = z.object({
  email: emailSchema,
  password: z.string({ error: "errors.required" }).max(200, { error: "errors.passwordLong" }),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (getUserId(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/dashboard"));
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const ip = clientAddress(request);
  const t = getT(getLocale(request));
  const blockedUntil = loginBlockedUntil({ email, ip });
  if (blockedUntil) {
    const time = new Intl.DateTimeFormat(getLocale(request) === "vi" ? "vi-VN" : "en-GB", {
      timeStyle: "short",
      timeZone: "Asia/Ho_Chi_Minh",
    }).format(blockedUntil);
    const seconds = Math.max(1, Math.ceil((blockedUntil.getTime() - Date.now()) / 1000));
    return data(submission.reply({ formErrors: [t("auth.throttled", { time })], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(seconds) },
    });
  }
  const user = await verifyLogin({ email, password });
  if (!user) {
    recordLoginFailure({ email, ip });
    return data(submission.reply({ formErrors: ["auth.invalidLogin"], hideFields: ["password"] }), { status: 401 });
  }
  clearLoginFailures({ email });
  return redirect(safeRedirect(redirectTo, "/dashboard"), {
    headers: { "Set-Cookie": createSession({ userId: user.id, request }) },
  });
}

export default function Login() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useZodForm({ schema, lastResult, defaultValue: { redirectTo: params.get("redirectTo") ?? "" } });
  return (
    <section className="stack">
      <h1>{t("auth.loginTitle")}</h1>
      {params.get("reset") === "1" ? <Notice tone="success">{t("auth.resetDone")}</Notice> : null}
      {params.get("loggedOut") === "1" ? <Notice>{t("auth.loggedOut")}</Notice> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <TextField field={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
        <div>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t("auth.loginSubmit")}
          </button>
        </div>
        <p>
          <Link to="/forgot-password">{t("auth.forgot")}</Link>
        </p>
        <p>
          {t("auth.noAccount")} <Link to="/signup">{t("nav.signup")}</Link>
        </p>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("auth.loginTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
