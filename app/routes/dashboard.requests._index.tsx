import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { Notes, RequestCard, StateBadge } from "~/components/market";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { provinceNames } from "~/capabilities/market/viewer.server";
import { requireTrader } from "~/capabilities/orders/route-helpers.server";
import { getRequestDigest, sendRequestDigests, setRequestDigest } from "~/capabilities/market/notify.server";
import { listBuyerRequests, listCooperativeRequests } from "~/models/request.server";
import { readForm } from "~/services/uploads.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  if (organisation.kind === "buyer") {
    return { side: "buyer" as const, buyerItems: listBuyerRequests({ buyerId: organisation.id }), coopItems: [], digest: false, names: provinceNames() };
  }
  // Like the certificate warnings: opening the page runs the (idempotent, once-a-day) digest job.
  await sendRequestDigests();
  return { side: "cooperative" as const, buyerItems: [], coopItems: listCooperativeRequests({ cooperativeId: organisation.id }), digest: getRequestDigest({ organisationId: organisation.id }), names: provinceNames() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { organisation } = requireTrader(request);
  const form = await readForm(request);
  if (organisation.kind !== "cooperative" || form.get("intent") !== "digest") return data({ ok: false }, { status: 400 });
  setRequestDigest({ organisationId: organisation.id, digest: form.get("digest") === "on" });
  return { ok: true };
}

export default function DashboardRequests() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  const name = (code: string | null) => (code ? (d.names[code] ?? code) : "");
  if (d.side === "buyer") {
    return (
      <section className="stack">
        <div className="market-head">
          <h1>{t("market.mine.title")}</h1>
          <Link to="/requests/new" className="button">
            {t("market.board.post")}
          </Link>
        </div>
        {d.buyerItems.length ? (
          <ul className="market-cards">
            {d.buyerItems.map((r) => (
              <RequestCard key={r.id} request={r} href={`/dashboard/requests/${r.id}`} provinceName={name} />
            ))}
          </ul>
        ) : (
          <p>{t("market.mine.empty")}</p>
        )}
      </section>
    );
  }
  return (
    <section className="stack">
      <h1>{t("market.coop.title")}</h1>
      <Form method="post" className="market-digest">
        <input type="hidden" name="intent" value="digest" />
        <label className="checkbox">
          <input type="checkbox" name="digest" defaultChecked={d.digest} /> {t("market.coop.digest")}
        </label>
        <button type="submit" className="button button-small button-secondary">
          {t("market.coop.digestSave")}
        </button>
      </Form>
      {saved?.ok ? <Notice tone="success">{t("market.coop.digestSaved")}</Notice> : null}
      {d.coopItems.length ? (
        <ul className="market-cards">
          {d.coopItems.map((r) => (
            <RequestCard
              key={r.id}
              request={r}
              href={`/requests/${r.id}`}
              provinceName={name}
              extra={
                <>
                  <p className="market-card-meta">
                    {r.invited ? <span className="market-tag">{t("market.coop.invited")}</span> : null}
                    {r.match ? <span className="market-tag">{t("market.coop.matched", { rank: r.match.rank })}</span> : null}
                    {r.offer ? (
                      <>
                        {" "}
                        <StateBadge kind="offer" state={r.offer.state} />
                      </>
                    ) : null}
                  </p>
                  {r.match ? (
                    <>
                      <Notes notes={r.match.reasons} tone="why" />
                      <Notes notes={r.match.gaps} tone="gap" />
                    </>
                  ) : null}
                  {r.state === "open" && (!r.offer || r.offer.state === "submitted") ? (
                    <p>
                      <Link to={`/requests/${r.id}/offer`} className="button button-small">
                        {r.offer ? t("market.request.reviseCta") : t("market.request.offerCta")}
                      </Link>
                    </p>
                  ) : null}
                </>
              }
            />
          ))}
        </ul>
      ) : (
        <p>{t("market.coop.empty")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("market.nav.requests") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
