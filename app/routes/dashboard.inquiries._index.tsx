import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { formatDateTime } from "~/lib/money";
import { listThreads } from "~/models/thread.server";
import { requireTrader } from "~/capabilities/orders/route-helpers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  return { threads: listThreads({ organisationId: organisation.id }), organisationId: organisation.id };
}

export default function Inquiries() {
  const t = useT();
  const locale = useLocale();
  const { threads, organisationId } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("orders.threads.title")}</h1>
      {threads.length === 0 ? (
        <p>{t("orders.threads.empty")}</p>
      ) : (
        <ul className="orders-threads">
          {threads.map((th) => (
            <li key={th.id} className={`card${th.unread ? " orders-thread-unread" : ""}`}>
              <Link to={`/dashboard/inquiries/${th.id}`}>{th.subject}</Link>{" "}
              {th.unread ? <span className="badge">{t("orders.threads.unreadBadge", { n: th.unread })}</span> : null}
              <p className="muted">
                {t("orders.threads.with", { name: th.buyerId === organisationId ? th.cooperativeName : th.buyerName })}
                {th.productName ? ` · ${th.productName}` : ""} · <time dateTime={th.lastMessageAt}>{formatDateTime(th.lastMessageAt, locale)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("orders.threads.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
