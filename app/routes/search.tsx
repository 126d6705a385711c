import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DiscoveryNotices, Pager } from "~/components/discovery-ui";
import { pageMeta } from "~/components/meta";
import { ProductCard } from "~/components/product-card";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { certificateTypes } from "~/lib/enums";
import { itemList, productJsonLd } from "~/lib/jsonld";
import { formatNumber } from "~/lib/money";
import { productSearchPage } from "~/models/search-page.server";
import { sorts } from "~/lib/search-sorts";
import { SaveSearchForm } from "~/components/save-search";
import { buyerOf } from "~/capabilities/harvest/routes.server";
import type { PageCacheHandle } from "~/services/page-cache.server";

/**
 * Kept rendered for visitors not signed in (app/services/page-cache.server.ts) once its counts are final: a broad
 * search answered "1.000+" while its facets are being counted is rendered again until they are.
 */
export const handle: PageCacheHandle<{ facets: unknown; totalAtLeast: boolean }> = { pageCache: (d) => d.facets !== null && !d.totalAtLeast };

export async function loader({ request }: LoaderFunctionArgs) {
  const { status, data: payload } = productSearchPage(new URL(request.url));
  return data({ ...payload, canSaveSearch: !!buyerOf(request).buyer }, { status });
}

export default function Search() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const q = d.query;
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
          <FacetSelect
            id="search-province"
            name="province"
            label={t("discovery.search.province")}
            any={t("discovery.search.anyProvince")}
            value={q.province ?? ""}
            options={d.provinces.map((p) => ({ value: p.code, text: p.name }))}
            counts={d.facets?.province}
            format={label}
          />
          <FacetSelect
            id="search-cert"
            name="cert"
            label={t("discovery.search.certification")}
            any={t("discovery.search.anyCertification")}
            value={q.certification ?? ""}
            options={certificateTypes.map((c) => ({ value: c, text: t(`badges.type.${c}` as MessageKey) }))}
            counts={d.facets?.certification}
            format={label}
          />
          <FacetSelect
            id="search-stars"
            name="stars"
            label={t("discovery.search.stars")}
            any={t("discovery.search.anyStars")}
            value={q.minStars ? String(q.minStars) : ""}
            options={[3, 4, 5].map((s) => ({ value: String(s), text: t("discovery.search.starsOption", { stars: s }) }))}
            counts={d.facets?.stars}
            format={label}
          />
          <FacetSelect
            id="search-category"
            name="category"
            label={t("discovery.search.category")}
            any={t("discovery.search.anyCategory")}
            value={q.category ?? ""}
            options={d.categories.map((c) => ({ value: c.code, text: `${c.code} ${locale === "en" ? c.en : c.vi}` }))}
            counts={d.facets?.category}
            format={label}
          />
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
          <FacetSelect
            id="search-month"
            name="month"
            label={t("discovery.search.month")}
            any={t("discovery.search.anyMonth")}
            value={q.harvestMonth ? String(q.harvestMonth) : ""}
            options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), text: t("discovery.search.monthOption", { month: i + 1 }) }))}
            counts={d.facets?.month}
            format={label}
          />
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
            {d.totalAtLeast
              ? t("discovery.search.countAtLeast", { count: formatNumber(d.total, locale) })
              : t("discovery.search.count", { count: d.total })}
          </h2>
          {d.totalAtLeast ? <p className="muted">{t("discovery.search.countingFacets")}</p> : null}
          <p className="discovery-to-filters">
            <a href="#filters">{t("discovery.search.filters")}</a>
          </p>
          {d.problems.length ? null : <SaveSearchForm canSave={d.canSaveSearch} search={location.search} suggestedName={d.q || t("discovery.search.title")} />}
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

/** One filter as a select whose options carry their facet counts; empty value means "any". */
function FacetSelect({
  id,
  name,
  label,
  any,
  value,
  options,
  counts,
  format,
}: {
  id: string;
  name: string;
  label: string;
  any: string;
  value: string;
  options: { value: string; text: string }[];
  counts: { value: string; count: number }[] | undefined;
  format: (text: string, n: number | undefined) => string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {format(o.text, counts?.find((f) => f.value === o.value)?.count ?? 0)}
          </option>
        ))}
      </select>
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
