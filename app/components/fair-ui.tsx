import { useLocale, useT } from "~/i18n";
import { fairPhase } from "~/lib/fair-rules";
import { formatDate } from "~/lib/money";

export function FairPhaseBadge({ fair, today }: { fair: { startDate: string; endDate: string; state?: string }; today: string }) {
  const t = useT();
  if (fair.state === "cancelled") return <span className="badge badge-danger">{t("fairs.state.cancelled")}</span>;
  const phase = fairPhase(fair, today);
  return <span className={`badge fairs-phase fairs-phase-${phase}`}>{t(`fairs.phase.${phase}`)}</span>;
}

export function FairDates({ fair }: { fair: { startDate: string; endDate: string } }) {
  const t = useT();
  const locale = useLocale();
  if (fair.startDate === fair.endDate) return <>{formatDate(fair.startDate, locale)}</>;
  return <>{t("fairs.dates", { from: formatDate(fair.startDate, locale), to: formatDate(fair.endDate, locale) })}</>;
}

/** "Gian A12", or "not numbered yet" before the organiser gives one. */
export function BoothLabel({ number }: { number: string | null }) {
  const t = useT();
  return <>{number ? t("fairs.public.booth", { number }) : t("fairs.public.boothUnnumbered")}</>;
}
