import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, Notice } from "~/components/forms";
import { ReservationStatus } from "~/components/harvest-ui";
import { pageMeta } from "~/components/meta";
import { translateMaybe, useLocale, useT, type MessageKey } from "~/i18n";
import { canReservation } from "~/lib/harvest-rules";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import { getReservationForOrganisation } from "~/models/harvest.server";
import { getProvince } from "~/models/province.server";
import { notFound, requireTrader } from "~/capabilities/orders/route-helpers.server";
import { idParam } from "~/capabilities/harvest/routes.server";
import { handleReservationAction } from "~/capabilities/harvest/reservation.server";

function load(request: Request, raw: string | undefined) {
  const auth = requireTrader(request);
  const id = idParam(request, raw, "harvest.errors.reservationNotFound");
  const found = getReservationForOrganisation({ id, organisationId: auth.organisation.id });
  if (!found) throw notFound(request, "harvest.errors.reservationNotFound");
  return { ...auth, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = load(request, params.reservationId);
  return { ...found, province: getProvince(found.reservation.deliveryProvinceCode)?.name ?? "" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { found, organisation, user } = load(request, params.reservationId);
  return handleReservationAction(request, { found, organisationId: organisation.id, userId: user.id });
}

export default function ReservationPage() {
  const t = useT();
  const locale = useLocale();
  const { reservation: r, side, cooperative, lots, lot, order, province } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const [params] = useSearchParams();
  const unit = t(`units.${r.unit}` as MessageKey);
  const done = params.get("done");
  const fieldErrors = (name: string) => (a && "result" in a && a.result && "error" in a.result ? (a.result.error?.[name] ?? null) : null);
  const formErrors = a && "formErrors" in a ? a.formErrors : null;
  /** What was typed into the form that was sent, so a page answered without JavaScript keeps it. */
  const typed = (intent: string, name: string) => {
    if (!a || !("intent" in a) || a.intent !== intent || !a.result || !("initialValue" in a.result)) return undefined;
    const v = (a.result.initialValue as Record<string, unknown> | null | undefined)?.[name];
    return typeof v === "string" ? v : undefined;
  };
  return (
    <section className="stack">
      <h1>
        {t("harvest.reservations.detailTitle", { id: r.id, product: r.productName })} <ReservationStatus status={r.status} />
      </h1>
      {done === "requested" ? <Notice tone="success">{t("harvest.page.reserved")}</Notice> : null}
      {done === "confirmed" ? <Notice tone="success">{t("harvest.reservations.confirmed")}</Notice> : null}
      {done === "declined" ? <Notice tone="success">{t("harvest.reservations.declinedDone")}</Notice> : null}
      {done === "cancelled" ? <Notice tone="success">{t("harvest.reservations.cancelledDone")}</Notice> : null}
      <FormErrors errors={formErrors} />
      <dl className="card harvest-facts">
        <dt>{t("harvest.reservations.buyer")}</dt>
        <dd>{r.buyerName}</dd>
        <dt>{t("harvest.reservations.cooperative")}</dt>
        <dd>
          <Link to={`/cooperatives/${cooperative.slug}`}>{cooperative.name}</Link>
        </dd>
        <dt>{t("harvest.reservations.quantity")}</dt>
        <dd>
          {formatNumber(r.quantity, locale)} {unit}
        </dd>
        <dt>{t("harvest.dashboard.window")}</dt>
        <dd>
          <Link to={`/harvests/${r.announcementId}`}>
            {formatDate(r.harvestFrom, locale)} – {formatDate(r.harvestTo, locale)}
          </Link>
        </dd>
        <dt>{t("harvest.reservations.agreedPrice")}</dt>
        <dd>{r.unitPrice ? `${formatVnd(r.unitPrice, locale)}/${unit}` : t("harvest.reservations.notAgreed")}</dd>
        <dt>{t("harvest.reservations.delivery")}</dt>
        <dd>
          {r.deliveryAddress}, {r.deliveryCommune}, {province}
        </dd>
        <dt>{t("harvest.form.payment")}</dt>
        <dd>{t(`orders.method.${r.paymentMethod}` as MessageKey)}</dd>
        {r.note ? (
          <>
            <dt>{t("harvest.form.note")}</dt>
            <dd className="harvest-note">{r.note}</dd>
          </>
        ) : null}
        {r.declineReason ? (
          <>
            <dt>{t("harvest.reservation.declined")}</dt>
            <dd>{translateMaybe(locale, r.declineReason)}</dd>
          </>
        ) : null}
      </dl>
      {order ? (
        <p>
          <Link to={`/dashboard/orders/${order.id}`}>{t("harvest.reservations.order", { number: order.number })}</Link>
          {lot ? (
            <>
              {" · "}
              <a href={`/t/${lot.id}`}>{t("harvest.reservations.lotLinked", { code: lot.code })}</a>
            </>
          ) : null}
        </p>
      ) : null}

      {side === "cooperative" && canReservation("confirm", r.status) ? (
        <div className="orders-actions">
          <Form method="post" className="orders-action-form">
            <input type="hidden" name="intent" value="confirm" />
            <div className="field">
              <label htmlFor="unitPrice">{t("harvest.reservations.unitPrice", { unit })}</label>
              <input id="unitPrice" name="unitPrice" inputMode="numeric" defaultValue={typed("confirm", "unitPrice") ?? String(r.priceMin)} aria-describedby={fieldErrors("unitPrice") ? "unitPrice-error" : undefined} />
              <ErrorList id="unitPrice-error" errors={fieldErrors("unitPrice")} />
            </div>
            <button type="submit" className="button">
              {t("harvest.reservations.confirm")}
            </button>
          </Form>
          <Form method="post" className="orders-action-form">
            <input type="hidden" name="intent" value="decline" />
            <div className="field">
              <label htmlFor="reason">{t("harvest.reservations.reason")}</label>
              <input id="reason" name="reason" maxLength={500} defaultValue={typed("decline", "reason")} />
            </div>
            <button type="submit" className="button button-danger">
              {t("harvest.reservations.decline")}
            </button>
          </Form>
        </div>
      ) : null}

      {side === "cooperative" && canReservation("order", r.status) ? (
        <section aria-labelledby="order-h" className="card stack">
          <h2 id="order-h">{t("harvest.reservations.orderTitle")}</h2>
          <p className="hint">{t("harvest.reservations.orderHint")}</p>
          {lots.length ? (
            <Form method="post" className="orders-action-form">
              <input type="hidden" name="intent" value="order" />
              <div className="field">
                <label htmlFor="lotId">{t("harvest.reservations.lot")}</label>
                <select id="lotId" name="lotId" defaultValue={typed("order", "lotId")} aria-describedby={fieldErrors("lotId") ? "lotId-error" : undefined}>
                  {lots.map((l) => (
                    <option key={l.id} value={l.id}>
                      {t("harvest.reservations.lotOption", { code: l.code, date: formatDate(l.packingDate, locale), quantity: formatNumber(l.quantity, locale), unit: t(`units.${l.unit}` as MessageKey) })}
                    </option>
                  ))}
                </select>
                <ErrorList id="lotId-error" errors={fieldErrors("lotId")} />
              </div>
              <button type="submit" className="button">
                {t("harvest.reservations.createOrder")}
              </button>
            </Form>
          ) : (
            <p>{t("harvest.reservations.noLots")}</p>
          )}
          <p>
            <Link to="/dashboard/lots/new">{t("harvest.reservations.recordLot")}</Link>
          </p>
        </section>
      ) : null}

      {side === "buyer" && canReservation("cancel", r.status) ? (
        <Form method="post">
          <button type="submit" name="intent" value="cancel" className="button button-secondary">
            {t("harvest.reservations.cancel")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  pageMeta(matches, (t) => ({ title: t("harvest.reservations.detailTitle", { id: d?.reservation.id ?? "", product: d?.reservation.productName ?? "" }) }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
