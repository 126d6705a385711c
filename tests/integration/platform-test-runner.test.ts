import { describe, expect, it } from "vitest";
import { summarize } from "../setup/summary.mjs";
import { installCommand } from "../setup/system-deps.mjs";

type Summary = { lines: string[]; ok: boolean; total: { passed: number; failed: number; notRun: number; skipped: number } };
const sum = summarize as (stages: unknown[]) => Summary;
const last = (s: Summary) => s.lines[s.lines.length - 1];

const typecheck = { name: "typecheck", exitCode: 0, report: false };
const vitest = { name: "vitest", exitCode: 0, report: true, passed: 318, failed: 0, skipped: 0 };

describe("npm test's closing line", () => {
  it("a full pass says so, with zero not run, and exits 0", () => {
    const s = sum([typecheck, vitest, { name: "end-to-end", exitCode: 0, report: true, passed: 45, failed: 0, skipped: 0 }]);
    expect(last(s)).toBe("363 passed, 0 failed, 0 not run");
    expect(s.ok).toBe(true);
  });

  it("browser tests refused to start: they are counted as not run and the run is not a pass", () => {
    const s = sum([typecheck, vitest, { name: "end-to-end", exitCode: 1, report: false, tests: 45 }]);
    expect(last(s)).toBe("318 passed, 0 failed, 45 not run");
    expect(s.ok).toBe(false);
    expect(s.lines).toContain("  end-to-end: did not run its tests (0 passed, 0 failed, 45 not run)");
  });

  it("system packages missing and not installable: nothing started, everything not run", () => {
    const s = sum([
      { name: "typecheck", exitCode: null, report: false },
      { name: "vitest", exitCode: null, report: false, tests: 320 },
      { name: "end-to-end", exitCode: null, report: false, tests: 45 },
    ]);
    expect(last(s)).toBe("0 passed, 0 failed, 366 not run");
    expect(s.ok).toBe(false);
    expect(s.lines[0]).toBe("  typecheck: not run (0 passed, 0 failed, 1 not run)");
  });

  it("a stage that exits non-zero without a failed test (unhandled error, crashed worker) counts as a failure", () => {
    const s = sum([typecheck, { ...vitest, exitCode: 1 }]);
    expect(last(s)).toBe("318 passed, 1 failed, 0 not run");
    expect(s.ok).toBe(false);
  });

  it("a typecheck failure is one failure; failed tests are counted as reported; skipped are shown", () => {
    const s = sum([{ ...typecheck, exitCode: 2 }, { ...vitest, exitCode: 1, passed: 310, failed: 8, skipped: 2 }]);
    expect(last(s)).toBe("310 passed, 9 failed, 0 not run, 2 skipped");
    expect(s.lines[0]).toBe("  typecheck: failed");
  });

  it("a stage that neither reported nor could be listed is a failure, never silence", () => {
    const s = sum([typecheck, vitest, { name: "end-to-end", exitCode: 1, report: false }]);
    expect(s.total.failed).toBe(1);
    expect(s.ok).toBe(false);
  });
});

describe("the install command it prints or runs", () => {
  it("is the exact apt-get line, with sudo when not root", () => {
    const all = ["chromium", "fonts-dejavu-core", "poppler-utils", "sqlite3"];
    expect(installCommand(all, { root: true })).toBe("apt-get update && apt-get install -y chromium fonts-dejavu-core poppler-utils sqlite3");
    expect(installCommand(["sqlite3"], { root: false })).toBe("sudo apt-get update && sudo apt-get install -y sqlite3");
  });
});
