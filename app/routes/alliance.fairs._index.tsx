import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { allianceProvince } from "~/capabilities/alliance/scope.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FairPhaseBadge } from "~/components/fair-ui";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { formatDate } from "~/lib/money";
import { listFairsForOrganiser } from "~/models/fair.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { provinceCode } = allianceProvince(request);
  return { fairs: listFairsForOrganiser({ provinceCode }), today: todayInVietnam() };
}

export default function AllianceFairs() {
  const t = useT();
  const locale = useLocale();
  const { fairs, today } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <div className="fairs-heading">
        <h1>{t("fairs.alliance.title")}</h1>
        <Link className="button" to="/alliance/fairs/new">
          {t("fairs.alliance.new")}
        </Link>
      </div>
      {fairs.length ? (
        <ul className="fairs-list">
          {fairs.map((f) => (
            <li key={f.id} className="card">
              <h2 className="fairs-card-title">
                <Link to={`/alliance/fairs/${f.id}`}>{f.name}</Link>
              </h2>
              <p className="muted">
                {t("fairs.dates", { from: formatDate(f.startDate, locale), to: formatDate(f.endDate, locale) })} · {f.venue} · {f.provinceName}
              </p>
              <p>
                <FairPhaseBadge fair={f} today={today} /> {f.state !== "published" ? <span className="badge badge-pending">{t(`fairs.state.${f.state}`)}</span> : null}{" "}
                {t("fairs.public.booths", { n: f.booths })} · {f.leads} {t("fairs.alliance.leads").toLowerCase()}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("fairs.alliance.empty")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("fairs.alliance.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
