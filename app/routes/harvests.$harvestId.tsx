import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, SelectField, TextAreaField, TextField, useZodForm } from "~/components/forms";
import { AnnouncementStatus, FollowButton, PriceIndication, WindowCertificates } from "~/components/harvest-ui";
import { pageMeta } from "~/components/meta";
import { getT, useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { todayInVietnam } from "~/lib/certificates";
import { reservationSchema } from "~/lib/harvest-forms";
import { parseQuantity } from "~/lib/harvest-rules";
import { formatDate, formatNumber } from "~/lib/money";
import { acceptsBankTransfer, createReservation, getPublicAnnouncement } from "~/models/harvest.server";
import { notifyOrganisation } from "~/services/notify.server";
import { getProvince, listProvinces } from "~/models/province.server";
import { notFound, orderErrorMessage, requireBuyer } from "~/capabilities/orders/route-helpers.server";
import { buyerOf, followState, idParam } from "~/capabilities/harvest/routes.server";
import { OrderError } from "~/models/order.server";
import { readForm } from "~/services/uploads.server";

function load(request: Request, raw: string | undefined) {
  const id = idParam(request, raw, "harvest.errors.announcementNotFound");
  const found = getPublicAnnouncement({ id });
  if (!found) throw notFound(request, "harvest.errors.announcementNotFound");
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { announcement, certificates } = load(request, params.harvestId);
  const { user, buyer } = buyerOf(request);
  const open = announcement.status === "open" && announcement.harvestTo >= todayInVietnam() && announcement.remainingQuantity > 0;
  return {
    announcement,
    certificates,
    open,
    viewer: user ? (buyer ? "buyer" : "other") : "anonymous",
    follow: followState(request, { kind: "cooperative", value: String(announcement.cooperativeId) }),
    transfer: acceptsBankTransfer({ cooperativeId: announcement.cooperativeId }),
    provinces: listProvinces().map((p) => ({ value: p.code, label: p.name })),
    defaults: buyer ? { deliveryProvinceCode: buyer.provinceCode, deliveryCommune: buyer.commune ?? "", deliveryAddress: buyer.address ?? "" } : {},
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = requireBuyer(request);
  const { announcement: a } = load(request, params.harvestId);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: reservationSchema(a.unit) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  if (!getProvince(v.deliveryProvinceCode)) return data(submission.reply({ fieldErrors: { deliveryProvinceCode: ["errors.province"] } }), { status: 400 });
  if (v.paymentMethod === "bank_transfer" && !acceptsBankTransfer({ cooperativeId: a.cooperativeId })) {
    return data(submission.reply({ fieldErrors: { paymentMethod: ["harvest.errors.paymentMethod"] } }), { status: 400 });
  }
  const quantity = parseQuantity(v.quantity, a.unit);
  if (!quantity.ok) return data(submission.reply({ fieldErrors: { quantity: [quantity.problem] } }), { status: 400 });
  try {
    const r = createReservation({
      announcementId: a.id,
      buyerId: organisation.id,
      userId: user.id,
      input: { quantity: quantity.value, note: v.note || null, deliveryProvinceCode: v.deliveryProvinceCode, deliveryCommune: v.deliveryCommune, deliveryAddress: v.deliveryAddress, paymentMethod: v.paymentMethod },
    });
    await notifyOrganisation({
      organisationId: a.cooperativeId,
      subject: "harvest.mail.reservationSubject",
      body: "harvest.mail.reservationBody",
      params: { buyer: organisation.name, quantity: r.quantity, unit: `units.${a.unit}`, product: a.productName },
      path: `/dashboard/reservations/${r.id}`,
    });
    return redirect(`/dashboard/reservations/${r.id}?done=requested`);
  } catch (error) {
    if (error instanceof OrderError) return data(submission.reply({ formErrors: [orderErrorMessage(getT(getLocale(request)), error)] }), { status: error.status });
    throw error;
  }
}

export default function HarvestPage() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const a = d.announcement;
  const unit = t(`units.${a.unit}` as MessageKey);
  const schema = useMemo(() => reservationSchema(a.unit), [a.unit]);
  const [form, fields] = useZodForm({ schema, lastResult, defaultValue: { ...d.defaults, paymentMethod: d.transfer ? "bank_transfer" : "card" } });
  const name = locale === "en" && a.productNameEn ? a.productNameEn : a.productName;
  return (
    <article className="stack harvest-page">
      <h1>
        {t("harvest.page.title", { product: name, from: formatDate(a.harvestFrom, locale) })} <AnnouncementStatus status={a.status} />
      </h1>
      <p>
        <Link to={`/cooperatives/${a.cooperativeSlug}`}>{a.cooperativeName}</Link> · {a.provinceName} ·{" "}
        <Link to={`/products/${a.productId}`}>{t("nav.products")}</Link>
      </p>
      <FollowButton kind="cooperative" value={String(a.cooperativeId)} {...d.follow} />
      <div className="card stack">
        <p>
          <strong>{t("harvest.board.window", { from: formatDate(a.harvestFrom, locale), to: formatDate(a.harvestTo, locale) })}</strong>
        </p>
        <p>
          <PriceIndication min={a.priceMin} max={a.priceMax} unit={a.unit} />
        </p>
        <p>{t("harvest.board.remaining", { n: formatNumber(a.remainingQuantity, locale), total: formatNumber(a.quantity, locale), unit })}</p>
        <h2 className="harvest-subheading">{t("harvest.certificates")}</h2>
        <WindowCertificates certificates={d.certificates} />
        {a.notes ? (
          <>
            <h2 className="harvest-subheading">{t("harvest.page.notes")}</h2>
            <p className="harvest-note">{a.notes}</p>
          </>
        ) : null}
      </div>
      <section aria-labelledby="reserve-h" className="stack">
        <h2 id="reserve-h">{t("harvest.page.reserveTitle")}</h2>
        {!d.open ? (
          <Notice tone="warning">{t("harvest.page.notOpen")}</Notice>
        ) : d.viewer === "anonymous" ? (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(`/harvests/${a.id}`)}`}>{t("harvest.page.loginToReserve")}</Link>
          </p>
        ) : d.viewer === "other" ? (
          <Notice tone="warning">{t("harvest.page.onlyBuyers")}</Notice>
        ) : (
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <TextField field={fields.quantity} label={t("harvest.form.quantity", { unit })} inputMode="numeric" hint={t("harvest.form.quantityHint")} />
            <SelectField field={fields.deliveryProvinceCode} label={t("harvest.form.province")} options={d.provinces} placeholder="" />
            <TextField field={fields.deliveryCommune} label={t("harvest.form.commune")} />
            <TextField field={fields.deliveryAddress} label={t("harvest.form.address")} />
            <SelectField
              field={fields.paymentMethod}
              label={t("harvest.form.payment")}
              options={[...(d.transfer ? [{ value: "bank_transfer", label: t("orders.method.bank_transfer") }] : []), { value: "card", label: t("orders.method.card") }]}
            />
            <TextAreaField field={fields.note} label={t("harvest.form.note")} rows={3} maxLength={1000} />
            <div>
              <button type="submit" className="button">
                {t("harvest.form.reserve")}
              </button>
            </div>
          </Form>
        )}
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  pageMeta(matches, (t) => ({ title: d ? t("harvest.page.title", { product: d.announcement.productName, from: d.announcement.harvestFrom }) : t("harvest.board.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
