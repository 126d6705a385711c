import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { allianceProvince } from "~/capabilities/alliance/scope.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { SafetyBadge } from "~/components/safety";
import { useLocale, useT } from "~/i18n";
import { formatDate } from "~/lib/money";
import { listFlaggedLots } from "~/models/safety.server";

/** The province's lots flagged for a spray inside its pre-harvest interval, and those already withheld. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { provinceCode } = allianceProvince(request);
  return { lots: listFlaggedLots({ provinceCode }) };
}

export default function AllianceSafety() {
  const t = useT();
  const locale = useLocale();
  const { lots } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("safety.alliance.title")}</h1>
      <p>{t("safety.alliance.lead")}</p>
      {lots.length ? (
        <table className="trace-lots-table">
          <thead>
            <tr>
              <th scope="col">{t("safety.alliance.lot")}</th>
              <th scope="col">{t("safety.alliance.cooperative")}</th>
              <th scope="col">{t("safety.alliance.harvest")}</th>
              <th scope="col">{t("safety.alliance.status")}</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((l) => (
              <tr key={l.id}>
                <th scope="row" data-label={t("safety.alliance.lot")}>
                  <a href={`/t/${l.id}`}>
                    {l.code} · {locale === "en" ? (l.productNameEn ?? l.productName) : l.productName}
                  </a>
                </th>
                <td data-label={t("safety.alliance.cooperative")}>
                  <Link to={`/cooperatives/${l.cooperativeSlug}`}>{l.cooperativeName}</Link>
                </td>
                <td data-label={t("safety.alliance.harvest")}>{formatDate(l.harvestDate, locale)}</td>
                <td data-label={t("safety.alliance.status")}>
                  <SafetyBadge status={l.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("safety.alliance.empty")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("safety.alliance.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
