import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DiscoveryNotices, Pager } from "~/components/discovery-ui";
import { pageMeta } from "~/components/meta";
import { ProductCard } from "~/components/product-card";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { certificateTypes } from "~/lib/enums";
import { itemList, productJsonLd } from "~/lib/jsonld";
import { productSearchPage } from "~/models/search-page.server";
import { sorts } from "~/lib/search-sorts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { status, data: payload } = productSearchPage(new URL(request.url));
  return data(payload, { status });
}

export default function Search() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const q = d.query;
  const count = (list: { value: string; count: number }[] | undefined, value: string) => list?.find((f) => f.value === value)?.count ?? 0;
  const label = (text: string, n: number | undefined) => (d.facets ? t("discovery.search.facetCount", { label: text, count: n ?? 0 }) : text);
  return (
    <div className="discovery-search">
      <h1>{d.q ? t("discovery.search.titleQuery", { q: d.q.slice(0, 80) }) : t("discovery.search.title")}</h1>
      <DiscoveryNotices notices={d.notices} problems={d.problems} pastEnd={d.pastEnd} />
      <div className="discovery-layout">
        <Form method="get" action="/search" className="discovery-filters" id="filters" aria-label={t("discovery.search.filters")}>
          <div className="field">
            <label htmlFor="search-q">{t("discovery.search.query")}</label>
            <input id="search-q" type="search" name="q" defaultValue={d.q} maxLength={500} aria-describedby="search-q-hint" />
            <p className="hint" id="search-q-hint">
              {t("discovery.search.queryHint")}
            </p>
          </div>
          <div className="field">
            <label htmlFor="search-province">{t("discovery.search.province")}</label>
            <select id="search-province" name="province" defaultValue={q.province ?? ""}>
              <option value="">{t("discovery.search.anyProvince")}</option>
              {d.provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {label(p.name, count(d.facets?.province, p.code))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-cert">{t("discovery.search.certification")}</label>
            <select id="search-cert" name="cert" defaultValue={q.certification ?? ""}>
              <option value="">{t("discovery.search.anyCertification")}</option>
              {certificateTypes.map((c) => (
                <option key={c} value={c}>
                  {label(t(`badges.type.${c}` as MessageKey), count(d.facets?.certification, c))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-stars">{t("discovery.search.stars")}</label>
            <select id="search-stars" name="stars" defaultValue={q.minStars ? String(q.minStars) : ""}>
              <option value="">{t("discovery.search.anyStars")}</option>
              {[3, 4, 5].map((s) => (
                <option key={s} value={s}>
                  {label(t("discovery.search.starsOption", { stars: s }), count(d.facets?.stars, String(s)))}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-category">{t("discovery.search.category")}</label>
            <select id="search-category" name="category" defaultValue={q.category ?? ""}>
              <option value="">{t("discovery.search.anyCategory")}</option>
              {d.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {label(`${c.code} ${locale === "en" ? c.en : c.vi}`, count(d.facets?.category, c.code))}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row discovery-range">
            <div className="field">
              <label htmlFor="search-price-min">{t("discovery.search.priceMin")}</label>
              <input id="search-price-min" name="priceMin" type="number" min={0} step={1000} defaultValue={q.priceMin ?? ""} inputMode="numeric" />
            </div>
            <div className="field">
              <label htmlFor="search-price-max">{t("discovery.search.priceMax")}</label>
              <input id="search-price-max" name="priceMax" type="number" min={0} step={1000} defaultValue={q.priceMax ?? ""} inputMode="numeric" />
            </div>
          </div>
          <div className="field">
            <label htmlFor="search-moq">{t("discovery.search.moqMax")}</label>
            <input id="search-moq" name="moqMax" type="number" min={1} defaultValue={q.moqMax ?? ""} inputMode="numeric" />
          </div>
          <div className="field">
            <label htmlFor="search-month">{t("discovery.search.month")}</label>
            <select id="search-month" name="month" defaultValue={q.harvestMonth ? String(q.harvestMonth) : ""}>
              <option value="">{t("discovery.search.anyMonth")}</option>
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i + 1} value={i + 1}>
                  {label(t("discovery.search.monthOption", { month: i + 1 }), count(d.facets?.month, String(i + 1)))}
                </option>
              ))}
            </select>
          </div>
          <label className="discovery-check">
            <input type="checkbox" name="verified" value="1" defaultChecked={q.verifiedOnly ?? false} />{" "}
            {label(t("discovery.search.verified"), d.facets?.verified)}
          </label>
          <label className="discovery-check">
            <input type="checkbox" name="inStock" value="1" defaultChecked={q.inStock ?? false} /> {label(t("discovery.search.inStock"), d.facets?.inStock)}
          </label>
          <div className="field">
            <label htmlFor="search-sort">{t("discovery.search.sort")}</label>
            <select id="search-sort" name="sort" defaultValue={q.sort ?? "relevance"}>
              {sorts.map((s) => (
                <option key={s} value={s}>
                  {t(`discovery.search.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="discovery-actions">
            <button type="submit" className="button">
              {t("discovery.search.apply")}
            </button>
            <Link to="/search">{t("discovery.search.reset")}</Link>
          </div>
        </Form>
        <section aria-labelledby="results-heading" className="discovery-results">
          <h2 id="results-heading" className="discovery-count" aria-live="polite">
            {t("discovery.search.count", { count: d.total })}
          </h2>
          <p className="discovery-to-filters">
            <a href="#filters">{t("discovery.search.filters")}</a>
          </p>
          {d.coops.length ? (
            <div className="discovery-coops">
              <h3>{t("discovery.search.cooperativesMatching")}</h3>
              <ul>
                {d.coops.map((c) => (
                  <li key={c.id}>
                    <Link to={`/cooperatives/${c.slug}`}>{c.name}</Link> <span className="muted">· {c.provinceName}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.items.length ? (
            <ul className="grid discovery-grid" aria-label={t("discovery.search.results")}>
              {d.items.map((p) => (
                <li key={p.id}>
                  <ProductCard product={p} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="notice">{t("discovery.search.none")}</p>
          )}
          <Pager page={d.page} pageCount={d.pageCount} search={location.search} />
        </section>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d, location }) =>
  pageMeta(
    matches,
    (t) => ({ title: d?.q ? t("discovery.search.titleQuery", { q: d.q.slice(0, 60) }) : t("discovery.search.title"), description: t("discovery.search.description") }),
    // Result pages with filters are not canonical content; the plain search page is.
    [
      ...(location.search ? [{ name: "robots", content: "noindex, follow" }] : []),
      ...(d?.items.length ? [{ "script:ld+json": itemList(d.items.map((p) => productJsonLd(p, d.origin))) }] : []),
    ],
  );

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
