import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { area, line } from "d3-shape";

/*
 * Chart geometry, computed once on the server with d3-scale (the axes) and d3-shape (the paths): no DOM, no
 * browser code. The SVG components and the PDF report draw from the same numbers and path strings, so the
 * report's charts are the page's charts.
 */

export type Datum = { label: string; value: number };
export type Box = { width: number; height: number; top: number; right: number; bottom: number; left: number };
export const defaultBox: Box = { width: 320, height: 180, top: 12, right: 8, bottom: 28, left: 44 };

export type Tick = { value: number; y: number };
export type Bar = { label: string; value: number; x: number; y: number; width: number; height: number };

/** Up to five round tick values from 0 to at least `max`. */
function yScale(max: number, box: Box) {
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(4)
    .range([box.height - box.bottom, box.top]);
  const ticks: Tick[] = y.ticks(4).map((value) => ({ value, y: y(value) }));
  return { y, ticks };
}

/** Vertical bars, one per datum, on a shared zero baseline. */
export function barGeometry(data: Datum[], box: Box = defaultBox) {
  const x = scaleBand<string>()
    .domain(data.map((d) => d.label))
    .range([box.left, box.width - box.right])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const { y, ticks } = yScale(Math.max(0, ...data.map((d) => d.value)), box);
  const baseline = y(0);
  const bars: Bar[] = data.map((d) => ({ label: d.label, value: d.value, x: x(d.label) ?? 0, y: y(d.value), width: x.bandwidth(), height: baseline - y(d.value) }));
  return { box, bars, ticks, baseline };
}

export type Point = { label: string; value: number; x: number; y: number };

/** A time series as a line and the area under it (SVG path strings), with a point per datum. */
export function seriesGeometry(data: Datum[], box: Box = defaultBox) {
  const x = scalePoint<string>()
    .domain(data.map((d) => d.label))
    .range([box.left + 6, box.width - box.right - 6]);
  const { y, ticks } = yScale(Math.max(0, ...data.map((d) => d.value)), box);
  const points: Point[] = data.map((d) => ({ label: d.label, value: d.value, x: x(d.label) ?? box.left, y: y(d.value) }));
  const linePath = line<Point>()
    .x((p) => p.x)
    .y((p) => p.y)(points) ?? "";
  const areaPath = area<Point>()
    .x((p) => p.x)
    .y0(y(0))
    .y1((p) => p.y)(points) ?? "";
  return { box, points, ticks, linePath, areaPath, baseline: y(0) };
}

/** A share from 0 to 1 as a filled horizontal bar. */
export function shareGeometry(share: number, box: Pick<Box, "width" | "height"> = { width: 320, height: 24 }) {
  const clamped = Math.max(0, Math.min(1, share));
  const x = scaleLinear().domain([0, 1]).range([0, box.width]);
  return { box, filled: x(clamped), share: clamped };
}

/** Which labels to print under a crowded axis: every k-th, so they do not overlap at 360 px. */
export function labelStep(n: number, room: number, perLabel = 34): number {
  return Math.max(1, Math.ceil((n * perLabel) / Math.max(room, 1)));
}
