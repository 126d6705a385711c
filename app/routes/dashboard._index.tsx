import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { ExpiryWarnings } from "~/components/expiry-warnings";
import { pageMeta } from "~/components/meta";
import { cooperativeDashboardNotices } from "~/capabilities/catalogue/viewer.server";
import { dashboardFlaggedLots } from "~/capabilities/trace/dashboard.server";
import { FlaggedLots } from "~/components/safety";
import { useT } from "~/i18n";
import type { loader as dashboardLoader } from "./dashboard";

export async function loader({ request }: LoaderFunctionArgs) {
  return { expiring: await cooperativeDashboardNotices(request), flaggedLots: dashboardFlaggedLots(request) };
}

export default function DashboardHome() {
  const t = useT();
  const { expiring, flaggedLots } = useLoaderData<typeof loader>();
  const data = useRouteLoaderData<typeof dashboardLoader>("routes/dashboard");
  if (!data) return null;
  const { user, organisation } = data;
  return (
    <section className="stack">
      <h1>{t("dashboard.welcome", { name: user.name })}</h1>
      <ExpiryWarnings certificates={expiring} />
      <FlaggedLots lots={flaggedLots} />
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
