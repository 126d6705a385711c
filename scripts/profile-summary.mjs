#!/usr/bin/env node
// Sums the self time of a V8 .cpuprofile (node --cpu-prof) per function and per file/package, and prints the top
// entries: `node scripts/profile-summary.mjs /tmp/prof/*.cpuprofile [--top 40]`. See docs/perf.md.
import fs from "node:fs";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 35;
const callersAt = args.indexOf("--callers");
const callersOf = callersAt >= 0 ? args.splice(callersAt, 2)[1] : null;
const callers = new Map();
const byFn = new Map();
const byFile = new Map();
const inclusive = new Map();
let total = 0;

function where(url) {
  if (!url) return "(native)";
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

for (const file of args) {
  const p = JSON.parse(fs.readFileSync(file, "utf8"));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
  }
  for (const [id, us] of self) {
    const n = nodes.get(id);
    const f = n.callFrame;
    if (f.functionName === "(idle)" || f.functionName === "(program)" && false) continue;
    total += us;
    const fileKey = where(f.url);
    const key = `${f.functionName || "(anonymous)"}  ${fileKey}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
    if (callersOf) {
      // Time spent in (or under) the named function, by the chain of its nearest three callers.
      const chain = [];
      let inside = false;
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const cf = nodes.get(cur).callFrame;
        if (!inside && cf.functionName === callersOf) inside = true;
        else if (inside) chain.push(`${cf.functionName || "(anonymous)"}@${where(cf.url)}:${cf.lineNumber + 1}`);
        if (chain.length === 3) break;
      }
      if (inside) callers.set(chain.join(" < "), (callers.get(chain.join(" < ")) ?? 0) + us);
    }
    // Inclusive time per function name: each sample counted once per distinct frame name on its stack.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = nodes.get(cur).callFrame;
      const k = `${cf.functionName || "(anonymous)"}  ${where(cf.url)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
}

const print = (title, map) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms busy)`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  }
};
if (callersOf) {
  print(`Time in ${callersOf} by caller`, callers);
  process.exit(0);
}
print("Self time per file or package", byFile);
print("Self time per function", byFn);
print("Inclusive time per function", inclusive);
