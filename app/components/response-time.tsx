import { useT } from "~/i18n";

/** "Usually replies within …" for a cooperative profile; `hours` from `typicalResponseHours({ cooperativeId })`. */
export function ResponseTime({ hours }: { hours: number | null }) {
  const t = useT();
  const text =
    hours === null
      ? t("orders.response.none")
      : hours <= 1
        ? t("orders.response.withinHour")
        : hours < 48
          ? t("orders.response.hours", { n: Math.ceil(hours) })
          : t("orders.response.days", { n: Math.ceil(hours / 24) });
  return <span className="orders-response-time">{text}</span>;
}
