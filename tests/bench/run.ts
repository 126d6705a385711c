/**
 * `npm run bench`: every `tests/bench/*.bench.ts`, one after another in its own process (search first), each printing
 * its own table of p50/p95 and ratios against its baseline measured in the same run. `BENCH_ONLY=search,pages` picks
 * some by name. Every benchmark shares the synthetic catalogue of `./catalogue.ts`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "./catalogue";

const here = path.join(root, "tests", "bench");
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const names = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""))
  .sort((a, b) => (a === "search" ? -1 : b === "search" ? 1 : a.localeCompare(b)))
  .filter((n) => !only || only.includes(n));
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
let failed = 0;
for (const name of names) {
  console.log(`\n━━━━ bench: ${name} ━━━━`);
  const r = spawnSync(process.execPath, [tsx, path.join(here, `${name}.bench.ts`)], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${name} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
