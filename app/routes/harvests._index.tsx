import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AnnouncementCard, FollowButton } from "~/components/harvest-ui";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { certificateTypes } from "~/lib/enums";
import { boardPage } from "~/capabilities/harvest/board.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { status, data: payload } = boardPage(request);
  return data(payload, { status });
}

export default function HarvestBoard() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const pageLink = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ q: d.filters.q, category: d.filters.category, province: d.filters.province, cert: d.filters.cert, coop: d.filters.coop })) if (v) p.set(k, v);
    p.set("page", String(page));
    return `/harvests?${p}`;
  };
  return (
    <div className="stack">
      <h1>{t("harvest.board.title")}</h1>
      <p>{t("harvest.board.intro")}</p>
      {d.notices.map((n) => (
        <p key={n.former} className="notice" role="status">
          {t("harvest.board.formerProvince", n)}
        </p>
      ))}
      {d.problems.length ? (
        <div className="notice notice-warning" role="alert">
          {d.problems.map((p) => (
            <p key={p}>{t("harvest.board.badFilter", { param: p })}</p>
          ))}
        </div>
      ) : null}
      <Form method="get" className="harvest-filters" aria-label={t("harvest.board.filters")}>
        {d.filters.coop ? <input type="hidden" name="coop" value={d.filters.coop} /> : null}
        <div className="field">
          <label htmlFor="harvest-q">{t("harvest.board.query")}</label>
          <input id="harvest-q" type="search" name="q" defaultValue={d.filters.q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="harvest-category">{t("discovery.search.category")}</label>
          <select id="harvest-category" name="category" defaultValue={d.filters.category}>
            <option value="">{t("discovery.search.anyCategory")}</option>
            {d.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {locale === "en" ? c.en : c.vi}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="harvest-province">{t("discovery.search.province")}</label>
          <select id="harvest-province" name="province" defaultValue={d.filters.province}>
            <option value="">{t("discovery.search.anyProvince")}</option>
            {d.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="harvest-cert">{t("discovery.search.certification")}</label>
          <select id="harvest-cert" name="cert" defaultValue={d.filters.cert}>
            <option value="">{t("discovery.search.anyCertification")}</option>
            {certificateTypes.map((c) => (
              <option key={c} value={c}>
                {t(`badges.type.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="discovery-actions">
          <button type="submit" className="button">
            {t("harvest.board.apply")}
          </button>
          <Link to="/harvests">{t("harvest.board.reset")}</Link>
        </div>
      </Form>
      {d.followCategory ? <FollowButton kind="category" value={d.filters.category} {...d.followCategory} /> : null}
      {d.followProvince ? <FollowButton kind="province" value={d.filters.province} {...d.followProvince} /> : null}
      <h2 aria-live="polite">{t("harvest.board.count", { n: d.total })}</h2>
      {d.items.length ? (
        <ul className="grid harvest-grid">
          {d.items.map((a) => (
            <li key={a.id}>
              <AnnouncementCard a={a} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("harvest.board.empty")}</p>
      )}
      {d.pageCount > 1 ? (
        <nav aria-label={t("discovery.pager.label")} className="harvest-pager">
          {d.page > 1 ? <Link to={pageLink(d.page - 1)}>←</Link> : null} <span>{`${d.page} / ${d.pageCount}`}</span>{" "}
          {d.page < d.pageCount ? <Link to={pageLink(d.page + 1)}>→</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("harvest.board.title"), description: t("harvest.board.intro") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
