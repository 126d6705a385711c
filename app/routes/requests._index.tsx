import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { RequestCard } from "~/components/market";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { getT } from "~/i18n";
import { certificateTypes } from "~/lib/enums";
import { parseBoardParams } from "~/capabilities/market/board.server";
import { listCategories, listProvinces } from "~/models/province.server";
import { BOARD_PAGE, listBoard } from "~/models/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const t = getT(getLocale(request));
  const parsed = parseBoardParams(url.searchParams);
  // Bad parameters are explained and dropped; the status says the URL was wrong.
  const page = parsed.query.page ?? 1;
  const result = listBoard({ ...parsed.query, cursor: undefined, page, limit: BOARD_PAGE });
  const body = {
    items: result.items,
    total: result.total ?? 0,
    page,
    pageCount: Math.max(1, Math.ceil((result.total ?? 0) / BOARD_PAGE)),
    filters: { q: parsed.q, category: parsed.query.category ?? "", province: url.searchParams.get("province") ?? "", cert: parsed.query.certification ?? "" },
    problems: parsed.problems.map((p) => t(p.key as MessageKey, { value: p.value })),
    notices: parsed.notices.map((n) => ({ former: n.former, current: n.current.shortName })),
    categories: listCategories().map((c) => ({ value: c.code, vi: c.nameVi, en: c.nameEn })),
    provinces: listProvinces().map((p) => ({ code: p.code, name: p.shortName })),
  };
  return data(body, { status: parsed.problems.length ? 400 : 200 });
}

export default function Board() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const names = Object.fromEntries(d.provinces.map((p) => [p.code, p.name]));
  const provinceName = (code: string | null) => (code ? (names[code] ?? code) : "");
  const pageLink = (page: number) => {
    const p = new URLSearchParams(Object.entries(d.filters).filter(([, v]) => v));
    p.set("page", String(page));
    return `/requests?${p}`;
  };
  return (
    <section className="stack market-board">
      <div className="market-head">
        <h1>{t("market.board.title")}</h1>
        <Link to="/requests/new" className="button">
          {t("market.board.post")}
        </Link>
      </div>
      <p>{t("market.board.intro")}</p>
      <Form method="get" className="market-filters" role="search">
        <div className="field">
          <label htmlFor="rq-q">{t("market.board.q")}</label>
          <input id="rq-q" type="search" name="q" defaultValue={d.filters.q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="rq-category">{t("market.board.category")}</label>
          <select id="rq-category" name="category" defaultValue={d.filters.category}>
            <option value="">{t("market.board.any")}</option>
            {d.categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.value} {locale === "en" ? c.en : c.vi}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rq-province">{t("market.board.province")}</label>
          <input id="rq-province" name="province" defaultValue={d.filters.province} list="rq-provinces" />
          <datalist id="rq-provinces">
            {d.provinces.map((p) => (
              <option key={p.code} value={p.name} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="rq-cert">{t("market.board.cert")}</label>
          <select id="rq-cert" name="cert" defaultValue={d.filters.cert}>
            <option value="">{t("market.board.any")}</option>
            {certificateTypes.map((c) => (
              <option key={c} value={c}>
                {t(`catalogue.certType.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("market.board.filter")}
        </button>
      </Form>
      {d.problems.map((p) => (
        <Notice key={p} tone="warning">
          {p}
        </Notice>
      ))}
      {d.notices.map((n) => (
        <Notice key={n.former}>{t("market.board.formerNotice", n)}</Notice>
      ))}
      <p aria-live="polite">{t("market.board.count", { n: d.total })}</p>
      {d.items.length ? (
        <ul className="market-cards">
          {d.items.map((r) => (
            <RequestCard key={r.id} request={r} href={`/requests/${r.id}`} provinceName={provinceName} />
          ))}
        </ul>
      ) : (
        <p>{t("market.board.empty")}</p>
      )}
      {d.pageCount > 1 ? (
        <nav className="market-pager" aria-label={t("market.board.page", { page: d.page })}>
          {d.page > 1 ? <Link to={pageLink(d.page - 1)}>{t("market.board.prev")}</Link> : null}
          <span>{t("market.board.page", { page: d.page })}</span>
          {d.page < d.pageCount ? <Link to={pageLink(d.page + 1)}>{t("market.board.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("market.board.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
