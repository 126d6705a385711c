import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { ExpiryWarnings } from "~/components/expiry-warnings";
import { pageMeta } from "~/components/meta";
import { dashboardFlaggedLots } from "~/capabilities/trace/dashboard.server";
import { FlaggedLots } from "~/components/safety";
import { cooperativeDashboardNotices, catalogueViewer } from "~/capabilities/catalogue/viewer.server";
import { CooperativeHome } from "~/components/cooperative-home";
import { PayNowNotice } from "~/components/pay-now-notice";
import { useT } from "~/i18n";
import { cardOrdersAwaitingPayment, cooperativeHome } from "~/models/commerce.server";
import { getMemberships } from "~/models/user.server";
import { unreadCount } from "~/models/thread.server";
import type { loader as dashboardLoader } from "./dashboard";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = catalogueViewer(request);
  const membership = viewer.user ? getMemberships(viewer.user.id)[0] : undefined;
  const buyerId = membership?.organisation.kind === "buyer" ? membership.organisation.id : null;
  return {
    expiring: await cooperativeDashboardNotices(request),
    flaggedLots: dashboardFlaggedLots(request),
    home: viewer.cooperativeId ? cooperativeHome({ cooperativeId: viewer.cooperativeId }) : null,
    unread: viewer.cooperativeId ? unreadCount({ organisationId: viewer.cooperativeId }) : 0,
    awaitingPayment: buyerId ? cardOrdersAwaitingPayment({ buyerId }) : [],
  };
}

export default function DashboardHome() {
  const t = useT();
  const { expiring, flaggedLots, home, unread, awaitingPayment } = useLoaderData<typeof loader>();
  const data = useRouteLoaderData<typeof dashboardLoader>("routes/dashboard");
  if (!data) return null;
  const { user, organisation } = data;
  return (
    <section className="stack">
      <h1>{t("dashboard.welcome", { name: user.name })}</h1>
      <ExpiryWarnings certificates={expiring} />
      <PayNowNotice orders={awaitingPayment} />
      <FlaggedLots lots={flaggedLots} />
      {home ? <CooperativeHome home={home} unread={unread} /> : null}
      {organisation ? (
        <div className="card">
          <h2>{organisation.name}</h2>
          <p>{t(`org.kind.${organisation.kind}`)}</p>
          {organisation.kind === "cooperative" ? (
            <p>
              <span className={organisation.verifiedAt ? "badge" : "badge badge-pending"}>
                {t(organisation.verifiedAt ? "dashboard.status.verified" : "dashboard.status.pending")}
              </span>
            </p>
          ) : null}
        </div>
      ) : (
        <p>{t("dashboard.noOrg")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("dashboard.title") }));
