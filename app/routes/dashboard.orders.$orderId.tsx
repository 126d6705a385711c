import { addressLine } from "~/lib/address";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { decimal } from "~/lib/validation";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice } from "~/components/forms";
import { OrderStatusBadge } from "~/components/order-status";
import { pageMeta } from "~/components/meta";
import { getT, useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { formatDateTime, formatDate, formatNumber, formatVnd } from "~/lib/money";
import { localiseAddress } from "~/lib/address";
import { singleFields } from "~/lib/form-fields";
import { lotCodeSchema } from "~/lib/order-forms";
import { availableActions, orderActions, type OrderAction } from "~/lib/order-states";
import { qrDataUrl, transferDetails } from "~/capabilities/orders/documents.server";
import { notFound, notifyOrderStep, requireTrader, ruleViolation } from "~/capabilities/orders/route-helpers.server";
import {
  addOrderLot,
  expireUnpaidOrders,
  getOrderForOrganisation,
  recordCheckoutSession,
  setTrustedBuyer,
  transitionOrder,
} from "~/models/order.server";
import { cancellationView, handleCancellationIntent, isCancellationIntent } from "~/capabilities/orders/cancellation.server";
import { OrderCancellation } from "~/components/order-cancellation";
import { createOrderCheckoutSession } from "~/services/stripe.server";
import { reportTransfer } from "~/models/commerce.server";
import { TRANSFER_REPORTED } from "~/lib/order-notes";
import { notifyCardConfirmed, notifyTransferReported } from "~/capabilities/orders/payment.server";
import { VietQrPayment } from "~/components/vietqr-payment";
import { readForm } from "~/services/uploads.server";

const idParam = decimal(z.number().int().positive());

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  const id = idParam.safeParse(params.orderId);
  if (!id.success) throw notFound(request, "orders.errors.orderNotFound");
  expireUnpaidOrders();
  const view = getOrderForOrganisation({ id: id.data, organisationId: organisation.id });
  if (!view) throw notFound(request, "orders.errors.orderNotFound");
  const { order, party } = view;
  const transfer =
    order.paymentMethod === "bank_transfer" && ["placed", "confirmed"].includes(order.status) ? transferDetails(view) : null;
  return {
    ...view,
    actions: availableActions({ status: order.status, party, paymentMethod: order.paymentMethod }),
    transfer: transfer ? { ...transfer, image: await qrDataUrl(transfer.payload) } : null,
    canPayByCard: party === "buyer" && order.paymentMethod === "card" && order.status === "confirmed",
    cancellation: cancellationView({ order, party }),
    transferReportedAt: view.events.find((e) => e.note === TRANSFER_REPORTED)?.at ?? null,
  };
}

