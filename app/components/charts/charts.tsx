import type { barGeometry, seriesGeometry, shareGeometry } from "./geometry";
import { ChartFrame } from "./chart-frame";

/*
 * The SVG charts of the alliance dashboard. They draw geometry computed on the server (./geometry.ts, d3-scale and
 * d3-shape) and passed in by the loader, so no charting code reaches the browser; only `import type` from there.
 */

type Common = { title: string; desc: string; tableLabel: string; headers: [string, string]; format: (n: number) => string; shortFormat?: (n: number) => string };

function Axis({ ticks, left, right, format }: { ticks: { value: number; y: number }[]; left: number; right: number; format: (n: number) => string }) {
  return (
    <g className="chart-axis" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t.value}>
          <line x1={left} x2={right} y1={t.y} y2={t.y} className="chart-grid" />
          <text x={left - 4} y={t.y} dy="0.32em" textAnchor="end">
            {format(t.value)}
          </text>
        </g>
      ))}
    </g>
  );
}

export function BarChart({ geometry: g, labelStep = 1, ...c }: Common & { geometry: ReturnType<typeof barGeometry>; labelStep?: number }) {
  const short = c.shortFormat ?? c.format;
  return (
    <ChartFrame title={c.title} desc={c.desc} width={g.box.width} height={g.box.height} tableLabel={c.tableLabel} table={{ headers: c.headers, rows: g.bars.map((b) => [b.label, c.format(b.value)]) }}>
      <Axis ticks={g.ticks} left={g.box.left} right={g.box.width - g.box.right} format={short} />
      <g aria-hidden="true">
        {g.bars.map((b, i) => (
          <g key={b.label}>
            <rect x={b.x} y={b.y} width={b.width} height={Math.max(b.height, 0)} className="chart-bar" />
            {i % labelStep === 0 ? (
              <text x={b.x + b.width / 2} y={g.box.height - g.box.bottom + 14} textAnchor="middle" className="chart-label">
                {b.label}
              </text>
            ) : null}
          </g>
        ))}
      </g>
    </ChartFrame>
  );
}

export function SeriesChart({ geometry: g, labelStep = 1, ...c }: Common & { geometry: ReturnType<typeof seriesGeometry>; labelStep?: number }) {
  const short = c.shortFormat ?? c.format;
  return (
    <ChartFrame title={c.title} desc={c.desc} width={g.box.width} height={g.box.height} tableLabel={c.tableLabel} table={{ headers: c.headers, rows: g.points.map((p) => [p.label, c.format(p.value)]) }}>
      <Axis ticks={g.ticks} left={g.box.left} right={g.box.width - g.box.right} format={short} />
      <g aria-hidden="true">
        <path d={g.areaPath} className="chart-area" />
        <path d={g.linePath} className="chart-line" />
        {g.points.map((p, i) => (
          <g key={p.label}>
            <circle cx={p.x} cy={p.y} r={2.5} className="chart-point" />
            {i % labelStep === 0 ? (
              <text x={p.x} y={g.box.height - g.box.bottom + 14} textAnchor="middle" className="chart-label">
                {p.label}
              </text>
            ) : null}
          </g>
        ))}
      </g>
    </ChartFrame>
  );
}

export function ShareChart({ geometry: g, title, desc, tableLabel, label, value }: { geometry: ReturnType<typeof shareGeometry>; title: string; desc: string; tableLabel: string; label: string; value: string }) {
  return (
    <ChartFrame title={title} desc={desc} width={g.box.width} height={g.box.height} tableLabel={tableLabel} table={{ headers: [label, value], rows: [[label, value]] }}>
      <g aria-hidden="true">
        <rect x={0} y={0} width={g.box.width} height={g.box.height} rx={4} className="chart-track" />
        <rect x={0} y={0} width={g.filled} height={g.box.height} rx={4} className="chart-bar" />
        <text x={g.box.width / 2} y={g.box.height / 2} dy="0.35em" textAnchor="middle" className="chart-share-label">
          {value}
        </text>
      </g>
    </ChartFrame>
  );
}
