import { Form, Link } from "@remix-run/react";
import { ErrorList, Notice } from "~/components/forms";
import { translateMaybe, useLocale, useT } from "~/i18n";
import { formatDate, formatDateTime } from "~/lib/money";

type Breach = { eventId: number; sprayProduct: string | null; sprayDay: string; intervalDays: number; safeFrom: string; harvestDay: string; daysBeforeHarvest: number };
type Safety = { status: "ok" | "flagged" | "withheld"; breaches: Breach[]; withheld: { note: string; decidedAt: string } | null; earliestSafeHarvest: string | null };
type Decision = { id: number; kind: "spray_confirmed" | "harvest_corrected" | "withheld"; note: string; decidedAt: string; harvestDateBefore: string | null; harvestDateAfter: string | null; by: string | null };
type ActionData = { intent: "withhold" | "correctHarvest"; errors: Record<string, string[] | null>; params?: Record<string, string>; done: boolean; values?: Record<string, string> } | null;

/** One sentence per breach: what was sprayed, when, its interval, and how many days before harvest. */
export function BreachLine({ b }: { b: Breach }) {
  const t = useT();
  const locale = useLocale();
  return <>{t("safety.breach.line", { product: b.sprayProduct ?? "?", day: formatDate(b.sprayDay, locale), interval: b.intervalDays, days: b.daysBeforeHarvest, harvest: formatDate(b.harvestDay, locale) })}</>;
}

/** The lot page's safety section: the breach, what it blocks, and the two decisions the cooperative can record. */
export function SafetyPanel({ lotId, safety, decisions, actionData }: { lotId: number; safety: Safety; decisions: Decision[]; actionData: ActionData }) {
  const t = useT();
  const locale = useLocale();
  const errors = (intent: "withhold" | "correctHarvest", field: string) => {
    const e = actionData?.intent === intent ? actionData.errors[field] : null;
    return e?.map((m) => (m === "safety.errors.stillInside" && actionData?.params?.date ? t("safety.errors.stillInside", { date: formatDate(actionData.params.date, locale) }) : translateMaybe(locale, m))) ?? null;
  };
  const value = (intent: string, name: string) => (actionData?.intent === intent ? actionData.values?.[name] : undefined);
  const history = decisions.length ? (
    <details className="safety-history">
      <summary>{t("safety.history", { n: decisions.length })}</summary>
      <ul>
        {decisions.map((d) => (
          <li key={d.id}>
            {formatDateTime(d.decidedAt, locale)} · {d.by ?? "—"} · <strong>{t(`safety.kind.${d.kind}`)}</strong>
            {d.harvestDateBefore && d.harvestDateAfter ? ` (${formatDate(d.harvestDateBefore, locale)} → ${formatDate(d.harvestDateAfter, locale)})` : ""}
            {d.note ? `: ${d.note}` : ""}
          </li>
        ))}
      </ul>
    </details>
  ) : null;
  if (actionData?.done && safety.status === "ok") {
    return (
      <>
        <Notice tone="success">{t("safety.done.corrected")}</Notice>
        {history}
      </>
    );
  }
  if (safety.status === "ok") return history;
  if (safety.status === "withheld") {
    return (
      <section className="safety-panel safety-withheld" aria-labelledby="safety-title">
        <h2 id="safety-title">{t("safety.panel.withheldTitle")}</h2>
        <p>{t("safety.panel.withheldBody", { date: formatDate(safety.withheld!.decidedAt, locale), note: safety.withheld!.note })}</p>
        {history}
      </section>
    );
  }
  return (
    <section className="safety-panel" aria-labelledby="safety-title" id="safety">
      <h2 id="safety-title">{t("safety.panel.title")}</h2>
      <ul>
        {safety.breaches.map((b) => (
          <li key={b.eventId}>
            <BreachLine b={b} />
          </li>
        ))}
      </ul>
      <p>
        <strong>{t("safety.panel.blocked")}</strong>
      </p>
      <div className="safety-decisions">
        <Form method="post" className="form" action={`/dashboard/lots/${lotId}#safety`}>
          <h3>{t("safety.correct.title")}</h3>
          <p className="hint">{t("safety.correct.hint", { date: safety.earliestSafeHarvest ? formatDate(safety.earliestSafeHarvest, locale) : "—" })}</p>
          <input type="hidden" name="intent" value="correctHarvest" />
          <div className="field">
            <label htmlFor="safety-harvest">{t("safety.correct.date")}</label>
            <input id="safety-harvest" name="harvestDate" type="date" required defaultValue={value("correctHarvest", "harvestDate") ?? safety.earliestSafeHarvest ?? ""} />
            <ErrorList errors={errors("correctHarvest", "harvestDate")} />
          </div>
          <div className="field">
            <label htmlFor="safety-correct-note">{t("safety.note")}</label>
            <textarea id="safety-correct-note" name="note" rows={2} required minLength={5} maxLength={1000} defaultValue={value("correctHarvest", "note")} />
            <ErrorList errors={errors("correctHarvest", "note")} />
          </div>
          <div>
            <button type="submit" className="button">
              {t("safety.correct.submit")}
            </button>
          </div>
        </Form>
        <Form method="post" className="form" action={`/dashboard/lots/${lotId}#safety`}>
          <h3>{t("safety.withhold.title")}</h3>
          <p className="hint">{t("safety.withhold.hint")}</p>
          <input type="hidden" name="intent" value="withhold" />
          <div className="field">
            <label htmlFor="safety-withhold-note">{t("safety.note")}</label>
            <textarea id="safety-withhold-note" name="note" rows={2} required minLength={5} maxLength={1000} defaultValue={value("withhold", "note")} />
            <ErrorList errors={errors("withhold", "note")} />
          </div>
          <div>
            <button type="submit" className="button button-danger">
              {t("safety.withhold.submit")}
            </button>
          </div>
        </Form>
      </div>
      {history}
    </section>
  );
}

