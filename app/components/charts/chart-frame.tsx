import { useId, type ReactNode } from "react";

/**
 * An accessible chart: the SVG names itself with <title> and <desc>, and the numbers it draws sit in a table
 * behind a <details>, so a screen reader, a text browser or a reader without JavaScript gets every value.
 */
export function ChartFrame({
  title,
  desc,
  width,
  height,
  table,
  tableLabel,
  children,
}: {
  title: string;
  desc: string;
  width: number;
  height: number;
  table: { headers: string[]; rows: (string | number)[][] };
  tableLabel: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="chart">
      <figcaption aria-hidden="true">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="chart-svg" preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {children}
      </svg>
      <details className="chart-data">
        <summary>{tableLabel}</summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table>
            <thead>
              <tr>
                {table.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={j}>{c}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
