import { Link } from "@remix-run/react";
import { useLocale, useT, type MessageKey } from "~/i18n";

/** "Tỉnh Vĩnh Long" reads "tỉnh Vĩnh Long" inside a Vietnamese sentence. */
export function inSentence(name: string, locale: string) {
  return locale === "vi" ? name.replace(/^(Tỉnh|Thành phố)/u, (m) => m.toLowerCase()) : name;
}

export function DiscoveryNotices({
  notices,
  problems,
  pastEnd,
}: {
  notices: { former: string; current: string; currentShort: string; slug: string }[];
  problems: { param: string; key: string; value: string }[];
  pastEnd?: { page: number; pages: number } | null;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {notices.map((n) => (
        <p key={n.former} className="notice" role="status">
          {t("discovery.notice.former", { former: n.former, current: locale === "vi" ? inSentence(n.current, locale) : n.currentShort })}{" "}
          <Link to={`/provinces/${n.slug}`}>{t("discovery.notice.seeProvince", { name: locale === "vi" ? n.current : n.currentShort })}</Link>
        </p>
      ))}
      {problems.length ? (
        <div className="notice notice-warning" role="alert">
          <p>{t("discovery.notice.problems")}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.param + p.key}>{t(p.key as MessageKey, { value: p.value })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {pastEnd ? (
        <p className="notice notice-warning" role="alert">
          {t("discovery.search.pastEnd", { page: pastEnd.page, pages: pastEnd.pages })}
        </p>
      ) : null}
    </>
  );
}

/** Previous/next links that keep every other parameter of the URL. */
export function Pager({ page, pageCount, search }: { page: number; pageCount: number; search: string }) {
  const t = useT();
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    if (p <= 1) params.delete("page");
    else params.set("page", String(p));
    const s = params.toString();
    return s ? `?${s}` : "?";
  };
  return (
    <nav className="pager" aria-label={t("discovery.pager.label")}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          {t("discovery.pager.prev")}
        </Link>
      ) : null}
      <span>{t("discovery.pager.status", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next">
          {t("discovery.pager.next")}
        </Link>
      ) : null}
    </nav>
  );
}
