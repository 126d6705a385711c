import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { ErrorList, FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import { useT } from "~/i18n";
import { productStatuses, saleUnits } from "~/lib/enums";
import { TIER_ROWS } from "~/lib/product-rules";

type Option = { value: string; label: string };

type ProductFields = {
  nameVi: string;
  nameEn: string;
  categoryCode: string;
  descriptionVi: string;
  descriptionEn: string;
  unit: string;
  packSize: string;
  originProvinceCode: string;
  harvestMonths: string[];
  leadTimeDays: string;
  price: string;
  minOrderQty: string;
  stock: string;
  gtin: string;
  status: string;
  tiers: { minQty: string; unitPrice: string }[];
};

export type ProductDefaults = Partial<ProductFields>;

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** The product editor: one multipart form, so photos go with the rest and it works without JavaScript. */
export function ProductForm({
  lastResult,
  defaultValue,
  categories,
  provinces,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: ProductDefaults;
  categories: Option[];
  provinces: Option[];
  submitLabel: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<ProductFields>({ lastResult, defaultValue, shouldValidate: "onSubmit" });
  const initial = (form.initialValue ?? {}) as Record<string, unknown>;
  const tierValues = (Array.isArray(initial.tiers) ? initial.tiers : []) as ({ minQty?: string; unitPrice?: string } | undefined)[];
  const months = new Set(asList(initial.harvestMonths));
  const errorsOf = (name: string) => form.allErrors[name];
  return (
    <Form method="post" encType="multipart/form-data" className="form form-wide catalogue-form commerce-product-form" {...getFormProps(form)}>
      <FormErrors errors={form.errors?.length ? form.errors : Object.keys(form.allErrors).length ? ["errors.formInvalid"] : null} />
      {/* Phone first: short sections in the order a manager fills them in, one column on a phone, and the save
          button stuck to the bottom of the screen so it is never 3,000 px away. */}
      <fieldset>
        <legend>{t("commerce.form.sectionBasics")}</legend>
        <div className="form-row">
          <TextField field={fields.nameVi} label={t("catalogue.product.nameVi")} />
          <TextField field={fields.nameEn} label={`${t("catalogue.product.nameEn")} (${t("common.optional")})`} />
        </div>
        <SelectField field={fields.categoryCode} label={t("catalogue.product.category")} options={categories} placeholder={t("catalogue.product.chooseCategory")} />
        <div className="form-row">
          <SelectField field={fields.unit} label={t("catalogue.product.unit")} options={saleUnits.map((u) => ({ value: u, label: t(`unit.${u}`) }))} />
          <TextField field={fields.packSize} label={`${t("catalogue.product.packSize")} (${t("common.optional")})`} placeholder="10 kg, 500 g, 24 × 330 ml" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("commerce.form.sectionSale")}</legend>
        <div className="form-row commerce-form-pair">
          <TextField field={fields.price} label={t("catalogue.product.price")} hint={t("catalogue.product.priceHint")} inputMode="numeric" />
          <TextField field={fields.minOrderQty} label={t("catalogue.product.moq")} inputMode="numeric" />
        </div>
        <div className="form-row commerce-form-pair">
          <TextField field={fields.stock} label={t("catalogue.product.stock")} inputMode="numeric" />
          <TextField field={fields.leadTimeDays} label={t("catalogue.product.leadTime")} inputMode="numeric" />
        </div>
        <fieldset className="catalogue-tier-editor">
          <legend>{t("catalogue.product.tiers")}</legend>
          <p className="hint">{t("catalogue.product.tiersHint")}</p>
          {Array.from({ length: TIER_ROWS }, (_, i) => {
            const q = `tiers[${i}].minQty`;
            const p = `tiers[${i}].unitPrice`;
            return (
              <div className="form-row commerce-form-pair" key={i}>
                <div className={`field${errorsOf(q)?.length ? " has-error" : ""}`}>
                  <label htmlFor={`tier-${i}-q`}>{t("catalogue.product.tierFromN", { n: i + 1 })}</label>
                  <input id={`tier-${i}-q`} name={q} inputMode="numeric" defaultValue={tierValues[i]?.minQty ?? ""} aria-invalid={errorsOf(q)?.length ? true : undefined} />
                  <ErrorList errors={errorsOf(q)} />
                </div>
                <div className={`field${errorsOf(p)?.length ? " has-error" : ""}`}>
                  <label htmlFor={`tier-${i}-p`}>{t("catalogue.product.tierPriceN", { n: i + 1 })}</label>
                  <input id={`tier-${i}-p`} name={p} inputMode="numeric" defaultValue={tierValues[i]?.unitPrice ?? ""} aria-invalid={errorsOf(p)?.length ? true : undefined} />
                  <ErrorList errors={errorsOf(p)} />
                </div>
              </div>
            );
          })}
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>{t("commerce.form.sectionOrigin")}</legend>
        <SelectField field={fields.originProvinceCode} label={t("catalogue.product.origin")} options={provinces} placeholder={t("auth.provinceChoose")} />
        <fieldset>
          <legend>{t("catalogue.product.harvest")}</legend>
          <div className="catalogue-months">
            {Array.from({ length: 12 }, (_, i) => String(i + 1)).map((m) => (
              <label key={m}>
                <input type="checkbox" name="harvestMonths" value={m} defaultChecked={months.has(m)} /> {t("catalogue.month.short", { m })}
              </label>
            ))}
          </div>
          <ErrorList errors={errorsOf("harvestMonths")} />
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>{t("commerce.form.sectionDescription")}</legend>
        <TextAreaField field={fields.descriptionVi} label={`${t("catalogue.product.descriptionVi")} (${t("common.optional")})`} rows={4} />
        <TextAreaField field={fields.descriptionEn} label={`${t("catalogue.product.descriptionEn")} (${t("common.optional")})`} rows={3} />
      </fieldset>
      <fieldset>
        <legend>{t("commerce.form.sectionPhotos")}</legend>
        <div className="field">
          <label htmlFor="product-photos">{t("catalogue.product.photos")}</label>
          <input id="product-photos" type="file" name="photos" accept="image/jpeg,image/png,image/webp,image/avif" multiple />
          <p className="hint">{t("catalogue.product.photosHint")}</p>
          <ErrorList errors={errorsOf("photos")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("commerce.form.sectionCodes")}</legend>
        <TextField field={fields.gtin} label={`${t("catalogue.product.gtin")} (${t("common.optional")})`} hint={t("catalogue.product.gtinHint")} inputMode="numeric" />
        <SelectField field={fields.status} label={t("catalogue.product.status")} options={productStatuses.map((s) => ({ value: s, label: t(`catalogue.status.${s}`) }))} />
      </fieldset>
      <div className="commerce-save-bar">
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
