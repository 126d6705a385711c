import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageMeta } from "~/components/meta";
import { CooperativeCard, ProductCard } from "~/components/product-card";
import { useLocale, useT } from "~/i18n";
import { listCategories, listProvinces } from "~/models/province.server";
import { withImage } from "~/models/search-page.server";
import {
  cooperativeCountsByProvince,
  featuredOcopProducts,
  productCountsByCategory,
  productCountsByProvince,
  recentlyVerifiedCooperatives,
} from "~/models/search.server";
import { cooperativeReach } from "~/models/marketplace.server";

export async function loader() {
  const row = cooperativeReach();
  const byCategory = productCountsByCategory();
  const byProvince = productCountsByProvince();
  const coopsByProvince = cooperativeCountsByProvince();
  return {
    coops: row.coops,
    provinces: row.provinces,
    categories: listCategories()
      .map((c) => ({ code: c.code, vi: c.nameVi, en: c.nameEn, count: byCategory.get(c.code) ?? 0 }))
      .filter((c) => c.count > 0),
    provinceCounts: listProvinces().map((p) => ({ code: p.code, name: p.shortName, slug: p.slug, products: byProvince.get(p.code) ?? 0, coops: coopsByProvince.get(p.code) ?? 0 })),
    recentlyVerified: recentlyVerifiedCooperatives({ limit: 6 }),
    featured: featuredOcopProducts({ limit: 8 }).map(withImage),
  };
}

export default function Home() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p>{t("home.lead")}</p>
        <p className="muted">{t("home.stats", { coops: d.coops, provinces: d.provinces })}</p>
        <div className="actions">
          <Link to="/search" className="button">
            {t("home.ctaBuyer")}
          </Link>
          <Link to="/signup" className="button button-secondary">
            {t("home.ctaCoop")}
          </Link>
        </div>
      </section>
      <section aria-labelledby="home-featured">
        <h2 id="home-featured">{t("discovery.home.featured")}</h2>
        <ul className="grid discovery-grid">
          {d.featured.map((p) => (
            <li key={p.id}>
              <ProductCard product={p} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-categories">
        <h2 id="home-categories">{t("discovery.home.categories")}</h2>
        <ul className="chip-list">
          {d.categories.map((c) => (
            <li key={c.code}>
              <Link to={`/search?category=${encodeURIComponent(c.code)}`} className="chip">
                {locale === "en" ? c.en : c.vi} <span className="muted">({c.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-provinces">
        <h2 id="home-provinces">{t("discovery.home.provinces")}</h2>
        <ul className="chip-list">
          {d.provinceCounts.map((p) => (
            <li key={p.code}>
              <Link to={`/provinces/${p.slug}`} className="chip">
                {p.name} <span className="muted">({t("discovery.provinces.counts", { coops: p.coops, products: p.products })})</span>
              </Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/provinces">{t("discovery.home.allProvinces")}</Link>
        </p>
      </section>
      <section aria-labelledby="home-verified">
        <h2 id="home-verified">{t("discovery.home.recentlyVerified")}</h2>
        <ul className="grid discovery-grid">
          {d.recentlyVerified.map((c) => (
            <li key={c.id}>
              <CooperativeCard coop={c} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, (t) => ({ title: t("app.tagline") }), [
    {
      "script:ld+json": { "@context": "https://schema.org", "@type": "WebSite", name: "Chợ HTX", potentialAction: { "@type": "SearchAction", target: "/search?q={search_term_string}", "query-input": "required name=search_term_string" } },
    },
  ]);
