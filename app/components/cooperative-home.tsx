import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatNumber, formatVnd } from "~/lib/money";

export type CooperativeHomeData = {
  monthStart: string;
  newOrders: number;
  transfers: number;
  quotes: number;
  expiring: number;
  scans: number;
  monthOrders: number;
  monthSales: number;
};

/** One figure of the dashboard home, a link to where it is acted on; other capabilities use it for their items. */
export function HomeTile({ to, n, label, due }: { to: string; n: string; label: MessageKey; due?: boolean }) {
  const t = useT();
  return (
    <li>
      <Link to={to} className={due ? "commerce-home-due" : undefined}>
        <span className="commerce-home-n">{n}</span>
        <span className="commerce-home-label">{t(label)}</span>
      </Link>
    </li>
  );
}

/**
 * The cooperative's dashboard home: what waits for it and how the month goes, each figure a link to where it is
 * acted on. `extraWaiting` is the slot for other capabilities' items, e.g. `<HomeTile to="/dashboard/lots?flagged=1" … />` for flagged lots.
 */
export function CooperativeHome({ home, unread, extraWaiting }: { home: CooperativeHomeData; unread: number; extraWaiting?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <>
      <section aria-labelledby="home-waiting">
        <h2 id="home-waiting">{t("commerce.home.waiting")}</h2>
        <ul className="commerce-home-tiles">
          <HomeTile to="/dashboard/orders?status=placed" n={n(home.newOrders)} label="commerce.home.newOrders" due={home.newOrders > 0} />
          <HomeTile to="/dashboard/orders?status=confirmed" n={n(home.transfers)} label="commerce.home.transfers" due={home.transfers > 0} />
          <HomeTile to="/dashboard/inquiries" n={n(unread)} label="commerce.home.inquiries" due={unread > 0} />
          <HomeTile to="/dashboard/quotes" n={n(home.quotes)} label="commerce.home.quotes" due={home.quotes > 0} />
          <HomeTile to="/dashboard/certificates" n={n(home.expiring)} label="commerce.home.expiring" due={home.expiring > 0} />
          {extraWaiting}
        </ul>
      </section>
      <section aria-labelledby="home-month">
        <h2 id="home-month">{t("commerce.home.thisMonth")}</h2>
        <ul className="commerce-home-tiles">
          <HomeTile to="/dashboard/lots" n={n(home.scans)} label="commerce.home.scans" />
          <HomeTile to={`/dashboard/orders?from=${home.monthStart}`} n={n(home.monthOrders)} label="commerce.home.orders" />
          <HomeTile to={`/dashboard/orders?from=${home.monthStart}&status=paid`} n={formatVnd(home.monthSales, locale)} label="commerce.home.sales" />
        </ul>
      </section>
    </>
  );
}
