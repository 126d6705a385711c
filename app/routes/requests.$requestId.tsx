import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { BuyerLabel, CertList, StateBadge, useQuantity } from "~/components/market";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { acceptsOffers } from "~/lib/market-rules";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import { marketViewer, provinceNames } from "~/capabilities/market/viewer.server";
import { notFound } from "~/capabilities/orders/route-helpers.server";
import { getOwnOffer } from "~/models/offer.server";
import { getVisibleRequest } from "~/models/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = z.coerce.number().int().positive().safeParse(params.requestId);
  const { viewer } = marketViewer(request);
  const found = id.success ? getVisibleRequest({ id: id.data, viewer }) : null;
  if (!found) throw notFound(request, "market.errors.requestNotFound");
  const own = viewer?.kind === "cooperative" ? getOwnOffer({ requestId: found.request.id, cooperativeId: viewer.organisationId }) : null;
  return {
    request: found.request,
    provinces: found.provinces,
    certifications: found.certifications,
    category: found.category ? { code: found.category.code, vi: found.category.nameVi, en: found.category.nameEn } : null,
    buyer: found.buyer,
    coverage: found.coverage,
    isOwner: found.own,
    viewerKind: viewer?.kind ?? null,
    open: acceptsOffers(found.request, todayInVietnam()),
    offer: own ? { state: own.offer.state, revision: own.offer.revision } : null,
    names: provinceNames(),
  };
}

export default function RequestPage() {
  const t = useT();
  const locale = useLocale();
  const qty = useQuantity();
  const d = useLoaderData<typeof loader>();
  const r = d.request;
  const name = (code: string | null) => (code ? (d.names[code] ?? code) : "");
  const unit = t(`units.${r.unit}` as MessageKey);
  return (
    <article className="stack market-request">
      <p className="market-crumbs">
        <Link to="/requests">{t("market.board.title")}</Link>
      </p>
      <h1>{r.title}</h1>
      <p>
        <StateBadge state={r.state} /> · {t(`market.visibility.${r.visibility}`)}
      </p>
      <dl className="market-facts">
        <dt>{t("market.request.quantity")}</dt>
        <dd>{qty(r.quantity, r.unit)}</dd>
        <dt>{t("market.request.category")}</dt>
        <dd>{d.category ? `${d.category.code} ${locale === "en" ? d.category.en : d.category.vi}` : r.categoryCode}</dd>
        <dt>{t("market.request.certs")}</dt>
        <dd>
          <CertList certifications={d.certifications.map((c) => ({ type: c.type, minStars: c.minStars }))} />
        </dd>
        <dt>{t("market.request.provinces")}</dt>
        <dd>{d.provinces.length ? d.provinces.map(name).join(", ") : t("market.request.anyProvince")}</dd>
        <dt>{t("market.request.window")}</dt>
        <dd>{t("market.request.windowValue", { from: formatDate(r.deliveryFrom, locale), to: formatDate(r.deliveryTo, locale), province: name(r.deliveryProvinceCode) })}</dd>
        {r.targetPrice ? (
          <>
            <dt>{t("market.request.target")}</dt>
            <dd>{t("market.request.targetValue", { price: formatVnd(r.targetPrice, locale), unit })}</dd>
          </>
        ) : null}
        {r.paymentTerms ? (
          <>
            <dt>{t("market.request.payment")}</dt>
            <dd>{r.paymentTerms}</dd>
          </>
        ) : null}
        <dt>{t("market.request.closing")}</dt>
        <dd>{formatDate(r.closingDate, locale)}</dd>
        <dt>{t("market.request.buyer")}</dt>
        <dd>
          <BuyerLabel buyer={d.buyer} provinceName={name} />
        </dd>
      </dl>
      {r.description ? <p className="market-description">{r.description}</p> : null}
      <p>{t("market.request.covered", { covered: formatNumber(d.coverage.covered, locale), total: formatNumber(r.quantity, locale), remaining: formatNumber(d.coverage.remaining, locale), unit })}</p>
      {d.isOwner ? (
        <p>
          <Link className="button" to={`/dashboard/requests/${r.id}`}>
            {t("market.request.manage")}
          </Link>
        </p>
      ) : d.viewerKind === "cooperative" ? (
        <>
          {d.offer ? <p>{t("market.request.yourOffer", { state: t(`market.offerState.${d.offer.state}`) })}</p> : null}
          {d.open && (!d.offer || d.offer.state === "submitted") ? (
            <p>
              <Link className="button" to={`/requests/${r.id}/offer`}>
                {d.offer ? t("market.request.reviseCta") : t("market.request.offerCta")}
              </Link>
            </p>
          ) : !d.open ? (
            <Notice>{t("market.request.notOpen")}</Notice>
          ) : null}
        </>
      ) : d.open ? (
        <Notice>
          <Link to={`/login?redirectTo=/requests/${r.id}`}>{t("market.request.loginToOffer")}</Link>
        </Notice>
      ) : (
        <Notice>{t("market.request.notOpen")}</Notice>
      )}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, () => ({ title: data?.request.title ?? "" }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
