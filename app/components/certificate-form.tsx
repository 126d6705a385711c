import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { ErrorList, FormErrors, SelectField, TextField } from "~/components/forms";
import { useT } from "~/i18n";
import { certificateTypes } from "~/lib/enums";

type CertificateFields = {
  type: string;
  ocopStars: string;
  number: string;
  issuer: string;
  issueDate: string;
  expiryDate: string;
  scope: string;
  productIds: string[];
};

/** The certificate claim: what it is, who issued it, when it runs out, which products it covers, and the scan. */
export function CertificateForm({
  lastResult,
  defaultValue,
  products,
  submitLabel,
  evidenceRequired,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: Partial<CertificateFields>;
  products: { id: number; nameVi: string }[];
  submitLabel: string;
  evidenceRequired: boolean;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<CertificateFields>({ lastResult, defaultValue, shouldValidate: "onSubmit" });
  const initial = (form.initialValue ?? {}) as Record<string, unknown>;
  const chosen = new Set((Array.isArray(initial.productIds) ? initial.productIds : initial.productIds ? [initial.productIds] : []).map(String));
  return (
    <Form method="post" encType="multipart/form-data" className="form form-wide catalogue-form" {...getFormProps(form)}>
      <FormErrors errors={form.errors?.length ? form.errors : Object.keys(form.allErrors).length ? ["errors.formInvalid"] : null} />
      <div className="form-row">
        <SelectField field={fields.type} label={t("catalogue.certificate.type")} options={certificateTypes.map((c) => ({ value: c, label: t(`catalogue.certType.${c}`) }))} />
        <SelectField
          field={fields.ocopStars}
          label={t("catalogue.certificate.ocopStars")}
          hint={t("catalogue.certificate.ocopStarsHint")}
          placeholder="—"
          options={[3, 4, 5].map((s) => ({ value: String(s), label: t("badges.stars", { stars: s }) }))}
        />
      </div>
      <div className="form-row">
        <TextField field={fields.number} label={t("catalogue.certificate.number")} hint={t("catalogue.certificate.numberHint")} />
        <TextField field={fields.issuer} label={t("catalogue.certificate.issuer")} />
      </div>
      <div className="form-row">
        <TextField field={fields.issueDate} type="date" label={t("catalogue.certificate.issueDate")} />
        <TextField field={fields.expiryDate} type="date" label={`${t("catalogue.certificate.expiryDate")} (${t("common.optional")})`} hint={t("catalogue.certificate.expiryHint")} />
      </div>
      <TextField field={fields.scope} label={`${t("catalogue.certificate.scopeText")} (${t("common.optional")})`} />
      <fieldset>
        <legend>{t("catalogue.certificate.products")}</legend>
        {products.length ? (
          <div className="catalogue-checklist">
            {products.map((p) => (
              <label key={p.id}>
                <input type="checkbox" name="productIds" value={p.id} defaultChecked={chosen.has(String(p.id))} /> {p.nameVi}
              </label>
            ))}
          </div>
        ) : (
          <p className="muted">{t("catalogue.certificate.noProducts")}</p>
        )}
        <ErrorList errors={form.allErrors.productIds} />
      </fieldset>
      <div className={`field${form.allErrors.evidence?.length ? " has-error" : ""}`}>
        <label htmlFor="certificate-evidence">{t("catalogue.certificate.evidence")}</label>
        <input id="certificate-evidence" type="file" name="evidence" accept="application/pdf,image/jpeg,image/png,image/webp" required={evidenceRequired} />
        <p className="hint">{t(evidenceRequired ? "catalogue.certificate.evidenceHint" : "catalogue.certificate.evidenceReplaceHint")}</p>
        <ErrorList errors={form.allErrors.evidence} />
      </div>
      <div>
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
