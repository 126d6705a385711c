// `npm test`: typecheck, vitest, then the end-to-end suite, and one closing line with the totals.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const tmp = "tests/.tmp";
fs.mkdirSync(tmp, { recursive: true });
const vitestJson = `${tmp}/vitest-results.json`;
const playwrightJson = `${tmp}/playwright-results.json`;
for (const f of [vitestJson, playwrightJson]) fs.rmSync(f, { force: true });

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

const results = [];
results.push(step("typecheck", "npx", ["tsc", "--noEmit"]));
results.push(step("unit and integration tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]));
results.push(step("end-to-end tests (Playwright, Chromium)", "npm", ["run", "test:e2e"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }));

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
}
if (fs.existsSync(playwrightJson)) {
  const p = JSON.parse(fs.readFileSync(playwrightJson, "utf8")).stats;
  passed += p.expected + p.flaky;
  failed += p.unexpected;
  skipped += p.skipped;
}
const typecheckFailed = results[0] ? 0 : 1;
console.log(`\n${passed} passed, ${failed + typecheckFailed} failed, ${skipped} skipped`);
process.exit(results.every(Boolean) ? 0 : 1);
