// `npm test`: the system packages (installed when we can, see tests/setup/system-deps.mjs), typecheck, vitest, then
// the end-to-end suite, and closing lines that count every stage (tests/setup/summary.mjs).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { summarize } from "./setup/summary.mjs";
import { ensureSystemPackages } from "./setup/system-deps.mjs";

const tmp = "tests/.tmp";
fs.mkdirSync(tmp, { recursive: true });
const vitestJson = `${tmp}/vitest-results.json`;
const vitestList = `${tmp}/vitest-list.json`;
const playwrightJson = `${tmp}/playwright-results.json`;
for (const f of [vitestJson, vitestList, playwrightJson]) fs.rmSync(f, { force: true });

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};
/** How many tests a stage holds, for one that did not report: listed, not run. */
function countVitest() {
  spawnSync("npx", ["vitest", "list", `--json=${vitestList}`], { stdio: "ignore" });
  return readJson(vitestList)?.length;
}
function countPlaywright() {
  const r = spawnSync("npx", ["playwright", "test", "--list"], { encoding: "utf8" });
  const m = /Total: (\d+) tests?/.exec(r.stdout ?? "");
  return m ? Number(m[1]) : undefined;
}

const canRun = ensureSystemPackages();
const stages = [];

const typecheck = canRun ? run("typecheck", "npx", ["tsc", "--noEmit"]) : null;
stages.push({ name: "typecheck", exitCode: typecheck, report: false });

const vitestCode = canRun ? run("unit and integration tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]) : null;
const v = readJson(vitestJson);
stages.push(
  v
    ? { name: "vitest", exitCode: vitestCode, report: true, passed: v.numPassedTests, failed: v.numFailedTests, skipped: v.numPendingTests + v.numTodoTests }
    : { name: "vitest", exitCode: vitestCode, report: false, tests: countVitest() },
);

const e2eCode = canRun ? run("end-to-end tests (Playwright, Chromium)", "npm", ["run", "test:e2e"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }) : null;
const p = readJson(playwrightJson)?.stats;
stages.push(
  p
    ? { name: "end-to-end", exitCode: e2eCode, report: true, passed: p.expected + p.flaky, failed: p.unexpected, skipped: p.skipped }
    : { name: "end-to-end", exitCode: e2eCode, report: false, tests: countPlaywright() },
);

const { lines, ok } = summarize(stages);
console.log(`\n${lines.join("\n")}`);
process.exit(ok ? 0 : 1);
