import { describe, expect, it } from "vitest";
import { change, median, monthsEnding, monthsIn, parsePeriod, previousPeriod, recentKeys, vietnamDate, vietnamDayStartUtc, weekStart, weeksIn } from "./periods";

const ok = (input: Parameters<typeof parsePeriod>[0], today: string) => {
  const r = parsePeriod(input, today);
  if (!r.ok) throw new Error(r.error);
  return r.period;
};

describe("parsePeriod", () => {
  it("defaults to the current quarter, to date", () => {
    expect(ok({}, "2026-12-02")).toMatchObject({ kind: "quarter", key: "2026-Q4", from: "2026-10-01", to: "2026-12-02", end: "2026-12-31" });
  });

  it("knows quarter boundaries", () => {
    expect(ok({ kind: "quarter", key: "2026-Q1" }, "2026-12-02")).toMatchObject({ from: "2026-01-01", to: "2026-03-31" });
    expect(ok({ kind: "quarter", key: "2026-Q2" }, "2026-12-02")).toMatchObject({ from: "2026-04-01", to: "2026-06-30" });
    expect(ok({ kind: "quarter", key: "2026-Q3" }, "2026-12-02")).toMatchObject({ from: "2026-07-01", to: "2026-09-30" });
  });

  it("handles leap Februaries", () => {
    expect(ok({ kind: "month", key: "2028-02" }, "2028-12-01").to).toBe("2028-02-29");
    expect(ok({ kind: "month", key: "2026-02" }, "2026-12-01").to).toBe("2026-02-28");
  });

  it("refuses a future period, a reversed or future custom range, and a malformed key", () => {
    expect(parsePeriod({ kind: "quarter", key: "2027-Q1" }, "2026-12-02")).toEqual({ ok: false, error: "alliance.period.errors.future" });
    expect(parsePeriod({ kind: "custom", from: "2026-05-10", to: "2026-05-01" }, "2026-12-02")).toEqual({ ok: false, error: "alliance.period.errors.reversed" });
    expect(parsePeriod({ kind: "custom", from: "2026-11-10", to: "2026-12-05" }, "2026-12-02")).toEqual({ ok: false, error: "alliance.period.errors.future" });
    expect(parsePeriod({ kind: "custom", from: "2020-01-01", to: "2026-12-01" }, "2026-12-02")).toEqual({ ok: false, error: "alliance.period.errors.tooLong" });
    expect(parsePeriod({ kind: "month", key: "2026-13" }, "2026-12-02")).toEqual({ ok: false, error: "alliance.period.errors.invalid" });
    expect(parsePeriod({ kind: "custom", from: "2026-02-30", to: "2026-03-01" }, "2026-12-02")).toEqual({ ok: false, error: "alliance.period.errors.invalid" });
    expect(parsePeriod({ kind: "week" }, "2026-12-02")).toEqual({ ok: false, error: "alliance.period.errors.invalid" });
  });
});

describe("previousPeriod", () => {
  it("steps back a whole month, quarter or year across year ends", () => {
    expect(previousPeriod(ok({ kind: "month", key: "2026-01" }, "2026-12-02"))).toMatchObject({ key: "2025-12", from: "2025-12-01", to: "2025-12-31" });
    expect(previousPeriod(ok({ kind: "quarter", key: "2026-Q1" }, "2026-12-02"))).toMatchObject({ key: "2025-Q4", from: "2025-10-01", to: "2025-12-31" });
    expect(previousPeriod(ok({ kind: "year", key: "2025" }, "2026-12-02"))).toMatchObject({ key: "2024", from: "2024-01-01", to: "2024-12-31" });
  });

  it("compares a period to date with the same days of the previous one", () => {
    expect(previousPeriod(ok({ kind: "quarter", key: "2026-Q4" }, "2026-12-02"))).toMatchObject({ key: "2026-Q3", from: "2026-07-01", to: "2026-09-01" });
    // 31 March to date: February has no 31st, so the whole of February.
    expect(previousPeriod(ok({ kind: "month", key: "2026-03" }, "2026-03-30"))).toMatchObject({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("takes the same number of days just before a custom range", () => {
    expect(previousPeriod(ok({ kind: "custom", from: "2026-03-01", to: "2026-03-10" }, "2026-12-02"))).toMatchObject({ from: "2026-02-19", to: "2026-02-28" });
  });
});

describe("Viet Nam dates and buckets", () => {
  it("puts an evening UTC timestamp on the next Viet Nam day", () => {
    expect(vietnamDate("2026-06-30T16:59:59.000Z")).toBe("2026-06-30");
    expect(vietnamDate("2026-06-30T17:00:00.000Z")).toBe("2026-07-01");
    expect(vietnamDayStartUtc("2026-07-01")).toBe("2026-06-30T17:00:00.000Z");
  });

  it("starts weeks on Monday and lists months", () => {
    expect(weekStart("2026-12-06")).toBe("2026-11-30"); // a Sunday
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    expect(weeksIn("2026-12-01", "2026-12-14")).toEqual(["2026-11-30", "2026-12-07", "2026-12-14"]);
    expect(monthsEnding("2026-02-10", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(monthsIn("2025-11-20", "2026-01-03")).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(recentKeys("quarter", "2026-02-01", 3)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
  });

  it("computes change and median, and says nothing without data", () => {
    expect(change(5, 3)).toEqual({ direction: "up", diff: 2 });
    expect(change(1, 3)).toEqual({ direction: "down", diff: -2 });
    expect(change(null, 3)).toBeNull();
    expect(median([1, 2, 10])).toBe(2);
    expect(median([1, 3])).toBe(2);
    expect(median([])).toBeNull();
  });
});
