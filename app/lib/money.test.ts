import { describe, expect, it } from "vitest";
import { formatDate, formatVnd } from "./money";

describe("formatVnd", () => {
  it("writes Vietnamese and English forms", () => {
    expect(formatVnd(125000, "vi").replace(/\u00a0/g, " ")).toBe("125.000 ₫");
    expect(formatVnd(125000, "en")).toBe("₫125,000");
  });
});

describe("formatDate", () => {
  it("formats a calendar date without shifting the day", () => {
    expect(formatDate("2026-01-31", "en")).toContain("31");
  });
});
