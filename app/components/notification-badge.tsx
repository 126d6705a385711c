import { Link } from "@remix-run/react";
import { useT } from "~/i18n";

/** The header's notifications link with the unread count (app/models/notification.server.ts). */
export function NotificationBadge({ count }: { count: number }) {
  const t = useT();
  return (
    <Link to="/notifications" className="orders-unread market-bell" aria-label={t("market.unread", { n: count })}>
      <span aria-hidden="true">🔔</span>
      {count > 0 ? <span className="orders-unread-count">{count > 99 ? "99+" : count}</span> : null}
    </Link>
  );
}
