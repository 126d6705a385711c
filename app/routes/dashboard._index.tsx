import type { MetaFunction } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import type { loader as dashboardLoader } from "./dashboard";

export default function DashboardHome() {
  const t = useT();
  const data = useRouteLoaderData<typeof dashboardLoader>("routes/dashboard");
  if (!data) return null;
  const { user, organisation } = data;
  return (
    <section className="stack">
      <h1>{t("dashboard.welcome", { name: user.name })}</h1>
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
