import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCooperative } from "~/capabilities/orders/route-helpers.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FairDates, FairPhaseBadge } from "~/components/fair-ui";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { registrationOpen } from "~/lib/fair-rules";
import { formatDate } from "~/lib/money";
import { listFairsForCooperative } from "~/models/fair.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireCooperative(request);
  return { fairs: listFairsForCooperative({ cooperativeId: organisation.id }), today: todayInVietnam() };
}

export default function CooperativeFairs() {
  const t = useT();
  const locale = useLocale();
  const { fairs, today } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("fairs.coop.title")}</h1>
      {fairs.length ? (
        <ul className="fairs-list">
          {fairs.map((f) => {
            const registered = f.boothState === "registered";
            return (
              <li key={f.id} className="card">
                <h2 className="fairs-card-title">
                  <Link to={`/dashboard/fairs/${f.id}`}>{f.name}</Link>
                </h2>
                <p className="muted">
                  <FairDates fair={f} /> · {f.venue}
                </p>
                <p>
                  <FairPhaseBadge fair={f} today={today} />{" "}
                  {registered ? (
                    <span className="badge">{f.boothNumber ? t("fairs.coop.registeredBooth", { number: f.boothNumber }) : t("fairs.coop.registeredNoNumber")}</span>
                  ) : registrationOpen(f, today) ? (
                    <span>{t("fairs.coop.deadline", { date: formatDate(f.registrationDeadline, locale) })}</span>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("fairs.coop.empty")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("fairs.coop.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
