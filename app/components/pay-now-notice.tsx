import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { formatVnd } from "~/lib/money";

export type AwaitingPayment = { id: number; number: string; total: number; cooperativeName: string };

/** In-app notice for a buyer: card orders the cooperative has confirmed, each with a link to pay. */
export function PayNowNotice({ orders }: { orders: AwaitingPayment[] }) {
  const t = useT();
  const locale = useLocale();
  if (!orders.length) return null;
  return (
    <section className="notice commerce-paynow" aria-labelledby="paynow-h">
      <h2 id="paynow-h" className="commerce-paynow-title">
        {t("commerce.orders.payNowTitle")}
      </h2>
      <ul>
        {orders.map((o) => (
          <li key={o.id}>
            {t("commerce.orders.payNowItem", { number: o.number, cooperative: o.cooperativeName, total: formatVnd(o.total, locale) })} ·{" "}
            <Link to={`/dashboard/orders/${o.id}`} aria-label={`${t("commerce.orders.payNowAction")} ${o.number}`}>
              {t("commerce.orders.payNowAction")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
