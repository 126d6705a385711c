import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listPage } from "~/capabilities/alliance/lists.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatDateTime, formatNumber, formatVnd } from "~/lib/money";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return listPage(request, params);
}

export default function AllianceList() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const title = t(`alliance.list.title.${d.list}` as MessageKey);
  const cell = (kind: string, prefix: string | undefined, v: string | number | null | undefined) => {
    if (v === null || v === undefined || v === "") return "";
    if (kind === "enum") return t(`${prefix}${v}` as MessageKey);
    if (kind === "vnd") return formatVnd(Number(v), locale);
    if (kind === "number" || kind === "hours") return formatNumber(Number(v), locale);
    if (kind === "date") return formatDate(String(v), locale);
    if (kind === "datetime") return formatDateTime(String(v), locale);
    return String(v);
  };
  return (
    <section className="stack alliance-list">
      <p>
        <Link to={d.backHref}>← {t("alliance.list.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="muted">
        {d.province ? d.province.name : t("alliance.national.all")}
        {d.periodText ? ` · ${d.periodText}` : ""}
      </p>
      {d.error ? (
        <p className="field-error" role="alert">
          {d.error}
        </p>
      ) : null}
      {Object.keys(d.filterDefs).length ? (
        <Form method="get" className="alliance-filters card" aria-label={t("alliance.list.filter")}>
          {[...new URLSearchParams(d.backHref.split("?")[1] ?? "")].map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          {Object.entries(d.filterDefs).map(([name, values]) => (
            <div className="field" key={name}>
              <label htmlFor={`f-${name}`}>{t(`alliance.filter.${name}` as MessageKey)}</label>
              <select id={`f-${name}`} name={name} defaultValue={(d.filters as Record<string, string>)[name] ?? ""}>
                <option value="">{t("alliance.list.any")}</option>
                {values.map((v) => (
                  <option key={v} value={v}>
                    {filterLabel(t, d.list, name, v)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="button button-small">
            {t("alliance.list.filter")}
          </button>
        </Form>
      ) : null}
      {d.error ? null : (
        <>
          <p className="alliance-quick">
            <span>{t("alliance.list.count", { n: formatNumber(d.total, locale) })}</span>
            {d.csvHref ? (
              <a className="button button-secondary button-small" href={d.csvHref} download>
                {t("alliance.list.csv")}
              </a>
            ) : null}
          </p>
          {d.total > d.rows.length ? <p className="muted">{t("alliance.list.truncated", { shown: d.rows.length, n: d.total })}</p> : null}
          {d.rows.length ? (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
              <table>
                <thead>
                  <tr>
                    {d.columns.map((c) => (
                      <th key={c.key} scope="col">
                        {t(`alliance.col.${c.key}` as MessageKey)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.rows.map((r, i) => (
                    <tr key={i}>
                      {d.columns.map((c, j) => {
                        const text = cell(c.kind, c.enumPrefix, r[c.key]);
                        const numeric = c.kind === "number" || c.kind === "vnd" || c.kind === "hours";
                        return j === 0 ? (
                          <th key={c.key} scope="row">
                            {r.href ? <Link to={r.href}>{text}</Link> : text}
                          </th>
                        ) : (
                          <td key={c.key} className={numeric ? "num" : undefined}>
                            {text}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t("alliance.list.empty")}</p>
          )}
        </>
      )}
    </section>
  );
}

function filterLabel(t: ReturnType<typeof useT>, list: string, name: string, v: string) {
  if (name === "type" && list === "cooperatives") return t(`alliance.coopType.${v}` as MessageKey);
  if (name === "type") return t(`catalogue.certType.${v}` as MessageKey);
  if (name === "state") return t(`alliance.coopState.${v}` as MessageKey);
  if (name === "gtin") return t(`alliance.gtin.${v}` as MessageKey);
  if (name === "stars") return t("alliance.stars", { n: v });
  if (name === "answered") return t(v === "yes" ? "alliance.filter.yes" : "alliance.filter.no");
  if (name === "basis") return t(`alliance.filter.basis.${v}` as MessageKey);
  if (name === "method") return t(`orders.method.${v}` as MessageKey);
  if (name === "status" && list === "orders") return t(`orders.status.${v}` as MessageKey);
  if (name === "status") return t(`catalogue.certStatus.${v}` as MessageKey);
  return v;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => ({ title: data ? t(`alliance.list.title.${data.list}` as MessageKey) : t("errors.notFoundTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
