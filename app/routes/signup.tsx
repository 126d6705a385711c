import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { createSession, getUserId } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, SelectField, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { buyerTypes, cooperativeTypes } from "~/lib/enums";
import { emailSchema, passwordSchema, taxCodeSchema } from "~/lib/validation";
import { ConflictError, signUpOrganisation } from "~/models/organisation.server";
import { listProvinces } from "~/models/province.server";
import { readForm } from "~/services/uploads.server";

const text = (max: number) =>
  z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(max, { error: "errors.tooLong" });
const optionalText = (max: number) => z.string().trim().max(max, { error: "errors.tooLong" }).optional();

const common = {
  orgName: text(200),
  provinceCode: z.string({ error: "errors.province" }).regex(/^\d{2}$/, { error: "errors.province" }),
  commune: optionalText(120),
  address: optionalText(300),
  name: text(120),
  email: emailSchema,
  password: passwordSchema,
};

const schema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("cooperative"),
    cooperativeType: z.enum(cooperativeTypes, { error: "errors.required" }),
    registrationNumber: optionalText(40),
    ...common,
  }),
  z.object({
    kind: z.literal("buyer"),
    taxCode: taxCodeSchema,
    buyerType: z.enum(buyerTypes, { error: "errors.required" }),
    ...common,
  }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  if (getUserId(request)) throw redirect("/dashboard");
  return { provinces: listProvinces().map((p) => ({ value: p.code, label: p.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const v = submission.value;
  const provinces = listProvinces();
  if (!provinces.some((p) => p.code === v.provinceCode)) {
    return data(submission.reply({ fieldErrors: { provinceCode: ["errors.province"] }, hideFields: ["password"] }), {
      status: 400,
    });
  }
  try {
    const { user } = await signUpOrganisation({
      organisation: {
        kind: v.kind,
        name: v.orgName,
        provinceCode: v.provinceCode,
        commune: v.commune ?? null,
        address: v.address ?? null,
        status: "active",
        ...(v.kind === "cooperative"
          ? { cooperativeType: v.cooperativeType, registrationNumber: v.registrationNumber || null }
          : { taxCode: v.taxCode, buyerType: v.buyerType }),
      },
      owner: { name: v.name, email: v.email, password: v.password },
    });
    return redirect("/dashboard?welcome=1", { headers: { "Set-Cookie": createSession({ userId: user.id, request }) } });
  } catch (error) {
    if (error instanceof ConflictError) {
      return data(submission.reply({ fieldErrors: { [error.field]: [error.messageKey] }, hideFields: ["password"] }), {
        status: 409,
      });
    }
    throw error;
  }
}

export default function Signup() {
  const t = useT();
  const { provinces } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm({ schema, lastResult, defaultValue: { kind: "cooperative", cooperativeType: "htx" } });
  // Conform types the union's fields by the first member; the buyer-only fields are looked up by name.
  const all = fields as unknown as Record<string, typeof fields.orgName>;
  return (
    <section className="stack">
      <h1>{t("auth.signupTitle")}</h1>
      <Form method="post" className="form form-wide" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <fieldset>
          <legend>{t("auth.signupAs")}</legend>
          <div className="radio-row">
            {(["cooperative", "buyer"] as const).map((k) => (
              <label key={k}>
                <input
                  {...getInputProps(fields.kind, { type: "radio", value: k })}
                  key={k}
                />
                {t(k === "cooperative" ? "auth.kindCooperative" : "auth.kindBuyer")}
              </label>
            ))}
          </div>
          <ErrorList errors={fields.kind.errors} />
        </fieldset>
        <TextField field={fields.orgName} label={t("auth.orgName")} autoComplete="organization" />
        {/* Both kinds' fields are in the page and CSS shows the chosen kind's, so it works without JavaScript. */}
        <div className="form-row only-cooperative">
          <SelectField
            field={fields.cooperativeType}
            label={t("auth.cooperativeType")}
            options={cooperativeTypes.map((c) => ({ value: c, label: t(`org.coopType.${c}`) }))}
          />
          <TextField field={fields.registrationNumber} label={`${t("auth.registrationNumber")} (${t("common.optional")})`} />
        </div>
        <div className="form-row only-buyer">
          <TextField field={all.taxCode!} label={t("auth.taxCode")} hint={t("auth.taxCodeHint")} inputMode="numeric" />
          <SelectField
            field={all.buyerType!}
            label={t("auth.buyerType")}
            options={buyerTypes.map((b) => ({ value: b, label: t(`org.buyerType.${b}`) }))}
          />
        </div>
        <div className="form-row">
          <SelectField field={fields.provinceCode} label={t("auth.province")} options={provinces} placeholder={t("auth.provinceChoose")} />
          <TextField field={fields.commune} label={`${t("auth.commune")} (${t("common.optional")})`} />
        </div>
        <TextField field={fields.address} label={`${t("auth.address")} (${t("common.optional")})`} autoComplete="street-address" />
        <TextField field={fields.name} label={t("auth.name")} autoComplete="name" />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <TextField field={fields.password} label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
        <div>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t("auth.signupSubmit")}
          </button>
        </div>
        <p>
          {t("auth.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
        </p>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("auth.signupTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
