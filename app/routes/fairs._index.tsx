import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FairDates, FairPhaseBadge } from "~/components/fair-ui";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { listPublicFairs } from "~/models/fair.server";

export async function loader(_: LoaderFunctionArgs) {
  const today = todayInVietnam();
  return { ...listPublicFairs({ today }), today };
}

type Row = ReturnType<typeof listPublicFairs>["upcoming"][number];

function FairList({ fairs, today, empty }: { fairs: Row[]; today: string; empty: string }) {
  const t = useT();
  if (!fairs.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="fairs-list">
      {fairs.map((f) => (
        <li key={f.id} className="card">
          <h3 className="fairs-card-title">
            <Link to={`/fairs/${f.id}`}>{f.name}</Link>
          </h3>
          <p className="muted">
            <FairDates fair={f} /> · {f.venue}, {f.provinceName}
          </p>
          <p>
            <FairPhaseBadge fair={f} today={today} /> {t("fairs.public.booths", { n: f.booths })}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function Fairs() {
  const t = useT();
  const { upcoming, past, today } = useLoaderData<typeof loader>();
  return (
    <section className="stack fairs-page">
      <h1>{t("fairs.public.title")}</h1>
      <p>{t("fairs.public.lead")}</p>
      <h2>{t("fairs.public.upcoming")}</h2>
      <FairList fairs={upcoming} today={today} empty={t("fairs.public.noUpcoming")} />
      <h2>{t("fairs.public.past")}</h2>
      <FairList fairs={past} today={today} empty={t("fairs.public.noPast")} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("fairs.public.title"), description: t("fairs.public.lead") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
