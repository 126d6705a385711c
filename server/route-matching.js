// Route matching done once instead of on every request.
//
// @remix-run/router's matchRoutes flattens and ranks the whole route tree and compiles a RegExp for every route
// pattern it tries, on every call, and a document request calls it four times (server runtime, static handler,
// React's static router). At ~75 routes that was about a fifth of the server's CPU (docs/perf.md). Two memos fix it:
// the ranked branches per route array (a WeakMap: the server runtime and the static handler keep their arrays for
// the life of the build) and the compiled pattern per (path, caseSensitive, end). Both are pure functions of their
// inputs, so the answers are the same. Every consumer on the server loads the router through `require` (no package
// here has an `exports` map, so Node picks the CommonJS `main`), so the patched copy is put in require's cache before
// anything loads it. If an upgrade changes the source so that a pattern is not found, the router loads unpatched:
// slower, never wrong (and tests/integration/route-matching.test.ts fails).
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";

const replacements = [
  [
    "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n",
    "  let branches = __rankedBranches(routes);\n",
  ],
  ["function compilePath(path, caseSensitive, end) {", "function __compileUncached(path, caseSensitive, end) {"],
];

const helpers = `
const __branchCache = new WeakMap();
function __rankedBranches(routes) {
  let branches = __branchCache.get(routes);
  if (!branches) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    __branchCache.set(routes, branches);
  }
  return branches;
}
const __compiled = new Map();
function compilePath(path, caseSensitive, end) {
  let slots = __compiled.get(path);
  if (!slots) {
    if (__compiled.size > 5000) __compiled.clear();
    slots = [undefined, undefined, undefined, undefined];
    __compiled.set(path, slots);
  }
  const i = (caseSensitive === true ? 2 : 0) + (end === false ? 0 : 1);
  return (slots[i] ??= __compileUncached(path, caseSensitive, end));
}
`;

/** The router's source with the memos, or null when this version's source does not have the expected shape. */
export function patchRouterSource(source) {
  let out = source;
  for (const [from, to] of replacements) {
    if (out.split(from).length !== 2) return null;
    out = out.replace(from, to);
  }
  return out + helpers;
}

/** A module object of the memoised router (not registered anywhere), or null when the source did not match. */
export function loadMemoisedRouter(file) {
  const patched = patchRouterSource(fs.readFileSync(file, "utf8"));
  if (!patched) return null;
  const m = new Module(file, null);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(patched, file);
  m.loaded = true;
  m.__memoised = true;
  return m;
}

/** Loads the memoised @remix-run/router into require's cache; returns whether it did. Call before Remix loads. */
export function memoiseRouteMatching(from = import.meta.url) {
  const require = createRequire(from);
  const file = require.resolve("@remix-run/router");
  if (require.cache[file]) return require.cache[file].__memoised === true;
  const m = loadMemoisedRouter(file);
  if (!m) {
    console.warn(JSON.stringify({ t: new Date().toISOString(), level: "warn", msg: "route matching not memoised: @remix-run/router changed shape" }));
    return false;
  }
  require.cache[file] = m;
  return true;
}
