import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ErrorList, FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import { useT, type MessageKey } from "~/i18n";

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

/**
 * Create and edit share one form. Member rows are a conform list: three empty rows to start (or the lot's own), and
 * "add a member" / "remove" are submit buttons carrying conform's list intent, so they work without JavaScript (the
 * server answers with the form one row longer or shorter and writes nothing).
 */
export function LotForm({
  products,
  members,
  lastResult,
  defaults,
}: {
  products: { id: number; nameVi: string; gtin: string | null; unit?: string }[];
  members: Member[];
  lastResult?: SubmissionResult<string[]> | null;
  defaults?: Defaults;
}) {
  const t = useT();
  const emptyRows: { memberId?: string; plantingArea?: string; quantity?: string }[] = [{}, {}, {}];
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults
      ? {
          ...defaults,
          quantity: defaults.quantity?.toString(),
          productId: defaults.productId?.toString(),
          notes: defaults.notes ?? "",
          contributions: defaults.contributions?.length
            ? defaults.contributions.map((c) => ({ memberId: String(c.memberId), plantingArea: c.plantingArea ?? "", quantity: String(c.quantity) }))
            : emptyRows,
        }
      : { unit: "", contributions: emptyRows },
    shouldValidate: "onBlur",
  });
  const rows = fields.contributions.getFieldList();
  const errors = lastResult?.error ?? {};
  // A new lot counts in the product's own unit of sale unless the cooperative picks another.
  const unitOptions = [...(defaults ? [] : [{ value: "", label: t("trace.lots.unitFromProduct") }]), ...units.map((u) => ({ value: u, label: t(`units.${u}`) }))];
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <SelectField field={fields.productId} label={t("trace.lots.product")} options={products.map((p) => ({ value: String(p.id), label: `${p.nameVi}${p.unit ? ` · ${t(`units.${p.unit}` as MessageKey)}` : ""}${p.gtin ? "" : ` (${t("trace.item.noGtin")})`}` }))} placeholder="" />
      <TextField field={fields.code} label={t("trace.lots.code")} hint={t("trace.lots.codeHint")} maxLength={20} autoComplete="off" />
      <div className="form-row">
        <TextField field={fields.harvestDate} label={t("trace.lots.harvestDate")} type="date" />
        <TextField field={fields.packingDate} label={t("trace.lots.packingDate")} type="date" />
        <TextField field={fields.bestBeforeDate} label={t("trace.lots.bestBeforeDate")} type="date" />
      </div>
      <div className="form-row">
        <TextField field={fields.quantity} label={t("trace.lots.quantity")} type="number" min={1} inputMode="numeric" />
        <SelectField field={fields.unit} label={t("trace.lots.unit")} options={unitOptions} />
      </div>
      <fieldset className="trace-members-rows">
        <legend>{t("trace.lots.contributions")}</legend>
        <p className="hint">{t("trace.lots.contributionsHint")}</p>
        <ErrorList errors={errors.contributions} />
        {rows.map((row, i) => {
          const f = row.getFieldset();
          return (
            <div className="trace-member-row" key={row.key}>
              <div className="field">
                <label htmlFor={`c-${i}-member`}>
                  {t("trace.lots.member")} {i + 1}
                </label>
                <select {...getSelectProps(f.memberId)} id={`c-${i}-member`} key={f.memberId.key}>
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
                <input {...getInputProps(f.plantingArea, { type: "text" })} id={`c-${i}-area`} key={f.plantingArea.key} maxLength={100} />
              </div>
              <div className="field">
                <label htmlFor={`c-${i}-qty`}>{t("trace.lots.memberQuantity")}</label>
                <input {...getInputProps(f.quantity, { type: "number" })} id={`c-${i}-qty`} key={f.quantity.key} min={1} inputMode="numeric" />
                <ErrorList errors={f.quantity.errors} />
              </div>
              <button {...form.remove.getButtonProps({ name: fields.contributions.name, index: i })} className="link-button trace-member-remove" aria-label={t("trace.lots.removeMemberLabel", { n: i + 1 })}>
                {t("trace.lots.removeMember")}
              </button>
            </div>
          );
        })}
        {rows.length < 50 ? (
          <div>
            <button {...form.insert.getButtonProps({ name: fields.contributions.name })} className="button button-secondary">
              {t("trace.lots.addMember")}
            </button>
          </div>
        ) : null}
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
