import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { TextField, type Field } from "~/components/forms";
import { useT } from "~/i18n";

type MemberTextField = "name" | "commune" | "areaHa" | "plantingAreaCode";
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type MemberFieldSet = Record<MemberTextField, Field> & { publicConsent: FieldMetadata<unknown, any, string[]> };

/** The fields of a member household, shared by the add and edit forms. */
export function MemberFields({ fields }: { fields: MemberFieldSet }) {
  const t = useT();
  return (
    <>
      <div className="form-row">
        <TextField field={fields.name} label={t("catalogue.member.name")} />
        <TextField field={fields.commune} label={`${t("catalogue.member.commune")} (${t("common.optional")})`} />
      </div>
      <div className="form-row">
        <TextField field={fields.areaHa} label={`${t("catalogue.member.area")} (${t("common.optional")})`} inputMode="decimal" />
        <TextField field={fields.plantingAreaCode} label={`${t("catalogue.member.plantingAreaCode")} (${t("common.optional")})`} />
      </div>
      <label>
        <input {...getInputProps(fields.publicConsent, { type: "checkbox" })} key={fields.publicConsent.key} /> {t("catalogue.member.consent")}
      </label>
    </>
  );
}
