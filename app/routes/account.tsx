import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clearSessionCookie, clientAddress, createSession, destroyAllSessions, requireUser } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { getT, useT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { passwordSchema } from "~/lib/validation";
import { loginBlockedUntil, recordLoginFailure } from "~/models/login-throttle.server";
import { countUserSessions } from "~/models/session.server";
import { getMemberships, setPassword, verifyPassword } from "~/models/user.server";
import { readForm } from "~/services/uploads.server";

const passwordForm = z.object({
  intent: z.literal("password"),
  currentPassword: z.string({ error: "errors.required" }).max(200),
  newPassword: passwordSchema,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const sessions = countUserSessions({ userId: user.id });
  return {
    user: { name: user.name, email: user.email },
    sessions,
    organisations: getMemberships(user.id).map((m) => ({ name: m.organisation.name, kind: m.organisation.kind, role: m.role })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "logout-everywhere") {
    destroyAllSessions(user.id);
    return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": clearSessionCookie() } });
  }
  const submission = parseWithZod(formData, { schema: passwordForm });
  const hide = ["currentPassword", "newPassword"];
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: hide }), done: false }, { status: 400 });
  // Guessing the current password from a borrowed session counts like failed logins of the account.
  const ip = clientAddress(request);
  const blockedUntil = loginBlockedUntil({ email: user.email, ip });
  if (blockedUntil) {
    const locale = getLocale(request);
    const time = new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { timeStyle: "short", timeZone: "Asia/Ho_Chi_Minh" }).format(blockedUntil);
    return data(
      { result: submission.reply({ formErrors: [getT(locale)("auth.throttled", { time })], hideFields: hide }), done: false },
      { status: 429, headers: { "Retry-After": String(Math.max(1, Math.ceil((blockedUntil.getTime() - Date.now()) / 1000))) } },
    );
  }
  if (!(await verifyPassword(user.passwordHash, submission.value.currentPassword))) {
    recordLoginFailure({ email: user.email, ip });
    return data(
      { result: submission.reply({ fieldErrors: { currentPassword: ["account.wrongPassword"] }, hideFields: hide }), done: false },
      { status: 400 },
    );
  }
  await setPassword({ userId: user.id, password: submission.value.newPassword });
  // Other devices may be logged in with the old password; keep only a fresh session here.
  destroyAllSessions(user.id);
  return data(
    { result: submission.reply({ resetForm: true }), done: true },
    { headers: { "Set-Cookie": createSession({ userId: user.id, request }) } },
  );
}

export default function Account() {
  const t = useT();
  const { user, sessions, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm({ schema: passwordForm, lastResult: actionData?.result });
  return (
    <section className="stack">
      <h1>{t("account.title")}</h1>
      <p>
        <strong>{user.name}</strong> · {user.email}
      </p>
      <h2>{t("account.organisations")}</h2>
      <ul>
        {organisations.map((o) => (
          <li key={o.name}>
            {o.name} ({t(`org.kind.${o.kind}`)}, {t(`team.role.${o.role}`)})
          </li>
        ))}
      </ul>
      <h2>{t("account.changePassword")}</h2>
      {actionData?.done ? <Notice tone="success">{t("account.passwordChanged")}</Notice> : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="password" />
        <TextField field={fields.currentPassword} label={t("auth.currentPassword")} type="password" autoComplete="current-password" />
        <TextField field={fields.newPassword} label={t("auth.newPassword")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
        <div>
          <button type="submit" className="primary">
            {t("account.changePassword")}
          </button>
        </div>
      </Form>
      <h2>{t("account.sessions")}</h2>
      <p>{t("account.sessionsCount", { n: sessions })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="logout-everywhere" />
        <button type="submit" className="button button-secondary">
          {t("account.logoutEverywhere")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("account.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
