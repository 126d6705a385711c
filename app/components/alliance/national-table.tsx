import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { formatNumber, formatVnd } from "~/lib/money";

type Row = { provinceCode: string; name: string; cooperatives: number; verified: number; members: number; published: number; validGtin: number; ocop: number; lots: number; scans: number; inquiries: number; answered: number; ordersPlaced: number; paidValue: number; paidOrders: number };

/** The platform admin's national view: the 34 provinces side by side, each linking to its own dashboard. */
export function NationalTable({ rows, query }: { rows: Row[]; query: string }) {
  const t = useT();
  const locale = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  const q = new URLSearchParams(query);
  q.delete("province");
  return (
    <section className="stack" aria-labelledby="national-title">
      <h2 id="national-title">{t("alliance.national.title")}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="national-title">
        <table className="alliance-national">
          <thead>
            <tr>
              <th scope="col">{t("alliance.national.province")}</th>
              <th scope="col">{t("alliance.f.cooperatives")}</th>
              <th scope="col">{t("alliance.f.verified")}</th>
              <th scope="col">{t("alliance.f.households")}</th>
              <th scope="col">{t("alliance.f.published")}</th>
              <th scope="col">{t("alliance.f.gtinShare")}</th>
              <th scope="col">{t("alliance.f.ocop")}</th>
              <th scope="col">{t("alliance.f.lots")}</th>
              <th scope="col">{t("alliance.f.scans")}</th>
              <th scope="col">{t("alliance.f.inquiries")}</th>
              <th scope="col">{t("alliance.f.ordersPlaced")}</th>
              <th scope="col">{t("alliance.f.paidValue")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.provinceCode}>
                <th scope="row">
                  <Link to={`/alliance/dashboard?province=${r.provinceCode}&${q.toString()}`} aria-label={t("alliance.national.open", { name: r.name })}>
                    {r.name}
                  </Link>
                </th>
                <td>{n(r.cooperatives)}</td>
                <td>{n(r.verified)}</td>
                <td>{n(r.members)}</td>
                <td>{n(r.published)}</td>
                <td>{r.published ? new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { style: "percent", maximumFractionDigits: 0 }).format(r.validGtin / r.published) : ""}</td>
                <td>{n(r.ocop)}</td>
                <td>{n(r.lots)}</td>
                <td>{n(r.scans)}</td>
                <td>{n(r.inquiries)}</td>
                <td>{n(r.ordersPlaced)}</td>
                <td>{formatVnd(r.paidValue, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
