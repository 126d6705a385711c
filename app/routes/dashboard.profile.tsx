import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { photoUrl } from "~/components/catalogue";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, Notice, SelectField, TextAreaField, TextField } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { banks } from "~/lib/banks";
import { cooperativeTypes } from "~/lib/enums";
import { profileSchema } from "~/lib/profile-rules";
import { deleteCooperativePhoto, listCooperativePhotos, ProfileConflict, updateCooperativeProfile } from "~/models/cooperative.server";
import { listProvinces } from "~/models/province.server";
import { fileFrom, MAX_IMAGE_BYTES, parseMultipart, storeImage, UploadError } from "~/services/uploads.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation: o } = requireOrganisationRole(request, { kind: "cooperative", roles: ["owner"] });
  const s = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    slug: o.slug,
    rejectionReason: o.verifiedAt ? null : o.rejectionReason,
    defaults: {
      name: o.name,
      cooperativeType: o.cooperativeType ?? "htx",
      registrationNumber: s(o.registrationNumber),
      yearFounded: s(o.yearFounded),
      provinceCode: o.provinceCode,
      commune: s(o.commune),
      address: s(o.address),
      memberCount: s(o.memberCount),
      areaHa: s(o.areaHa),
      mainProducts: s(o.mainProducts),
      descriptionVi: s(o.descriptionVi),
      descriptionEn: s(o.descriptionEn),
      contactName: s(o.contactName),
      phone: s(o.phone),
      zalo: s(o.zalo),
      email: s(o.email),
      website: s(o.website),
      bankBin: s(o.bankBin),
      bankAccount: s(o.bankAccount),
      bankHolder: s(o.bankHolder),
    },
    photos: listCooperativePhotos({ cooperativeId: o.id }),
    provinces: listProvinces().map((p) => ({ value: p.code, label: p.name })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organisation } = requireOrganisationRole(request, { kind: "cooperative", roles: ["owner"] });
  let formData: FormData;
  try {
    formData = await parseMultipart(request, { maxBytes: MAX_IMAGE_BYTES });
  } catch (error) {
    if (error instanceof UploadError) return data({ status: "error" as const, error: { "": [error.messageKey] } }, { status: error.status });
    throw error;
  }
  if (formData.get("intent") === "delete-photo") {
    if (!deleteCooperativePhoto({ photoId: Number(formData.get("photoId")), cooperativeId: organisation.id })) throw new Response("errors.notFound", { status: 404 });
    return redirect("/dashboard/profile");
  }
  const submission = parseWithZod(formData, { schema: profileSchema });
  const hide = { hideFields: ["photos"] };
  if (submission.status !== "success") return data(submission.reply(hide), { status: 400 });
  if (!listProvinces().some((p) => p.code === submission.value.provinceCode)) {
    return data(submission.reply({ ...hide, fieldErrors: { provinceCode: ["errors.province"] } }), { status: 400 });
  }
  const photos = [];
  try {
    for (const file of formData.getAll("photos").map(fileFrom).filter((f): f is File => f !== null).slice(0, 8)) {
      photos.push(await storeImage(file, { dir: "cooperatives" }));
    }
  } catch (error) {
    if (error instanceof UploadError) return data(submission.reply({ ...hide, fieldErrors: { photos: [error.messageKey] } }), { status: error.status });
    throw error;
  }
  try {
    updateCooperativeProfile({ cooperativeId: organisation.id, actorUserId: user.id, input: submission.value, photos });
  } catch (error) {
    if (error instanceof ProfileConflict) return data(submission.reply({ ...hide, fieldErrors: { [error.field]: [error.messageKey] } }), { status: 409 });
    throw error;
  }
  return redirect("/dashboard/profile?saved=1");
}