const stepSchema = z.object({
  intent: z.enum(orderActions),
  note: z.string().trim().max(1000).optional(),
  carrier: z.string().trim().max(100).optional(),
  trackingNumber: z.string().trim().max(100).optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = requireTrader(request);
  const id = idParam.safeParse(params.orderId);
  if (!id.success) throw notFound(request, "orders.errors.orderNotFound");
  const t = getT(getLocale(request));
  const formData = await readForm(request);
  const fields = singleFields(formData);
  const view = getOrderForOrganisation({ id: id.data, organisationId: organisation.id });
  if (!view) throw notFound(request, "orders.errors.orderNotFound");
  if (!fields) return data({ status: "error" as const, formErrors: [t("errors.invalid")] }, { status: 400 });
  const intent = fields.intent;

  if (intent === "pay") {
    const { order, party, buyer } = view;
    if (party !== "buyer" || order.paymentMethod !== "card" || order.status !== "confirmed") {
      return data({ status: "error" as const, formErrors: [t("orders.errors.transition")] }, { status: 409 });
    }
    try {
      const session = await createOrderCheckoutSession({ id: order.id, number: order.number, total: order.total, buyerEmail: buyer.email ?? user.email });
      recordCheckoutSession({ orderId: order.id, sessionId: session.id, amount: order.total });
      if (!session.url) throw new Error("Checkout session without url");
      return redirect(session.url);
    } catch (error) {
      console.error("stripe checkout failed", error);
      return data({ status: "error" as const, formErrors: [t("orders.errors.paymentUnavailable")] }, { status: 502 });
    }
  }

  if (isCancellationIntent(intent)) {
    return handleCancellationIntent({ request, intent, fields, order: view.order, organisationId: organisation.id, userId: user.id });
  }
  if (intent === "reportTransfer") {
    if (view.party !== "buyer") return data({ status: "error" as const, formErrors: [t("orders.errors.notYourStep")] }, { status: 403 });
    try {
      const report = reportTransfer({ orderId: id.data, buyerId: organisation.id, userId: user.id });
      const transfer = transferDetails(view);
      if (report.created) await notifyTransferReported(report.order, { buyerName: view.buyer.name, note: transfer?.note ?? report.order.number });
    } catch (error) {
      return ruleViolation(request, error);
    }
    return redirect(`/dashboard/orders/${id.data}?reported=1`);
  }

  if (intent === "addLot") {
    const code = lotCodeSchema.safeParse(fields.lotCode);
    if (!code.success) return data({ status: "error" as const, formErrors: [t("orders.errors.lotCode")] }, { status: 400 });
    if (view.party !== "cooperative") return data({ status: "error" as const, formErrors: [t("orders.errors.notYourStep")] }, { status: 403 });
    try {
      addOrderLot({ orderId: id.data, cooperativeId: organisation.id, lotCode: code.data, userId: user.id });
    } catch (error) {
      return ruleViolation(request, error);
    }
    return redirect(`/dashboard/orders/${id.data}`);
  }

  if (intent === "trust" || intent === "untrust") {
    if (view.party !== "cooperative") return data({ status: "error" as const, formErrors: [t("orders.errors.notYourStep")] }, { status: 403 });
    setTrustedBuyer({ cooperativeId: organisation.id, buyerId: view.order.buyerId, trusted: intent === "trust", userId: user.id });
    return redirect(`/dashboard/orders/${id.data}`);
  }

  const parsed = stepSchema.safeParse(fields);
  if (!parsed.success) return data({ status: "error" as const, formErrors: [t("errors.invalid")] }, { status: 400 });
  const { intent: step, note, carrier, trackingNumber } = parsed.data;
  if (step === "reject" && !note) return data({ status: "error" as const, formErrors: [t("orders.errors.reasonRequired")] }, { status: 400 });
  if (step === "ship" && (!carrier || !trackingNumber)) return data({ status: "error" as const, formErrors: [t("orders.errors.carrierRequired")] }, { status: 400 });
  try {
    const result = transitionOrder({ id: id.data, organisationId: organisation.id, userId: user.id, action: step satisfies OrderAction, note: note || null, carrier, trackingNumber });
    // A card order confirmed: the buyer's moment to pay, so their mail says so (and the orders list shows it).
    if (step === "confirm" && result.paymentMethod === "card") await notifyCardConfirmed(result, view.cooperative.name);
    else await notifyOrderStep(result, result.status ?? "", result.party === "system" ? "system" : result.party);
  } catch (error) {
    return ruleViolation(request, error);
  }
  return redirect(`/dashboard/orders/${id.data}?done=1`);
}

export default function OrderPage() {
  const t = useT();
  const locale = useLocale();
  const { order, buyer, cooperative, lines, events, lots, party, province, actions, transfer, canPayByCard, trusted, cancellation, transferReportedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const busy = navigation.state !== "idle";
  const unit = (u: string) => t(`units.${u}` as MessageKey);
  const orgName = (orgId: number | null) => (orgId === buyer.id ? buyer.name : orgId === cooperative.id ? cooperative.name : t("orders.detail.system"));
  return (
    <section className="stack orders-detail">
      <p>
        <Link to="/dashboard/orders">← {t("orders.detail.back")}</Link>
      </p>
      <h1>
        {t("orders.detail.title", { number: order.number })} <OrderStatusBadge status={order.status} />
      </h1>
      {params.get("placed") ? <Notice tone="success">{t("orders.cart.placed", { n: 1 })}</Notice> : null}
      {params.get("paid") && order.paidAt ? (
        <div className="notice notice-success commerce-success" role="status">
          <strong>{t("commerce.pay.successTitle")}</strong> {t("commerce.pay.success", { amount: formatVnd(order.total, locale), number: order.number })}
        </div>
      ) : params.get("paid") ? (
        <Notice>{t("orders.detail.paidNotice")}</Notice>
      ) : null}
      {params.get("cancelled") ? <Notice tone="warning">{t(canPayByCard ? "commerce.pay.cancelled" : "orders.detail.cancelledNotice")}</Notice> : null}
      {params.get("reported") ? <Notice tone="success">{t("commerce.vietqr.reportDone")}</Notice> : null}
      {params.get("done") ? <Notice tone="success">{t("orders.detail.stepDone")}</Notice> : null}
      <FormErrors errors={actionData?.formErrors} />

      <div className="grid">
        <section className="card" aria-labelledby="seller-h">
          <h2 id="seller-h">{t("orders.detail.seller")}</h2>
          <p>{cooperative.name}</p>
          {cooperative.address ? <p>{localiseAddress(cooperative.address, locale)}</p> : null}
        </section>
        <section className="card" aria-labelledby="buyer-h">
          <h2 id="buyer-h">{t("orders.detail.buyer")}</h2>
          <p>{buyer.name}</p>
          {buyer.taxCode ? <p>{t("orders.detail.taxCode", { code: buyer.taxCode })}</p> : null}
        </section>
        <section className="card" aria-labelledby="delivery-h">
          <h2 id="delivery-h">{t("orders.detail.delivery")}</h2>
          <p>{addressLine([order.deliveryAddress, order.deliveryCommune, province?.name])}</p>
          {order.contactPhone ? <p>{order.contactPhone}</p> : null}
          {order.requestedDate ? <p>{t("orders.detail.requestedDate", { date: formatDate(order.requestedDate, locale) })}</p> : null}
          {order.notes ? <p className="muted">{order.notes}</p> : null}
          {order.carrier ? <p>{t("orders.detail.carrier", { carrier: order.carrier, tracking: order.trackingNumber ?? "" })}</p> : null}
        </section>
      </div>

      {order.rejectionReason ? <Notice tone="warning">{t("orders.detail.rejected", { reason: order.rejectionReason })}</Notice> : null}
      {order.cancelReason ? <Notice tone="warning">{t("orders.detail.cancelReason", { reason: order.cancelReason })}</Notice> : null}

      <section aria-labelledby="lines-h">
        <h2 id="lines-h">{t("orders.detail.lines")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="cards-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("orders.cart.product")}</th>
                <th scope="col">{t("orders.cart.quantity")}</th>
                <th scope="col">{t("orders.cart.unitPrice")}</th>
                <th scope="col">{t("orders.cart.lineTotal")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <td data-label={t("orders.cart.product")}>{l.productName}</td>
                  <td data-label={t("orders.cart.quantity")}>
                    {formatNumber(l.quantity, locale)} {unit(l.unit)}
                  </td>
                  <td data-label={t("orders.cart.unitPrice")}>
                    {formatVnd(l.unitPrice, locale)} <span className="muted">({t(`orders.detail.source.${l.priceSource}` as MessageKey)})</span>
                  </td>
                  <td data-label={t("orders.cart.lineTotal")}>{formatVnd(l.lineTotal, locale)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t("orders.detail.total")}
                </th>
                <td className="orders-total" data-testid="order-total">
                  {formatVnd(order.total, locale)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p>
          <a href={`/dashboard/orders/${order.id}/pdf`} className="button button-secondary" download>
            {t("orders.detail.pdf")}
          </a>
        </p>
      </section>

      <section className="card" aria-labelledby="pay-h">
        <h2 id="pay-h">
          {t("orders.detail.payment")}: {t(`orders.method.${order.paymentMethod}` as MessageKey)}
        </h2>
        {order.expiresAt && ["placed", "confirmed"].includes(order.status) ? <p className="muted">{t("orders.detail.expires", { time: formatDateTime(order.expiresAt, locale) })}</p> : null}
        {party === "buyer" && order.paymentMethod === "card" && order.status === "placed" ? <p>{t("orders.detail.payAfterConfirm")}</p> : null}
        {canPayByCard ? (
          <Form method="post">
            <input type="hidden" name="intent" value="pay" />
            <button type="submit" className="button" disabled={busy}>
              {t("orders.detail.payCard")}
            </button>
          </Form>
        ) : null}
        {transfer ? <VietQrPayment orderId={order.id} transfer={transfer} party={party} reportedAt={transferReportedAt} /> : null}
      </section>

      {actions.length ? (
        <section className="card orders-actions" aria-labelledby="actions-h">
          <h2 id="actions-h">{t("orders.detail.nextSteps")}</h2>
          {actions.map((a) => (
            <Form method="post" key={a} className="orders-action-form">
              <input type="hidden" name="intent" value={a} />
              {a === "reject" || a === "cancel" ? (
                <div className="field">
                  <label htmlFor={`note-${a}`}>{t("orders.detail.reason")}</label>
                  <input id={`note-${a}`} name="note" maxLength={1000} required={a === "reject"} />
                </div>
              ) : null}
              {a === "ship" ? (
                <div className="form-row">
                  <div className="field">
                    <label htmlFor="carrier">{t("orders.detail.carrierLabel")}</label>
                    <input id="carrier" name="carrier" required maxLength={100} />
                  </div>
                  <div className="field">
                    <label htmlFor="trackingNumber">{t("orders.detail.trackingLabel")}</label>
                    <input id="trackingNumber" name="trackingNumber" required maxLength={100} />
                  </div>
                </div>
              ) : null}
              <button type="submit" className={a === "reject" ? "button button-danger" : a === "cancel" ? "button button-secondary commerce-cancel" : "button"} disabled={busy}>
                {t(`orders.action.${a}` as MessageKey)}
              </button>
            </Form>
          ))}
        </section>
      ) : null}

      <OrderCancellation {...cancellation} party={party} busy={busy} />

      <section aria-labelledby="lots-h">
        <h2 id="lots-h">{t("orders.detail.lots")}</h2>
        {lots.length ? (
          <ul>
            {lots.map((l) => (
              <li key={l.id}>
                {l.lotId ? (
                  <a className="orders-lot-code" href={`/t/${l.lotId}`}>
                    {t("orders.detail.lotTrace", { code: l.lotCode })}
                  </a>
                ) : (
                  <span className="orders-lot-code">{t("orders.detail.lotTrace", { code: l.lotCode })}</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("orders.detail.noLots")}</p>
        )}
        {party === "cooperative" && !["rejected", "cancelled", "expired"].includes(order.status) ? (
          <Form method="post" className="orders-inline-form">
            <input type="hidden" name="intent" value="addLot" />
            <label htmlFor="lotCode">{t("orders.detail.lotCode")}</label>
            <input id="lotCode" name="lotCode" required maxLength={20} pattern="[A-Za-z0-9][A-Za-z0-9\-_./]{0,19}" />
            <button type="submit" className="button button-small">
              {t("orders.detail.addLot")}
            </button>
          </Form>
        ) : null}
      </section>

      {party === "cooperative" ? (
        <Form method="post">
          <input type="hidden" name="intent" value={trusted ? "untrust" : "trust"} />
          {trusted ? <p>{t("orders.detail.trusted")}</p> : null}
          <button type="submit" className="link-button">
            {t(trusted ? "orders.detail.untrust" : "orders.detail.trust")}
          </button>
        </Form>
      ) : null}

      <section aria-labelledby="history-h">
        <h2 id="history-h">{t("orders.detail.history")}</h2>
        <ol className="orders-history">
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time> · <strong>{e.note === TRANSFER_REPORTED ? t("commerce.vietqr.event") : t(`orders.status.${e.toStatus}` as MessageKey)}</strong> ·{" "}
              {e.actorName ? `${e.actorName} (${orgName(e.actorOrgId)})` : t("orders.detail.system")}
              {e.note === TRANSFER_REPORTED ? null : historyNote(e.note, t)}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

/** Event notes: a Stripe reference is not for people; a cancellation or refund step reads as its label. */
function historyNote(note: string | null, t: ReturnType<typeof useT>) {
  if (!note || note.startsWith("stripe:")) return null;
  const m = /^(cancellation|refund):(requested|accepted|refused|succeeded|returned)(?: · (.*))?$/s.exec(note);
  if (!m) return ` · ${note}`;
  const label = t(`refunds.history.${m[2] === "succeeded" ? "refunded" : m[2]}` as MessageKey);
  const rest = m[3] && !m[3].startsWith("stripe:") ? `: ${m[3]}` : "";
  return ` · ${label}${rest}`;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({ title: data ? t("orders.detail.title", { number: data.order.number }) : t("orders.list.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
