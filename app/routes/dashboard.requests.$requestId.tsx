import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice } from "~/components/forms";
import { CertList, Notes, StateBadge, useQuantity } from "~/components/market";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { paymentMethods } from "~/lib/order-states";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import { handleManage } from "~/capabilities/market/manage.server";
import { provinceNames } from "~/capabilities/market/viewer.server";
import { notFound, requireBuyer } from "~/capabilities/orders/route-helpers.server";
import { compareOffers } from "~/models/offer.server";
import { getVisibleRequest, listMatches } from "~/models/request.server";

function load(request: Request, param: string | undefined, buyerId: number) {
  const id = z.coerce.number().int().positive().safeParse(param);
  const found = id.success ? getVisibleRequest({ id: id.data, viewer: { organisationId: buyerId, kind: "buyer" } }) : null;
  if (!found || !found.own) throw notFound(request, "market.errors.requestNotFound");
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireBuyer(request);
  const found = load(request, params.requestId, organisation.id);
  const compared = compareOffers({ requestId: found.request.id, buyerId: organisation.id });
  const url = new URL(request.url);
  return {
    ...found,
    offers: compared.offers,
    matches: listMatches({ requestId: found.request.id }),
    names: provinceNames(),
    flash: url.searchParams.has("published") ? "market.request.published" : url.searchParams.has("draft") ? "market.request.savedDraft" : null,
    delivery: { commune: organisation.commune ?? "", address: organisation.address ?? "", phone: organisation.phone ?? "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = requireBuyer(request);
  const found = load(request, params.requestId, organisation.id);
  return handleManage(request, { requestId: found.request.id, buyerId: organisation.id, buyerName: organisation.name, userId: user.id });
}

export default function ManageRequest() {
  const t = useT();
  const locale = useLocale();
  const qty = useQuantity();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const r = d.request;
  const name = (code: string | null) => (code ? (d.names[code] ?? code) : "");
  const unit = (u: string) => t(`units.${u}` as MessageKey);
  const failed = result && !result.ok ? result : null;
  const typed = failed?.values ?? {};
  const done = result && result.ok && result.done ? result.done : d.flash;
  return (
    <section className="stack market-manage">
      <p className="market-crumbs">
        <Link to="/dashboard/requests">{t("market.mine.title")}</Link> · <Link to={`/requests/${r.id}`}>{t("market.manage.public")}</Link>
      </p>
      <h1>{r.title}</h1>
      <p>
        <StateBadge state={r.state} /> · {t(`market.visibility.${r.visibility}`)} · {qty(r.quantity, r.unit)} · <CertList certifications={d.certifications} /> ·{" "}
        {t("market.board.closes", { date: formatDate(r.closingDate, locale) })}
      </p>
      <p>{t("market.request.covered", { covered: formatNumber(d.coverage.covered, locale), total: formatNumber(r.quantity, locale), remaining: formatNumber(d.coverage.remaining, locale), unit: unit(r.unit) })}</p>
      {done ? (
        <Notice tone="success">
          {t(done as MessageKey, result && result.ok && "order" in result && result.order ? { number: result.order.number } : {})}
          {result && result.ok && "order" in result && result.order ? (
            <>
              {" "}
              <Link to={`/dashboard/orders/${result.order.id}`}>{result.order.number}</Link>
            </>
          ) : null}
          {result && result.ok && "threadId" in result && result.threadId ? (
            <>
              {" "}
              <Link to={`/dashboard/inquiries/${result.threadId}`}>{t("market.compare.thread")}</Link>
            </>
          ) : null}
        </Notice>
      ) : null}
      {failed && !failed.offerId ? <FormErrors errors={failed.formErrors} /> : null}
      <div className="market-actions">
        {r.state === "draft" ? (
          <Form method="post">
            <button className="button" name="intent" value="publish">
              {t("market.manage.publish")}
            </button>
          </Form>
        ) : null}
        {r.state === "open" ? (
          <Form method="post">
            <button className="button button-secondary" name="intent" value="close">
              {t("market.manage.close")}
            </button>
          </Form>
        ) : null}
        {(r.state === "open" || r.state === "draft") && d.coverage.covered === 0 ? (
          <Form method="post">
            <button className="button button-secondary" name="intent" value="cancel">
              {t("market.manage.cancel")}
            </button>
          </Form>
        ) : null}
      </div>

      <section aria-labelledby="compare-title">
        <h2 id="compare-title">{t("market.compare.title")}</h2>
        {d.offers.length ? (
          <div className="market-compare" role="list">
            {d.offers.map((o) => {
              const error = failed && failed.offerId === o.offer.id ? failed.formErrors : null;
              const over = d.coverage.remaining < o.quantityInRequestUnit;
              return (
                <article key={o.offer.id} className={`market-offer${o.offer.shortlistedAt ? " is-shortlisted" : ""}`} role="listitem" aria-label={o.cooperativeName}>
                  <h3>
                    <Link to={`/cooperatives/${o.cooperativeSlug}`}>{o.cooperativeName}</Link>
                  </h3>
                  <p>
                    <StateBadge kind="offer" state={o.offer.state} />
                    {o.offer.shortlistedAt ? <span className="market-tag">{t("market.compare.shortlisted")}</span> : null}
                    {o.orderNumber && o.offer.orderId ? (
                      <>
                        {" "}
                        <Link to={`/dashboard/orders/${o.offer.orderId}`}>{t("market.compare.order", { number: o.orderNumber })}</Link>
                      </>
                    ) : null}
                  </p>
                  <dl className="market-facts">
                    <dt>{t("market.compare.product")}</dt>
                    <dd>{o.productName}</dd>
                    <dt>{t("market.compare.price")}</dt>
                    <dd className="market-price">{t("market.compare.priceValue", { price: formatVnd(o.priceForQuantity, locale), unit: unit(o.unit) })}</dd>
                    {o.offer.tiers.length ? (
                      <>
                        <dt>{t("market.compare.tiers")}</dt>
                        <dd>{o.offer.tiers.map((x) => t("market.compare.tierValue", { qty: x.minQty, price: formatVnd(x.unitPrice, locale) })).join("; ")}</dd>
                      </>
                    ) : null}
                    <dt>{t("market.compare.quantity")}</dt>
                    <dd>
                      {qty(o.offer.quantity, o.unit)}
                      {o.quantityInRequestUnit < r.quantity ? ` (${t("market.compare.partial")})` : ""}
                    </dd>
                    <dt>{t("market.compare.total")}</dt>
                    <dd>{formatVnd(o.total, locale)}</dd>
                    <dt>{t("market.compare.certs")}</dt>
                    <dd>
                      {o.certificates.length
                        ? o.certificates
                            .map((c) =>
                              c.ok
                                ? t("market.compare.certOk", { cert: t(`catalogue.certType.${c.type}` as MessageKey), until: c.until ? formatDate(c.until, locale) : "∞" })
                                : t("market.compare.certNo", { cert: t(`catalogue.certType.${c.type}` as MessageKey) }),
                            )
                            .join(" · ")
                        : t("market.compare.noneRequired")}
                    </dd>
                    <dt>{t("market.compare.harvest")}</dt>
                    <dd>
                      {[o.offer.harvestFrom && o.offer.harvestTo ? `${formatDate(o.offer.harvestFrom, locale)} – ${formatDate(o.offer.harvestTo, locale)}` : null, o.offer.packingDate ? formatDate(o.offer.packingDate, locale) : null]
                        .filter(Boolean)
                        .join(" / ") || "—"}
                    </dd>
                    <dt>{t("market.compare.response")}</dt>
                    <dd>{o.responseHours !== null ? t("market.compare.responseValue", { hours: o.responseHours }) : t("market.compare.responseUnknown")}</dd>
                    <dt>{t("market.compare.completed")}</dt>
                    <dd>{o.completedOrders}</dd>
                    <dt>{t("market.compare.distance")}</dt>
                    <dd>
                      {name(o.provinceCode)}
                      {o.distanceKm !== null ? ` · ${t("market.compare.distanceValue", { km: o.distanceKm })}` : ""}
                    </dd>
                    <dt>{t("market.compare.validUntil")}</dt>
                    <dd>{formatDate(o.offer.validUntil, locale)}</dd>
                    <dt>{t("market.compare.revisions")}</dt>
                    <dd>{o.revisions}</dd>
                    {o.offer.notes ? (
                      <>
                        <dt>{t("market.compare.notes")}</dt>
                        <dd>{o.offer.notes}</dd>
                      </>
                    ) : null}
                  </dl>
                  {o.stockShort && o.offer.state === "submitted" ? <p className="market-warning">{t("market.compare.stockShort")}</p> : null}
                  {error ? <FormErrors errors={error} /> : null}
                  {o.offer.state === "submitted" && r.state === "open" ? (
                    <div className="market-offer-actions">
                      <Form method="post">
                        <input type="hidden" name="offerId" value={o.offer.id} />
                        <input type="hidden" name="on" value={o.offer.shortlistedAt ? "0" : "1"} />
                        <button className="button button-small button-secondary" name="intent" value="shortlist">
                          {o.offer.shortlistedAt ? t("market.compare.unshortlist") : t("market.compare.shortlist")}
                        </button>
                      </Form>
                      <details>
                        <summary>{o.offer.threadId ? t("market.compare.thread") : t("market.compare.ask")}</summary>
                        {o.offer.threadId ? (
                          <p>
                            <Link to={`/dashboard/inquiries/${o.offer.threadId}`}>{t("market.compare.thread")}</Link>
                          </p>
                        ) : (
                          <Form method="post" className="form">
                            <input type="hidden" name="offerId" value={o.offer.id} />
                            <div className="field">
                              <label htmlFor={`q-${o.offer.id}`}>{t("market.compare.question")}</label>
                              <textarea id={`q-${o.offer.id}`} name="body" rows={3} required maxLength={5000} />
                            </div>
                            <button className="button button-small" name="intent" value="ask">
                              {t("market.compare.send")}
                            </button>
                          </Form>
                        )}
                      </details>
                      <details open={!!error}>
                        <summary>{t("market.compare.accept")}</summary>
                        <Form method="post" className="form" aria-label={t("market.compare.acceptTitle", { cooperative: o.cooperativeName })}>
                          <input type="hidden" name="offerId" value={o.offer.id} />
                          <input type="hidden" name="revision" value={o.offer.revision} />
                          <div className="field">
                            <label htmlFor={`c-${o.offer.id}`}>{t("market.compare.commune")}</label>
                            <input id={`c-${o.offer.id}`} name="commune" required maxLength={120} defaultValue={typed.commune ?? d.delivery.commune} />
                          </div>
                          <div className="field">
                            <label htmlFor={`a-${o.offer.id}`}>{t("market.compare.address")}</label>
                            <input id={`a-${o.offer.id}`} name="address" required maxLength={300} defaultValue={typed.address ?? d.delivery.address} />
                          </div>
                          <div className="field">
                            <label htmlFor={`p-${o.offer.id}`}>{t("market.compare.payment")}</label>
                            <select id={`p-${o.offer.id}`} name="paymentMethod" defaultValue={typed.paymentMethod ?? "bank_transfer"}>
                              {paymentMethods.map((m) => (
                                <option key={m} value={m}>
                                  {t(`orders.method.${m}`)}
                                </option>
                              ))}
                            </select>
                          </div>
                          {over ? (
                            <label className="checkbox">
                              <input type="checkbox" name="confirmOver" defaultChecked={typed.confirmOver === "on"} /> {t("market.compare.confirmOver")}
                            </label>
                          ) : null}
                          <button className="button" name="intent" value="accept">
                            {t("market.compare.accept")}
                          </button>
                        </Form>
                      </details>
                    </div>
                  ) : null}
                </article>
              );
            })}
          </div>
        ) : (
          <p>{t("market.compare.empty")}</p>
        )}
      </section>

      <section aria-labelledby="matches-title">
        <div className="market-head">
          <h2 id="matches-title">{t("market.matches.title")}</h2>
          {r.state === "open" || r.state === "draft" ? (
            <Form method="post">
              <button className="button button-small button-secondary" name="intent" value="refresh">
                {t("market.matches.refresh")}
              </button>
            </Form>
          ) : null}
        </div>
        {r.state === "open" || r.state === "draft" ? (
          <Form method="post" className="market-digest">
            <label htmlFor="invite-name">{t("market.matches.inviteByName")}</label>
            <input id="invite-name" name="cooperative" required maxLength={200} defaultValue={failed?.intent === "inviteByName" ? (typed.cooperative ?? "") : ""} />
            <button className="button button-small" name="intent" value="inviteByName">
              {t("market.matches.invite")}
            </button>
          </Form>
        ) : null}
        {d.matches.length ? (
          <ol className="market-matches">
            {d.matches.map((m) => (
              <li key={m.cooperativeId} className="market-match">
                <div>
                  <strong>
                    <Link to={`/cooperatives/${m.cooperativeSlug}`}>{m.cooperativeName}</Link>
                  </strong>{" "}
                  · {m.productName} · {name(m.provinceCode)}
                  <Notes notes={m.reasons} tone="why" />
                  <Notes notes={m.gaps} tone="gap" />
                </div>
                {m.invited ? (
                  <span className="market-tag">{t("market.matches.invited")}</span>
                ) : r.state === "open" || r.state === "draft" ? (
                  <Form method="post">
                    <input type="hidden" name="cooperativeId" value={m.cooperativeId} />
                    <button className="button button-small" name="intent" value="invite" aria-label={`${t("market.matches.invite")}: ${m.cooperativeName}`}>
                      {t("market.matches.invite")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("market.matches.empty")}</p>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, () => ({ title: data?.request.title ?? "" }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
