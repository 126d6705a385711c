import { Link } from "@remix-run/react";
import { useT } from "~/i18n";

/** The header's notifications link with the unread count (app/models/notification.server.ts). */
export function NotificationBadge({ count }: { count: number }) {
  const t = useT();
  return (
    <Link to="/notifications" className="orders-unread market-bell" aria-label={t("market.unread", { n: count })}>
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 ? <span className="orders-unread-count">{count > 99 ? "99+" : count}</span> : null}
    </Link>
  );
}
