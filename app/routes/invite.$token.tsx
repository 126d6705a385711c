import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { createSession, getUser } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { passwordSchema } from "~/lib/validation";
import { getOrganisation } from "~/models/organisation.server";
import { acceptInvitation } from "~/models/account-token.server";
import { peekToken } from "~/models/token.server";
import { getUserByEmail, hashPassword } from "~/models/user.server";
import { readForm } from "~/services/uploads.server";

const newUserSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(1).max(120, { error: "errors.tooLong" }),
  password: passwordSchema,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const row = peekToken({ token: params.token ?? "", purpose: "invitation" });
  if (!row?.organisationId) return data({ valid: false as const }, { status: 400 });
  const org = getOrganisation({ id: row.organisationId });
  const current = getUser(request);
  return {
    valid: true as const,
    organisation: org?.name ?? "",
    email: row.email,
    hasAccount: !!getUserByEmail(row.email),
    wrongUser: !!current && current.email !== row.email,
    signedIn: current?.email === row.email,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const row = peekToken({ token, purpose: "invitation" });
  if (!row?.organisationId) return data({ result: null, error: "invite.invalid" }, { status: 400 });
  const existing = getUserByEmail(row.email);
  const current = getUser(request);
  let passwordHash: string | null = null;
  let name = "";
  if (!existing) {
    const submission = parseWithZod(await readForm(request), { schema: newUserSchema });
    if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }), error: null }, { status: 400 });
    passwordHash = await hashPassword(submission.value.password);
    name = submission.value.name;
  } else if (current?.id !== existing.id) {
    // The invitee has an account: they accept while signed in as themselves.
    return data({ result: null, error: "invite.invalid" }, { status: 403 });
  }
  // The account may have been created since the check above (another tab, a sign-up): checked again inside the
  // transaction, where it cannot change, and answered 409 with the invitation left unused.
  const used = acceptInvitation({ token, existingUserId: existing?.id ?? null, name, passwordHash });
  if (!used.ok && used.reason === "emailTaken") return data({ result: null, error: "errors.emailTaken" }, { status: 409 });
  if (!used.ok) return data({ result: null, error: "invite.invalid" }, { status: 400 });
  return redirect("/dashboard", { headers: { "Set-Cookie": createSession({ userId: used.userId, request }) } });
}

export default function Invite() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const [form, fields] = useZodForm({ schema: newUserSchema, lastResult: actionData?.result });
  if (!loaderData.valid || actionData?.error) {
    return (
      <section className="stack">
        <h1>{t("invite.title")}</h1>
        <div className="form-errors" role="alert">
          <p>{t(actionData?.error === "errors.emailTaken" ? "errors.emailTaken" : "invite.invalid")}</p>
        </div>
      </section>
    );
  }
  return (
    <section className="stack">
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.lead", { org: loaderData.organisation })}</p>
      {loaderData.wrongUser ? (
        <p className="form-errors">{t("invite.wrongUser", { email: loaderData.email })}</p>
      ) : loaderData.hasAccount ? (
        loaderData.signedIn ? (
          <Form method="post">
            <button type="submit" className="primary">
              {t("invite.accept")}
            </button>
          </Form>
        ) : (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t("nav.login")}</Link>
          </p>
        )
      ) : (
        <Form method="post" className="form" {...getFormProps(form)}>
          <h2>{t("invite.setPassword")}</h2>
          <FormErrors errors={form.errors} />
          <p>
            {t("auth.email")}: <strong>{loaderData.email}</strong>
          </p>
          <TextField field={fields.name} label={t("auth.name")} autoComplete="name" />
          <TextField field={fields.password} label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
          <div>
            <button type="submit" className="primary">
              {t("invite.accept")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("invite.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
