import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { FormErrors, SelectField, TextAreaField, TextField, useZodForm } from "~/components/forms";
import { useT } from "~/i18n";
import { fairSchema } from "~/lib/fair-forms";
import { fairStates } from "~/lib/fair-rules";

/** The create/edit form of a fair; the province select shows only for a platform admin creating one. */
export function FairForm({
  lastResult,
  defaultValue,
  provinces,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, string>;
  provinces?: { value: string; label: string }[];
  submitLabel: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useZodForm({ schema: fairSchema, lastResult, defaultValue: { state: "published", ...defaultValue } });
  return (
    <Form method="post" className="form form-wide" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <TextField field={fields.name} label={t("fairs.field.name")} />
      <div className="form-row">
        <TextField field={fields.startDate} label={t("fairs.field.startDate")} type="date" />
        <TextField field={fields.endDate} label={t("fairs.field.endDate")} type="date" />
      </div>
      <TextField field={fields.registrationDeadline} label={t("fairs.field.deadline")} hint={t("fairs.field.deadlineHint")} type="date" />
      <TextField field={fields.venue} label={t("fairs.field.venue")} />
      {provinces?.length ? <SelectField field={fields.provinceCode} label={t("fairs.field.province")} options={provinces} placeholder={t("auth.provinceChoose")} /> : null}
      <TextAreaField field={fields.description} label={`${t("fairs.field.description")} (${t("common.optional")})`} rows={5} />
      <SelectField field={fields.state} label={t("fairs.field.state")} options={fairStates.map((s) => ({ value: s, label: t(`fairs.state.${s}`) }))} />
      <div>
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
