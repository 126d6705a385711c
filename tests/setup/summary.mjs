// The closing lines of `npm test`: one per stage, then one total that counts every stage, so a run in which a stage
// did not run (or broke before reporting) can never end with a line that reads as a full pass.

const counts = ({ passed, failed, notRun, skipped }) =>
  `${passed} passed, ${failed} failed, ${notRun} not run${skipped ? `, ${skipped} skipped` : ""}`;

/**
 * @typedef {{ name: string, exitCode: number | null, report: boolean,
 *   passed?: number, failed?: number, skipped?: number, tests?: number }} Stage
 * `exitCode`: null when the stage was never started. `report`: the stage wrote its results (counts below).
 * `tests`: how many tests the stage holds, counted by listing them; used when it did not report.
 * A stage without tests of its own (typecheck) counts as one check: failed when its exit code is not 0, not run
 * when it never started.
 * @param {Stage[]} stages
 * @returns {{ lines: string[], ok: boolean, total: { passed: number, failed: number, notRun: number, skipped: number } }}
 */
export function summarize(stages) {
  const total = { passed: 0, failed: 0, notRun: 0, skipped: 0 };
  const lines = [];
  for (const s of stages) {
    const c = { passed: 0, failed: 0, notRun: 0, skipped: 0 };
    if (s.report) {
      c.passed = s.passed ?? 0;
      c.failed = s.failed ?? 0;
      c.skipped = s.skipped ?? 0;
      // Exit code not 0 with no failed test: an unhandled error, a crashed worker, a server that would not start.
      if (s.exitCode !== 0 && c.failed === 0) c.failed = 1;
    } else if (s.tests !== undefined && s.tests > 0) {
      c.notRun = s.tests;
    } else if (s.exitCode === null) {
      // Never started and nothing listed (typecheck): the stage itself is one check not run.
      c.notRun = 1;
    } else if (s.exitCode !== 0) {
      // Nothing to count (typecheck), or not even the listing worked: the stage itself is the failure.
      c.failed = 1;
    }
    for (const k of Object.keys(total)) total[k] += c[k];
    const state = s.exitCode === null ? "not run" : s.exitCode === 0 && c.failed === 0 && c.notRun === 0 ? "ok" : c.notRun ? "did not run its tests" : "failed";
    lines.push(`  ${s.name}: ${state}${s.report || c.notRun ? ` (${counts(c)})` : ""}`);
  }
  const ok = stages.every((s) => s.exitCode === 0) && total.failed === 0 && total.notRun === 0;
  return { lines: [...lines, counts(total)], ok, total };
}
