import { describe, expect, it } from "vitest";
import { barGeometry, labelStep, seriesGeometry, shareGeometry } from "./geometry";

describe("chart geometry", () => {
  it("draws taller bars for larger values, all on one baseline", () => {
    const g = barGeometry([
      { label: "3★", value: 2 },
      { label: "4★", value: 6 },
      { label: "5★", value: 0 },
    ]);
    const [a, b, c] = g.bars;
    expect(b!.height).toBeGreaterThan(a!.height);
    expect(c!.height).toBe(0);
    for (const bar of g.bars) expect(bar.y + bar.height).toBeCloseTo(g.baseline);
    expect(a!.x).toBeLessThan(b!.x);
    expect(g.ticks[0]!.value).toBe(0);
    expect(g.ticks.at(-1)!.value).toBeGreaterThanOrEqual(6);
  });

  it("keeps an all-zero chart drawable", () => {
    const g = barGeometry([{ label: "a", value: 0 }]);
    expect(Number.isFinite(g.bars[0]!.y)).toBe(true);
    expect(g.ticks.length).toBeGreaterThan(1);
  });

  it("makes a line and an area path through every point", () => {
    const g = seriesGeometry([
      { label: "2026-01", value: 10 },
      { label: "2026-02", value: 30 },
      { label: "2026-03", value: 20 },
    ]);
    expect(g.linePath.startsWith("M")).toBe(true);
    expect(g.linePath.match(/L/g)).toHaveLength(2);
    expect(g.areaPath.endsWith("Z")).toBe(true);
    expect(g.points[1]!.y).toBeLessThan(g.points[0]!.y);
  });

  it("clamps shares and thins crowded labels", () => {
    expect(shareGeometry(0.5).filled).toBe(160);
    expect(shareGeometry(2).filled).toBe(320);
    expect(labelStep(12, 280)).toBe(2);
    expect(labelStep(4, 280)).toBe(1);
  });
});
