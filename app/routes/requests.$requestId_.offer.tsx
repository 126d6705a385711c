import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, SelectField, TextAreaField, TextField, useZodForm } from "~/components/forms";
import { CertList } from "~/components/market";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { addDaysToDate } from "~/lib/dates";
import { offerSchema } from "~/lib/market-forms";
import { acceptsOffers } from "~/lib/market-rules";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import { handleOffer } from "~/capabilities/market/offer-form.server";
import { notFound, requireCooperative } from "~/capabilities/orders/route-helpers.server";
import { OrderError } from "~/models/order.server";
import { getOwnOffer, lotsFor, offerableProducts, requestForOffer } from "~/models/offer.server";
import { closeDueRequests, requestConditions } from "~/models/request.server";

function load(request: Request, requestId: string | undefined, cooperativeId: number) {
  const id = z.coerce.number().int().positive().safeParse(requestId);
  if (!id.success) throw notFound(request, "market.errors.requestNotFound");
  closeDueRequests();
  try {
    return requestForOffer({ requestId: id.data, cooperativeId });
  } catch (error) {
    if (error instanceof OrderError) throw notFound(request, "market.errors.requestNotFound");
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireCooperative(request);
  const r = load(request, params.requestId, organisation.id);
  const own = getOwnOffer({ requestId: r.id, cooperativeId: organisation.id });
  const products = offerableProducts({ cooperativeId: organisation.id, requestUnit: r.unit });
  const latest = own?.offer;
  const certifications = requestConditions(r.id)?.certifications ?? [];
  return {
    request: r,
    certifications: certifications.map((c) => ({ type: c.type, minStars: c.minStars })),
    open: acceptsOffers(r, todayInVietnam()),
    products: products.map((p) => ({ value: String(p.id), label: `${p.nameVi} (${p.unit})`, unit: p.unit, preferred: p.categoryCode === r.categoryCode })),
    lots: lotsFor({ cooperativeId: organisation.id }),
    offer: latest ? { state: latest.state, revision: latest.revision } : null,
    revisions: own?.revisions ?? [],
    defaults: latest
      ? {
          productId: String(latest.productId),
          quantity: String(latest.quantity),
          unitPrice: String(latest.unitPrice),
          tier1Qty: latest.tiers[0] ? String(latest.tiers[0].minQty) : "",
          tier1Price: latest.tiers[0] ? String(latest.tiers[0].unitPrice) : "",
          tier2Qty: latest.tiers[1] ? String(latest.tiers[1].minQty) : "",
          tier2Price: latest.tiers[1] ? String(latest.tiers[1].unitPrice) : "",
          harvestFrom: latest.harvestFrom ?? "",
          harvestTo: latest.harvestTo ?? "",
          packingDate: latest.packingDate ?? "",
          lotId: latest.lotId ? String(latest.lotId) : "",
          validUntil: latest.validUntil,
          notes: latest.notes ?? "",
        }
      : {
          productId: String(products.find((p) => p.categoryCode === r.categoryCode)?.id ?? products[0]?.id ?? ""),
          validUntil: r.closingDate > addDaysToDate(todayInVietnam(), 7) ? r.closingDate : addDaysToDate(todayInVietnam(), 14),
        },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = requireCooperative(request);
  const r = load(request, params.requestId, organisation.id);
  const result = await handleOffer(request, { requestId: r.id, cooperativeId: organisation.id, userId: user.id });
  if ("error" in result) return result.error;
  if ("withdrawn" in result) return redirect(`/dashboard/requests?withdrawn=${r.id}`);
  return redirect(`/requests/${r.id}/offer?sent=${result.result.revision}`);
}

export default function OfferPage() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm({ schema: offerSchema, lastResult: lastResult && "initialValue" in lastResult ? lastResult : null, defaultValue: d.defaults });
  const sent = typeof window === "undefined" ? null : new URLSearchParams(window.location.search).get("sent");
  const serverErrors = lastResult && !("initialValue" in lastResult) && "formErrors" in lastResult ? lastResult.formErrors : undefined;
  const r = d.request;
  const editable = d.open && (!d.offer || d.offer.state === "submitted");
  return (
    <section className="stack market-form">
      <p className="market-crumbs">
        <Link to={`/requests/${r.id}`}>{r.title}</Link>
      </p>
      <h1>{t("market.offer.title", { title: r.title })}</h1>
      <p>
        {t("market.offer.needed", { quantity: formatNumber(r.quantity, locale), unit: t(`units.${r.unit}` as MessageKey) })} · <CertList certifications={d.certifications} /> ·{" "}
        {formatDate(r.deliveryFrom, locale)} – {formatDate(r.deliveryTo, locale)}
      </p>
      {sent ? <Notice tone="success">{sent === "1" ? t("market.offer.sent") : t("market.offer.revised", { revision: sent })}</Notice> : null}
      {!editable ? <Notice tone="warning">{d.offer?.state === "accepted" ? t("market.errors.offerAccepted") : t("market.request.notOpen")}</Notice> : null}
      {d.products.length === 0 ? <Notice tone="warning">{t("market.offer.noProducts")}</Notice> : null}
      {editable && d.products.length ? (
        <Form method="post" encType="multipart/form-data" className="form form-wide" {...getFormProps(form)}>
          <FormErrors errors={form.errors ?? serverErrors} />
          <SelectField field={fields.productId} label={t("market.offer.product")} options={d.products} />
          <div className="market-row">
            <TextField field={fields.quantity} label={t("market.offer.quantity")} inputMode="numeric" />
            <TextField field={fields.unitPrice} label={t("market.offer.unitPrice")} inputMode="numeric" />
          </div>
          <div className="market-row">
            <TextField field={fields.tier1Qty} label={t("market.offer.tier", { n: 1 })} inputMode="numeric" />
            <TextField field={fields.tier1Price} label={t("market.offer.tierPrice", { n: 1 })} inputMode="numeric" />
          </div>
          <div className="market-row">
            <TextField field={fields.tier2Qty} label={t("market.offer.tier", { n: 2 })} inputMode="numeric" />
            <TextField field={fields.tier2Price} label={t("market.offer.tierPrice", { n: 2 })} inputMode="numeric" />
          </div>
          <div className="market-row">
            <TextField field={fields.harvestFrom} label={t("market.offer.harvestFrom")} type="date" />
            <TextField field={fields.harvestTo} label={t("market.offer.harvestTo")} type="date" />
          </div>
          <TextField field={fields.packingDate} label={t("market.offer.packingDate")} type="date" />
          <SelectField
            field={fields.lotId}
            label={t("market.offer.lot")}
            options={d.lots.map((l) => ({ value: String(l.id), label: `${l.code} (${formatDate(l.harvestDate, locale)})` }))}
            placeholder={t("market.offer.noLot")}
          />
          <TextField field={fields.validUntil} label={t("market.offer.validUntil")} type="date" />
          <TextAreaField field={fields.notes} label={t("market.offer.notes")} rows={3} />
          <div className="field">
            <label htmlFor="offer-attachment">{t("market.offer.attachment")}</label>
            <input id="offer-attachment" type="file" name="attachment" accept="application/pdf,image/jpeg,image/png,image/webp" />
          </div>
          <div className="market-actions">
            <button type="submit" name="intent" value="offer" className="button">
              {d.offer ? t("market.offer.revise") : t("market.offer.send")}
            </button>
          </div>
        </Form>
      ) : null}
      {editable && d.offer ? (
        <Form method="post" encType="multipart/form-data">
          <button type="submit" name="intent" value="withdraw" className="button button-secondary">
            {t("market.offer.withdraw")}
          </button>
        </Form>
      ) : null}
      {d.revisions.length ? (
        <section>
          <h2>{t("market.offer.history")}</h2>
          <ol className="market-revisions" reversed>
            {d.revisions.map((v) => (
              <li key={v.id}>
                {t("market.offer.revisionLine", { revision: v.revision, quantity: v.quantity, unit: t(`units.${d.products.find((p) => p.value === String(v.productId))?.unit ?? r.unit}` as MessageKey), price: formatVnd(v.unitPrice, locale), valid: formatDate(v.validUntil, locale) })}
                {v.attachmentPath ? (
                  <>
                    {" · "}
                    <a href={`/uploads/${v.attachmentPath}`}>{v.attachmentName ?? "PDF"}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: t("market.offer.title", { title: data?.request.title ?? "" }) }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
