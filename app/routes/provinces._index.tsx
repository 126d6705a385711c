import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { formerNamesOf, listProvinces } from "~/models/province.server";
import { cooperativeCountsByProvince, productCountsByProvince } from "~/models/search.server";

export async function loader() {
  const products = productCountsByProvince();
  const coops = cooperativeCountsByProvince();
  return {
    provinces: listProvinces().map((p) => ({
      code: p.code,
      name: p.name,
      slug: p.slug,
      former: formerNamesOf(p.code),
      products: products.get(p.code) ?? 0,
      coops: coops.get(p.code) ?? 0,
    })),
  };
}

export default function Provinces() {
  const { provinces } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <h1>{t("discovery.provinces.title")}</h1>
      <p className="muted">{t("discovery.provinces.description")}</p>
      <ul className="grid province-grid">
        {provinces.map((p) => (
          <li key={p.code} className="card">
            <h2 className="province-name">
              <Link to={`/provinces/${p.slug}`}>{p.name}</Link>
            </h2>
            <p className="muted">{t("discovery.provinces.counts", { coops: p.coops, products: p.products })}</p>
            {p.former.length ? <p className="muted">{t("discovery.provinces.formerly", { names: p.former.join(", ") })}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, (t) => ({ title: t("discovery.provinces.title"), description: t("discovery.provinces.description") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
