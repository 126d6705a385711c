import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/*
 * Recounts of expensive facet entries run on a worker thread with its own read-only connection, so a visitor who
 * arrives after a catalogue write gets the previous counts at once and the event loop keeps serving other requests
 * while the recount (hundreds of ms for a broad text search at national scale) runs. The worker only runs the SQL
 * it is given; building the queries and assembling the answer stay in search.server.ts.
 */

type Query = { sql: string; params: unknown[] };
type Reply = { id: number; results?: unknown[][]; error?: string };

// Plain CommonJS evaluated in the worker: no bundler involvement, so it works the same under Vite, vitest and tsx.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
const prepared = new Map();
parentPort.on("message", ({ id, queries }) => {
  try {
    const results = db.transaction(() => queries.map((q) => {
      let s = prepared.get(q.sql);
      if (!s) { s = db.prepare(q.sql); prepared.set(q.sql, s); }
      return s.all(...q.params);
    }))();
    parentPort.postMessage({ id, results });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message || e) });
  }
});
`;

let worker: { file: string; w: Worker } | null = null;
let seq = 0;
const waiting = new Map<number, (r: Reply) => void>();

function workerFor(file: string): Worker | null {
  if (!file || file === ":memory:") return null;
  if (worker?.file === file) return worker.w;
  void worker?.w.terminate();
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const w = new Worker(workerSource, { eval: true, workerData: { file, driver } });
  w.on("message", (r: Reply) => {
    const done = waiting.get(r.id);
    waiting.delete(r.id);
    if (!waiting.size) w.unref();
    done?.(r);
  });
  w.on("error", () => {
    for (const done of waiting.values()) done({ id: 0, error: "worker failed" });
    waiting.clear();
    if (worker?.w === w) worker = null;
  });
  // Keeps the process alive only while a recount is under way (an idle worker never holds a test run or script).
  w.unref();
  worker = { file, w };
  return w;
}

/** Runs the queries in one read transaction off the main thread; null when there is no file to open. */
export function recount(file: string, queries: Query[]): Promise<unknown[][]> | null {
  const w = workerFor(file);
  if (!w) return null;
  const id = ++seq;
  return new Promise((resolve, reject) => {
    waiting.set(id, (r) => (r.results ? resolve(r.results) : reject(new Error(r.error ?? "recount failed"))));
    w.ref();
    w.postMessage({ id, queries });
  });
}
