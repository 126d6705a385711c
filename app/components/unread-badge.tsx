import { Link } from "@remix-run/react";
import { useT } from "~/i18n";

/** The header's unread-messages link; `count` from `unreadCount({ organisationId })` (app/models/thread.server.ts). */
export function UnreadBadge({ count }: { count: number }) {
  const t = useT();
  return (
    <Link to="/dashboard/inquiries" className="orders-unread" aria-label={t("orders.unread", { n: count })}>
      <span aria-hidden="true">✉</span>
      {count > 0 ? <span className="orders-unread-count">{count > 99 ? "99+" : count}</span> : null}
    </Link>
  );
}
