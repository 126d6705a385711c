import { useT, type MessageKey } from "~/i18n";

const tone: Record<string, string> = {
  rejected: "badge badge-danger",
  cancelled: "badge badge-danger",
  expired: "badge badge-pending",
  placed: "badge badge-pending",
};

export function OrderStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`${tone[status] ?? "badge"} orders-status orders-status-${status}`}>{t(`orders.status.${status}` as MessageKey)}</span>;
}
