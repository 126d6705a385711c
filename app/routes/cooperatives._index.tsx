import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DiscoveryNotices, Pager } from "~/components/discovery-ui";
import { pageMeta } from "~/components/meta";
import { CooperativeCard } from "~/components/product-card";
import { useT, type MessageKey } from "~/i18n";
import { certificateTypes } from "~/lib/enums";
import { itemList, organizationJsonLd } from "~/lib/jsonld";
import { cooperativeDirectoryPage } from "~/models/search-page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { status, data: payload } = cooperativeDirectoryPage(new URL(request.url));
  return data(payload, { status });
}

export default function Cooperatives() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  return (
    <div className="discovery-search">
      <h1>{t("discovery.coops.title")}</h1>
      <DiscoveryNotices notices={d.notices} problems={d.problems} pastEnd={d.pastEnd} />
      <Form method="get" action="/cooperatives" className="discovery-filters discovery-filters-inline" aria-label={t("discovery.search.filters")}>
        <div className="field">
          <label htmlFor="coop-q">{t("discovery.coops.query")}</label>
          <input id="coop-q" type="search" name="q" defaultValue={d.q} maxLength={500} />
        </div>
        <div className="field">
          <label htmlFor="coop-province">{t("discovery.search.province")}</label>
          <select id="coop-province" name="province" defaultValue={d.query.province ?? ""}>
            <option value="">{t("discovery.search.anyProvince")}</option>
            {d.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="coop-cert">{t("discovery.search.certification")}</label>
          <select id="coop-cert" name="cert" defaultValue={d.query.certification ?? ""}>
            <option value="">{t("discovery.search.anyCertification")}</option>
            {certificateTypes.map((c) => (
              <option key={c} value={c}>
                {t(`badges.type.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <label className="discovery-check">
          <input type="checkbox" name="verified" value="1" defaultChecked={d.query.verifiedOnly ?? false} /> {t("discovery.search.verified")}
        </label>
        <div className="discovery-actions">
          <button type="submit" className="button">
            {t("discovery.search.apply")}
          </button>
          <Link to="/cooperatives">{t("discovery.search.reset")}</Link>
        </div>
      </Form>
      <h2 className="discovery-count" aria-live="polite">
        {t("discovery.coops.count", { count: d.total })}
      </h2>
      {d.items.length ? (
        <ul className="grid discovery-grid">
          {d.items.map((c) => (
            <li key={c.id}>
              <CooperativeCard coop={c} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="notice">{t("discovery.coops.none")}</p>
      )}
      <Pager page={d.page} pageCount={d.pageCount} search={location.search} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, location, data: d }) =>
  pageMeta(matches, (t) => ({ title: t("discovery.coops.title"), description: t("discovery.coops.description") }), [
    ...(location.search ? [{ name: "robots", content: "noindex, follow" }] : []),
    ...(d?.items.length ? [{ "script:ld+json": itemList(d.items.map((c) => organizationJsonLd(c, d.origin))) }] : []),
  ]);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
