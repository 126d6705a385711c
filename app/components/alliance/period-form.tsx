import { Form, Link } from "@remix-run/react";
import { useT, type MessageKey } from "~/i18n";

export type PeriodOptions = { quarters: string[]; months: string[]; years: string[] };

/**
 * The period selector: one select (quarters, months, years, or a custom range with two dates) and quick links to
 * this and last quarter. A plain GET form, so it works without JavaScript; on a bad period the values sent come
 * back in it with the message.
 */
export function PeriodForm({
  options,
  selected,
  from,
  to,
  provinceCode,
  error,
  quick,
}: {
  options: PeriodOptions;
  selected: string;
  from: string;
  to: string;
  provinceCode: string | null;
  error: string | null;
  quick: { label: MessageKey; href: string }[];
}) {
  const t = useT();
  return (
    <Form method="get" className="alliance-period card" aria-label={t("alliance.period.legend")}>
      {provinceCode ? <input type="hidden" name="province" value={provinceCode} /> : null}
      <div className="field">
        <label htmlFor="period-key">{t("alliance.period.key")}</label>
        <select id="period-key" name="key" defaultValue={selected} aria-invalid={error ? true : undefined} aria-describedby={error ? "period-error" : undefined}>
          <optgroup label={t("alliance.period.kind.quarter")}>
            {options.quarters.map((k) => (
              <option key={k} value={k}>
                {k.replace("-Q", " · Q")}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("alliance.period.kind.month")}>
            {options.months.map((k) => (
              <option key={k} value={k}>
                {k.slice(5)}/{k.slice(0, 4)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("alliance.period.kind.year")}>
            {options.years.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </optgroup>
          <option value="custom">{t("alliance.period.kind.custom")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="period-from">{t("alliance.period.from")}</label>
        <input id="period-from" name="from" type="date" defaultValue={from} aria-describedby="period-custom-hint" />
      </div>
      <div className="field">
        <label htmlFor="period-to">{t("alliance.period.to")}</label>
        <input id="period-to" name="to" type="date" defaultValue={to} aria-describedby="period-custom-hint" />
      </div>
      <button type="submit" className="button">
        {t("alliance.period.apply")}
      </button>
      <p id="period-custom-hint" className="muted alliance-period-hint">
        {t("alliance.period.customHint")}
      </p>
      {error ? (
        <p id="period-error" className="field-error alliance-period-error" role="alert">
          {t(error as MessageKey)}
        </p>
      ) : null}
      <p className="alliance-quick">
        {quick.map((q) => (
          <Link key={q.label} to={q.href} className="button button-secondary button-small">
            {t(q.label)}
          </Link>
        ))}
      </p>
    </Form>
  );
}