export default function Profile() {
  const t = useT();
  const { defaults, provinces, photos, slug, rejectionReason } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const [form, fields] = useForm({ lastResult, defaultValue: defaults, shouldValidate: "onSubmit" });
  const opt = (label: string) => `${label} (${t("common.optional")})`;
  return (
    <section className="stack">
      <h1>{t("catalogue.dashboard.profile")}</h1>
      <p>
        <Link to={`/cooperatives/${slug}`}>{t("catalogue.profile.viewPublic")}</Link>
      </p>
      {params.get("saved") && !lastResult ? <Notice tone="success">{t("catalogue.profile.saved")}</Notice> : null}
      {rejectionReason ? <Notice tone="warning">{t("catalogue.profile.rejected", { reason: rejectionReason })}</Notice> : null}
      {photos.length ? (
        <ul className="catalogue-photo-admin">
          {photos.map((p) => (
            <li key={p.id}>
              <img src={photoUrl(p.path, 320)} alt={p.alt ?? ""} width={160} />
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="intent" value="delete-photo" />
                <input type="hidden" name="photoId" value={p.id} />
                <button type="submit" className="button button-small button-danger">
                  {t("catalogue.product.deletePhoto")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form form-wide catalogue-form" {...getFormProps(form)}>
        <FormErrors errors={form.errors?.length ? form.errors : Object.keys(form.allErrors).length ? ["errors.formInvalid"] : null} />
        <TextField field={fields.name} label={t("auth.orgName")} />
        <div className="form-row">
          <SelectField field={fields.cooperativeType} label={t("auth.cooperativeType")} options={cooperativeTypes.map((c) => ({ value: c, label: t(`org.coopType.${c}`) }))} />
          <TextField field={fields.registrationNumber} label={opt(t("auth.registrationNumber"))} />
          <TextField field={fields.yearFounded} label={opt(t("catalogue.profile.yearFounded"))} inputMode="numeric" />
        </div>
        <div className="form-row">
          <SelectField field={fields.provinceCode} label={t("auth.province")} options={provinces} hint={t("catalogue.profile.provinceHint")} />
          <TextField field={fields.commune} label={opt(t("auth.commune"))} />
        </div>
        <TextField field={fields.address} label={opt(t("auth.address"))} />
        <div className="form-row">
          <TextField field={fields.memberCount} label={opt(t("catalogue.profile.memberCount"))} inputMode="numeric" />
          <TextField field={fields.areaHa} label={opt(t("catalogue.profile.areaHa"))} inputMode="numeric" />
        </div>
        <TextField field={fields.mainProducts} label={opt(t("catalogue.profile.mainProducts"))} />
        <TextAreaField field={fields.descriptionVi} label={opt(t("catalogue.profile.descriptionVi"))} rows={5} />
        <TextAreaField field={fields.descriptionEn} label={opt(t("catalogue.profile.descriptionEn"))} rows={4} />
        <fieldset>
          <legend>{t("catalogue.profile.contact")}</legend>
          <div className="form-row">
            <TextField field={fields.contactName} label={opt(t("catalogue.profile.contactName"))} />
            <TextField field={fields.phone} type="tel" label={opt(t("catalogue.profile.phone"))} />
            <TextField field={fields.zalo} type="tel" label={opt("Zalo")} />
          </div>
          <div className="form-row">
            <TextField field={fields.email} type="email" label={opt(t("catalogue.profile.email"))} />
            <TextField field={fields.website} label={opt(t("catalogue.profile.website"))} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("catalogue.profile.bank")}</legend>
          <p className="hint">{t("catalogue.profile.bankHint")}</p>
          <div className="form-row">
            <SelectField
              field={fields.bankBin}
              label={t("catalogue.profile.bankName")}
              placeholder={t("catalogue.profile.bankChoose")}
              options={banks.map((b) => ({ value: b.bin, label: `${b.name} (BIN ${b.bin})` }))}
            />
            <TextField field={fields.bankAccount} label={t("catalogue.profile.bankAccount")} inputMode="numeric" />
            <TextField field={fields.bankHolder} label={t("catalogue.profile.bankHolder")} />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="profile-photos">{t("catalogue.profile.photos")}</label>
          <input id="profile-photos" type="file" name="photos" accept="image/jpeg,image/png,image/webp,image/avif" multiple />
          <p className="hint">{t("catalogue.product.photosHint")}</p>
          <ErrorList errors={form.allErrors.photos} />
        </div>
        <div>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t("common.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("catalogue.dashboard.profile") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
