import { getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z, ZodType } from "zod";
import { useId, type ReactNode } from "react";
import { translateMaybe, useLocale } from "~/i18n";

/** Field errors are catalogue keys (from the zod schemas) or server messages; shown translated under the field. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const locale = useLocale();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((e) => (
        <li key={e}>{translateMaybe(locale, e)}</li>
      ))}
    </ul>
  );
}

export type Field = FieldMetadata<string | number | boolean | null | undefined>;

function Wrapper({ field, label, hint, children }: { field: Field; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={`field${field.errors?.length ? " has-error" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  ...rest
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "tel" | "url" | "number" | "date" | "search";
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type">) {
  const props = getInputProps(field, { type });
  return (
    <Wrapper field={field} label={label} hint={hint}>
      <input
        {...props}
        {...rest}
        key={props.key}
        aria-describedby={[hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined}
      />
    </Wrapper>
  );
}

export function TextAreaField({ field, label, hint, ...rest }: { field: Field; label: ReactNode; hint?: ReactNode } & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const props = getTextareaProps(field);
  return (
    <Wrapper field={field} label={label} hint={hint}>
      <textarea {...props} {...rest} key={props.key} />
    </Wrapper>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const props = getSelectProps(field);
  return (
    <Wrapper field={field} label={label} hint={hint}>
      <select {...props} key={props.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

/** Errors that belong to the whole form (wrong password, throttled, conflict), announced to screen readers. */
export function FormErrors({ errors }: { errors?: string[] | null }) {
  const id = useId();
  const locale = useLocale();
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert" id={id}>
      {errors.map((e) => (
        <p key={e}>{translateMaybe(locale, e)}</p>
      ))}
    </div>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}

/**
 * When conform validates, for every form. Never on blur: blur happens on the mousedown of the next click, and an
 * error line appearing or vanishing then moves the button under the pointer, so the click is lost (issue 13).
 * Errors appear on submit and clear while the user types the fix, before they reach for the button.
 */
export const validationTiming = { shouldValidate: "onSubmit", shouldRevalidate: "onInput" } as const;

/**
 * conform's `useForm` with the settings every form here uses: the same zod schema validates in the browser and on
 * the server, on submit, then on every keystroke once a field has shown an error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useZodForm<Schema extends ZodType<any, Record<string, any>>>({
  schema,
  lastResult,
  defaultValue,
}: {
  schema: Schema;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, unknown>;
}) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    lastResult,
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    ...validationTiming,
  });
}
