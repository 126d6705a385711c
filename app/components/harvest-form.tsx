import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { FormErrors, SelectField, TextAreaField, TextField, useZodForm } from "~/components/forms";
import { useT, type MessageKey } from "~/i18n";
import { announcementSchema } from "~/lib/harvest-rules";

type Product = { id: number; nameVi: string; unit: string };

/** Post or edit a harvest announcement. The product is fixed once announced (reservations refer to it). */
export function AnnouncementForm({
  products,
  today,
  lastResult,
  defaultValue,
  fixedProduct,
  submitLabel,
}: {
  products: Product[];
  today: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, string>;
  fixedProduct?: Product;
  submitLabel: string;
}) {
  const t = useT();
  const schema = useMemo(() => announcementSchema(today), [today]);
  const [form, fields] = useZodForm({ schema, lastResult, defaultValue: { ...defaultValue, productId: fixedProduct ? String(fixedProduct.id) : defaultValue?.productId } });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      {fixedProduct ? (
        <>
          <input type="hidden" name="productId" value={fixedProduct.id} />
          <p>
            <strong>{t("harvest.form.product")}:</strong> {fixedProduct.nameVi} ({t(`units.${fixedProduct.unit}` as MessageKey)})
          </p>
        </>
      ) : (
        <SelectField
          field={fields.productId}
          label={t("harvest.form.product")}
          placeholder=""
          options={products.map((p) => ({ value: String(p.id), label: `${p.nameVi} (${t(`units.${p.unit}` as MessageKey)})` }))}
        />
      )}
      <TextField field={fields.quantity} label={t("harvest.form.announceQuantity")} inputMode="numeric" hint={t("harvest.form.quantityHint")} />
      <div className="form-row">
        <TextField field={fields.harvestFrom} label={t("harvest.form.from")} type="date" />
        <TextField field={fields.harvestTo} label={t("harvest.form.to")} type="date" />
      </div>
      <div className="form-row">
        <TextField field={fields.priceMin} label={t("harvest.form.priceMin")} inputMode="numeric" />
        <TextField field={fields.priceMax} label={t("harvest.form.priceMax")} inputMode="numeric" />
      </div>
      <TextAreaField field={fields.notes} label={t("harvest.form.notes")} rows={3} maxLength={2000} />
      <p className="hint">{t("harvest.form.certHint")}</p>
      <div>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
