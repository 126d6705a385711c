import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, pageMeta } from "~/components/meta";
import { CooperativeCard, ProductCard } from "~/components/product-card";
import { useLocale, useT } from "~/i18n";
import { inSentence } from "~/components/discovery-ui";
import { slugify } from "~/lib/text";
import { formerNamesOf, resolveProvince } from "~/models/province.server";
import { withImage } from "~/models/search-page.server";
import { searchCooperatives, searchProducts } from "~/models/search.server";
import { FollowButton } from "~/components/harvest-ui";
import { followState } from "~/capabilities/harvest/routes.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const raw = params.slug ?? "";
  const resolved = resolveProvince(raw) ?? resolveProvince(raw.replace(/-/g, " "));
  if (!resolved) throw new Response("discovery.problem.provinceNotFound", { status: 404 });
  const url = new URL(request.url);
  // A former unit, a code or a non-canonical spelling: one canonical URL per current unit, saying where it came from.
  if (raw !== resolved.province.slug) {
    const from = resolved.via === "former" ? `?from=${encodeURIComponent(slugify(resolved.formerName))}` : "";
    throw redirect(`/provinces/${resolved.province.slug}${from}`, 301);
  }
  const fromSlug = url.searchParams.get("from");
  const former = fromSlug ? (formerNamesOf(resolved.province.code).find((n) => slugify(n) === fromSlug) ?? null) : null;
  const p = resolved.province;
  const products = searchProducts({ province: p.code, limit: 12, withStats: true });
  const coops = searchCooperatives({ province: p.code, limit: 12 });
  return {
    province: { code: p.code, name: p.name, shortName: p.shortName, slug: p.slug, former: formerNamesOf(p.code) },
    formerName: former,
    products: products.items.map(withImage),
    productTotal: products.total ?? 0,
    coops: coops.items,
    coopTotal: coops.total,
    follow: followState(request, { kind: "province", value: p.code }),
  };
}

export default function ProvincePage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <h1>{t("discovery.province.title", { name: inSentence(d.province.name, locale) })}</h1>
      {d.formerName ? (
        <p className="notice" role="status">
          {t("discovery.notice.former", { former: d.formerName, current: inSentence(d.province.name, locale) })}
        </p>
      ) : null}
      {d.province.former.length ? <p className="muted">{t("discovery.provinces.formerly", { names: d.province.former.join(", ") })}</p> : null}
      <FollowButton kind="province" value={d.province.code} {...d.follow} />
      <p>
        <Link to={`/harvests?province=${d.province.code}`}>{t("harvest.nav.board")}</Link>
      </p>
      <section aria-labelledby="province-coops">
        <h2 id="province-coops">
          {t("discovery.province.cooperatives")} ({d.coopTotal})
        </h2>
        <ul className="grid discovery-grid">
          {d.coops.map((c) => (
            <li key={c.id}>
              <CooperativeCard coop={c} />
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/cooperatives?province=${d.province.code}`}>{t("discovery.province.allCoops", { name: d.province.shortName })}</Link>
        </p>
      </section>
      <section aria-labelledby="province-products">
        <h2 id="province-products">
          {t("discovery.province.products")} ({d.productTotal})
        </h2>
        <ul className="grid discovery-grid">
          {d.products.map((p) => (
            <li key={p.id}>
              <ProductCard product={p} />
            </li>
          ))}
        </ul>
        <p>
          <Link to={`/search?province=${d.province.code}`}>{t("discovery.province.allProducts", { name: d.province.shortName })}</Link>
        </p>
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  d
    ? pageMeta(matches, (t) => ({ title: t("discovery.province.title", { name: inSentence(d.province.name, localeFromMatches(matches)) }), description: t("discovery.province.description", { name: d.province.name }) }), [
        { tagName: "link", rel: "canonical", href: `/provinces/${d.province.slug}` },
      ])
    : [];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
