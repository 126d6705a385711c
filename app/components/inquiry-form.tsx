import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { ErrorList, FormErrors, TextAreaField, TextField, validationTiming } from "~/components/forms";
import { useT } from "~/i18n";
import { inquirySchema } from "~/lib/order-forms";

/** The first message of an inquiry: subject, message and one optional image or PDF. */
export function InquiryForm({ lastResult, defaultSubject }: { lastResult?: SubmissionResult<string[]> | null; defaultSubject: string }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { subject: defaultSubject },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inquirySchema }),
    ...validationTiming,
  });
  const attachmentErrors = lastResult?.error?.attachment ?? undefined;
  return (
    <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <TextField field={fields.subject} label={t("orders.inquiry.subject")} maxLength={200} />
      <TextAreaField field={fields.body} label={t("orders.inquiry.body")} rows={6} maxLength={5000} />
      <div className={`field${attachmentErrors?.length ? " has-error" : ""}`}>
        <label htmlFor="inquiry-attachment">{t("orders.inquiry.attachment")}</label>
        <input id="inquiry-attachment" name="attachment" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" />
        <ErrorList errors={attachmentErrors} />
      </div>
      <div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("orders.inquiry.send")}
        </button>
      </div>
    </Form>
  );
}
