import { Link } from "@remix-run/react";
import { useT } from "~/i18n";

export type FigureView = { id: string; label: string; value: string; previous: string | null; change: { direction: "up" | "down" | "same"; diff: string } | null; how: string; href: string | null; note?: string };

/** One figure: its value, the change on the previous period (▲/▼ and the difference), how it is counted, its list. */
export function FigureCard({ f }: { f: FigureView }) {
  const t = useT();
  return (
    <div className="card alliance-figure" data-figure={f.id}>
      <dt>{f.label}</dt>
      <dd className="alliance-figure-value">{f.value}</dd>
      {f.note ? <dd className="muted">{f.note}</dd> : null}
      {f.change ? (
        <dd className={`alliance-change alliance-change-${f.change.direction}`}>
          {t(`alliance.change.${f.change.direction}`, { diff: f.change.diff })}
          {f.previous !== null ? <span className="muted"> · {t("alliance.previous", { value: f.previous })}</span> : null}
        </dd>
      ) : null}
      <dd>
        <details className="alliance-how">
          <summary>{t("alliance.how")}</summary>
          <p>{f.how}</p>
        </details>
      </dd>
      {f.href ? (
        <dd>
          <Link to={f.href} aria-label={`${t("alliance.openList")}: ${f.label}`}>
            {t("alliance.openList")}
          </Link>
        </dd>
      ) : null}
    </div>
  );
}
