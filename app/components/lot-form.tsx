import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ErrorList, FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import { useT } from "~/i18n";

type Member = { id: number; name: string; commune: string | null; plantingAreaCode: string | null };
type Defaults = {
  productId?: number;
  code?: string;
  harvestDate?: string;
  packingDate?: string;
  bestBeforeDate?: string;
  quantity?: number;
  unit?: string;
  notes?: string | null;
  contributions?: { memberId: number; plantingArea: string | null; quantity: number }[];
};

const units = ["kg", "tan", "thung", "hop", "chai", "tui", "bo"] as const;

/** Create and edit share one form; contribution rows are plain fields so it works without JavaScript. */
export function LotForm({
  products,
  members,
  lastResult,
  defaults,
}: {
  products: { id: number; nameVi: string; gtin: string | null }[];
  members: Member[];
  lastResult?: SubmissionResult<string[]> | null;
  defaults?: Defaults;
}) {
  const t = useT();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults ? { ...defaults, quantity: defaults.quantity?.toString(), productId: defaults.productId?.toString(), notes: defaults.notes ?? "" } : { unit: "kg" },
    shouldValidate: "onBlur",
  });
  const rows = Math.min(Math.max(members.length, 3), 12);
  const submitted = (lastResult?.initialValue as { contributions?: { memberId?: string; plantingArea?: string; quantity?: string }[] } | undefined)?.contributions;
  const errors = lastResult?.error ?? {};
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <SelectField field={fields.productId} label={t("trace.lots.product")} options={products.map((p) => ({ value: String(p.id), label: `${p.nameVi}${p.gtin ? "" : ` (${t("trace.item.noGtin")})`}` }))} placeholder="" />
      <TextField field={fields.code} label={t("trace.lots.code")} hint={t("trace.lots.codeHint")} maxLength={20} autoComplete="off" />
      <div className="form-row">
        <TextField field={fields.harvestDate} label={t("trace.lots.harvestDate")} type="date" />
        <TextField field={fields.packingDate} label={t("trace.lots.packingDate")} type="date" />
        <TextField field={fields.bestBeforeDate} label={t("trace.lots.bestBeforeDate")} type="date" />
      </div>
      <div className="form-row">
        <TextField field={fields.quantity} label={t("trace.lots.quantity")} type="number" min={1} inputMode="numeric" />
        <SelectField field={fields.unit} label={t("trace.lots.unit")} options={units.map((u) => ({ value: u, label: t(`units.${u}`) }))} />
      </div>
      <fieldset className="trace-members-rows">
        <legend>{t("trace.lots.contributions")}</legend>
        <p className="hint">{t("trace.lots.contributionsHint")}</p>
        <ErrorList errors={errors.contributions} />
        {Array.from({ length: rows }, (_, i) => {
          const current = submitted?.[i] ?? (defaults?.contributions?.[i] ? { memberId: String(defaults.contributions[i]!.memberId), plantingArea: defaults.contributions[i]!.plantingArea ?? "", quantity: String(defaults.contributions[i]!.quantity) } : undefined);
          return (
            <div className="trace-member-row" key={i}>
              <div className="field">
                <label htmlFor={`c-${i}-member`}>{t("trace.lots.member")} {i + 1}</label>
                <select id={`c-${i}-member`} name={`contributions[${i}].memberId`} defaultValue={current?.memberId ?? ""}>
                  <option value="">{t("trace.lots.noMember")}</option>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                      {m.commune ? ` (${m.commune})` : ""}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`c-${i}-area`}>{t("trace.lots.plantingArea")}</label>
                <input id={`c-${i}-area`} name={`contributions[${i}].plantingArea`} defaultValue={current?.plantingArea ?? ""} maxLength={100} />
              </div>
              <div className="field">
                <label htmlFor={`c-${i}-qty`}>{t("trace.lots.memberQuantity")}</label>
                <input id={`c-${i}-qty`} type="number" min={1} name={`contributions[${i}].quantity`} defaultValue={current?.quantity ?? ""} />
                <ErrorList errors={errors[`contributions[${i}].quantity`]} />
              </div>
            </div>
          );
        })}
      </fieldset>
      <TextAreaField field={fields.notes} label={t("trace.lots.notes")} rows={2} />
      <div>
        <button type="submit" className="primary">
          {t("trace.lots.save")}
        </button>
      </div>
    </Form>
  );
}
