import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { and, count, countDistinct, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";

export async function loader() {
  const row = db
    .select({ coops: count(), provinces: countDistinct(schema.organisations.provinceCode) })
    .from(schema.organisations)
    .where(and(eq(schema.organisations.kind, "cooperative"), eq(schema.organisations.status, "active")))
    .get();
  return { coops: row?.coops ?? 0, provinces: row?.provinces ?? 0 };
}

export default function Home() {
  const t = useT();
  const stats = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p>{t("home.lead")}</p>
        <p className="muted">{t("home.stats", { coops: stats.coops, provinces: stats.provinces })}</p>
        <div className="actions">
          <Link to="/search" className="button">
            {t("home.ctaBuyer")}
          </Link>
          <Link to="/signup" className="button button-secondary">
            {t("home.ctaCoop")}
          </Link>
        </div>
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("app.tagline") }));
