import { Form } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { formatDateTime, formatVnd } from "~/lib/money";

type Request = { id: number; status: "requested" | "accepted" | "refused"; reason: string; createdAt: string; decidedAt: string | null; decisionNote: string | null };
type Refund = { method: "card" | "bank_transfer"; amount: number; status: "pending" | "succeeded" | "failed" | "owed" | "returned"; completedAt: string | null; lastError: string | null };

/**
 * Cancellation by agreement on the order page: the buyer asks with a reason; the cooperative accepts (refunding
 * what was paid) or refuses; then where the money is.
 */
export function OrderCancellation({
  requests,
  open,
  refund,
  canRequest,
  canDecide,
  party,
  busy,
}: {
  requests: Request[];
  open: Request | null;
  refund: Refund | null;
  canRequest: boolean;
  canDecide: boolean;
  party: "buyer" | "cooperative";
  busy: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  if (!canRequest && !requests.length && !refund) return null;
  const time = (iso: string | null) => (iso ? formatDateTime(iso, locale) : "");
  const amount = refund ? formatVnd(refund.amount, locale) : "";
  const last = requests[0];
  return (
    <section className="card stack" aria-labelledby="cancel-h">
      <h2 id="cancel-h">{t("refunds.title")}</h2>
      {canRequest ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="requestCancel" />
          <p>{t("refunds.needsAgreement")}</p>
          <div className="field">
            <label htmlFor="cancel-reason">{t("refunds.reasonLabel")}</label>
            <textarea id="cancel-reason" name="reason" required maxLength={1000} rows={2} />
          </div>
          <p>
            <button type="submit" className="button button-danger" disabled={busy}>
              {t("refunds.request")}
            </button>
          </p>
        </Form>
      ) : null}
      {open ? (
        <>
          <p role="status">{t("refunds.requested", { time: time(open.createdAt), reason: open.reason })}</p>
          {party === "buyer" ? <p className="muted">{t("refunds.waiting")}</p> : null}
        </>
      ) : null}
      {canDecide ? (
        <Form method="post" className="stack">
          <div className="field">
            <label htmlFor="cancel-note">{t("refunds.decisionNote")}</label>
            <input id="cancel-note" name="note" maxLength={1000} />
          </div>
          <div className="form-row">
            <button type="submit" name="intent" value="acceptCancel" className="button button-danger" disabled={busy}>
              {t("refunds.accept")}
            </button>
            <button type="submit" name="intent" value="refuseCancel" className="button button-secondary" disabled={busy}>
              {t("refunds.refuse")}
            </button>
          </div>
        </Form>
      ) : null}
      {!open && last?.status === "refused" ? (
        <p>{t("refunds.refused", { time: time(last.decidedAt), note: last.decisionNote ? `: ${last.decisionNote}` : "" })}</p>
      ) : null}
      {!open && last?.status === "accepted" ? <p>{t("refunds.accepted", { time: time(last.decidedAt) })}</p> : null}
      {refund?.method === "card" ? (
        <p role="status">
          {refund.status === "succeeded"
            ? t("refunds.cardSucceeded", { amount, time: time(refund.completedAt) })
            : refund.status === "pending" && !refund.lastError
              ? t("refunds.cardPending", { amount })
              : t("refunds.cardFailed", { amount })}
        </p>
      ) : null}
      {refund?.method === "card" && refund.status === "pending" && refund.lastError && party === "cooperative" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="retryRefund" />
          <button type="submit" className="button" disabled={busy}>
            {t("refunds.retry")}
          </button>
        </Form>
      ) : null}
      {refund?.method === "bank_transfer" ? (
        <p role="status">{refund.status === "returned" ? t("refunds.returned", { amount, time: time(refund.completedAt) }) : t("refunds.owed", { amount })}</p>
      ) : null}
      {refund?.method === "bank_transfer" && refund.status === "owed" && party === "cooperative" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="markReturned" />
          <button type="submit" className="button" disabled={busy}>
            {t("refunds.markReturned")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
