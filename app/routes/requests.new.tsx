import { getFormProps, getInputProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, Notice, SelectField, TextAreaField, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useT, type MessageKey } from "~/i18n";
import { addDaysToDate as addDays } from "~/lib/dates";
import { todayInVietnam } from "~/lib/certificates";
import { certificateTypes, saleUnits } from "~/lib/enums";
import { requestSchema } from "~/lib/market-forms";
import { listCategories, listProvinces } from "~/models/province.server";
import { getMemberships } from "~/models/user.server";
import { requireBuyer } from "~/capabilities/orders/route-helpers.server";
import { handleNewRequest } from "~/capabilities/market/request-form.server";
import { requireUser } from "~/services/auth.server";
import { getLocale } from "~/i18n/server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const buyer = getMemberships(user.id).find((m) => m.organisation.kind === "buyer" && m.organisation.status !== "suspended")?.organisation;
  const today = todayInVietnam();
  const url = new URL(request.url);
  return {
    isBuyer: !!buyer,
    categories: listCategories().map((c) => ({ value: c.code, label: `${c.code} ${getLocale(request) === "en" ? c.nameEn : c.nameVi}` })),
    provinces: listProvinces().map((p) => ({ value: p.code, label: p.shortName })),
    defaults: {
      unit: "kg",
      visibility: "public",
      deliveryProvince: buyer?.provinceCode ?? "",
      deliveryFrom: addDays(today, 14),
      deliveryTo: addDays(today, 30),
      closingDate: addDays(today, 7),
      title: url.searchParams.get("title") ?? "",
      categoryCode: url.searchParams.get("category") ?? "",
      productId: url.searchParams.get("productId") ?? undefined,
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organisation } = requireBuyer(request);
  const result = await handleNewRequest(request, { buyerId: organisation.id, userId: user.id });
  if ("error" in result) return result.error;
  return redirect(`/dashboard/requests/${result.request.id}?${result.request.state === "open" ? "published" : "draft"}=1`);
}

export default function NewRequest() {
  const t = useT();
  const { isBuyer, categories, provinces, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm({ schema: requestSchema, lastResult, defaultValue: defaults });
  const chosen = new Set([fields.certifications.initialValue ?? []].flat().filter(Boolean) as string[]);
  if (!isBuyer) {
    return (
      <section className="stack">
        <h1>{t("market.new.title")}</h1>
        <Notice tone="warning">{t("market.new.buyersOnly")}</Notice>
      </section>
    );
  }
  return (
    <section className="stack market-form">
      <h1>{t("market.new.title")}</h1>
      <Form method="post" className="form form-wide" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        {defaults.productId ? <input type="hidden" name="productId" value={defaults.productId} /> : null}
        <TextField field={fields.title} label={t("market.new.what")} hint={t("market.new.whatHint")} maxLength={120} />
        <SelectField field={fields.categoryCode} label={t("market.new.category")} options={categories} placeholder="" />
        <div className="market-row">
          <TextField field={fields.quantity} label={t("market.new.quantity")} inputMode="decimal" />
          <SelectField field={fields.unit} label={t("market.new.unit")} options={saleUnits.map((u) => ({ value: u, label: t(`units.${u}` as MessageKey) }))} />
        </div>
        <fieldset className="market-certs">
          <legend>{t("market.new.certs")}</legend>
          {certificateTypes
            .filter((c) => c !== "other")
            .map((c) => (
              <label key={c} className="checkbox">
                <input type="checkbox" name="certifications" value={c} defaultChecked={chosen.has(c)} /> {t(`catalogue.certType.${c}` as MessageKey)}
              </label>
            ))}
          <ErrorList id={fields.certifications.errorId} errors={fields.certifications.errors} />
        </fieldset>
        <SelectField field={fields.ocopMinStars} label={t("market.new.ocopMin")} options={["3", "4", "5"].map((n) => ({ value: n, label: t("market.new.stars", { n }) }))} placeholder="" />
        <TextField field={fields.provinces} label={t("market.new.provinces")} hint={t("market.new.provincesHint")} list="market-provinces" />
        <datalist id="market-provinces">
          {provinces.map((p) => (
            <option key={p.value} value={p.label} />
          ))}
        </datalist>
        <div className="market-row">
          <TextField field={fields.deliveryFrom} label={t("market.new.deliveryFrom")} type="date" />
          <TextField field={fields.deliveryTo} label={t("market.new.deliveryTo")} type="date" />
        </div>
        <SelectField field={fields.deliveryProvince} label={t("market.new.deliveryProvince")} options={provinces} placeholder="" />
        <TextField field={fields.targetPrice} label={t("market.new.targetPrice")} inputMode="numeric" />
        <TextField field={fields.paymentTerms} label={t("market.new.paymentTerms")} hint={t("market.new.paymentHint")} />
        <TextField field={fields.closingDate} label={t("market.new.closingDate")} type="date" />
        <SelectField field={fields.visibility} label={t("market.new.visibility")} options={(["public", "invited"] as const).map((v) => ({ value: v, label: t(`market.visibility.${v}`) }))} />
        <div className="field">
          <label className="checkbox">
            <input {...getInputProps(fields.showBuyerName, { type: "checkbox" })} /> {t("market.new.showName")}
          </label>
          <p className="hint">{t("market.new.showNameHint")}</p>
        </div>
        <TextAreaField field={fields.description} label={t("market.new.description")} rows={4} />
        <div className="market-actions">
          <button type="submit" name="intent" value="publish" className="button">
            {t("market.new.publish")}
          </button>
          <button type="submit" name="intent" value="draft" className="button button-secondary">
            {t("market.new.draft")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("market.new.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