/** The second step when recording a spray inside its interval: say what it means and ask for an explicit yes. */
export function SprayConfirm({ breaches }: { breaches: Breach[] }) {
  const t = useT();
  return (
    <div className="safety-confirm" role="alert">
      <p>
        <strong>{t("safety.confirm.title")}</strong>
      </p>
      <ul>
        {breaches.map((b) => (
          <li key={b.eventId}>
            <BreachLine b={b} />
          </li>
        ))}
      </ul>
      <p>{t("safety.confirm.consequence")}</p>
      <label className="checkbox">
        <input type="checkbox" name="confirmBreach" required /> {t("safety.confirm.checkbox")}
      </label>
    </div>
  );
}

/** A small badge for lists. */
export function SafetyBadge({ status }: { status: "flagged" | "withheld" | undefined }) {
  const t = useT();
  if (!status) return null;
  return <span className={`badge ${status === "flagged" ? "safety-badge-flagged" : "safety-badge-withheld"}`}>{t(`safety.status.${status}`)}</span>;
}

type FlaggedLot = { id: number; code: string; productName: string; productNameEn: string | null; status: "flagged" | "withheld"; cooperativeName?: string };

/** Self-contained "flagged lots" item for a dashboard home: nothing when there are none. */
export function FlaggedLots({ lots }: { lots: FlaggedLot[] }) {
  const t = useT();
  const locale = useLocale();
  const open = lots.filter((l) => l.status === "flagged");
  if (!open.length) return null;
  return (
    <section className="notice notice-warning safety-flagged" aria-labelledby="flagged-lots">
      <h2 id="flagged-lots">{t("safety.home.title", { n: open.length })}</h2>
      <p>{t("safety.home.lead")}</p>
      <ul>
        {open.map((l) => (
          <li key={l.id}>
            <Link to={`/dashboard/lots/${l.id}#safety`}>
              {t("safety.home.item", { code: l.code, product: locale === "en" ? (l.productNameEn ?? l.productName) : l.productName })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
