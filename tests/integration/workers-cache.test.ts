import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { ensureAppBuild } from "../setup/app-build";
import { root } from "../setup/paths";

/*
 * The production server with two worker processes on this file's database: the search caches live in each process,
 * keyed by the index generation in the database, so a write answered by one worker must show in the very next
 * answer of the other. Every request opens its own connection (the cluster hands connections to workers in turn),
 * and the X-Worker header says which worker answered.
 */

const file = process.env.DATABASE_PATH!;
const WORD = "liênxưởng";
let server: ChildProcess;
let port = 0;
let out = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

/** One request on a new connection. */
function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}) {
  return new Promise<{ status: number; worker: string; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: init.method ?? "GET", headers: init.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, worker: String(res.headers["x-worker"] ?? ""), headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** The same GET until both workers have answered it (at least twice each); every answer is returned. */
async function fromBothWorkers(path: string) {
  const answers: { worker: string; body: Record<string, unknown> }[] = [];
  for (let i = 0; i < 60; i++) {
    const r = await request(path);
    expect(r.status).toBe(200);
    answers.push({ worker: r.worker, body: JSON.parse(r.body) as Record<string, unknown> });
    const seen = new Map<string, number>();
    for (const a of answers) seen.set(a.worker, (seen.get(a.worker) ?? 0) + 1);
    if (seen.size === 2 && [...seen.values()].every((n) => n >= 2)) return answers;
  }
  throw new Error(`only workers ${[...new Set(answers.map((a) => a.worker))].join(", ")} answered ${path}`);
}

function sessionFor(email: string) {
  const db = new Database(file);
  try {
    const user = db.prepare("SELECT id FROM users WHERE email = ?").pluck().get(email) as number;
    const token = crypto.randomBytes(32).toString("base64url");
    db.prepare("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)").run(
      crypto.createHash("sha256").update(token).digest("hex"),
      user,
      new Date(Date.now() + 3_600_000).toISOString(),
    );
    return `__session=${token}`;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  ensureAppBuild();
  port = await freePort();
  server = spawn(process.execPath, ["server.js"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: "2", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: file, PUBLIC_ORIGIN: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (out += d));
  server.stderr!.on("data", (d) => (out += d));
  for (let i = 0; i < 300 && !out.includes("listening"); i++) await new Promise((r) => setTimeout(r, 100));
  expect(out).toContain("(2 workers)");
}, 180_000);

afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
});

describe("two worker processes on one database", () => {
  it("see a product published through one worker in the next answer of the other: totals and facets", async () => {
    const search = `/api/v1/products?q=${encodeURIComponent(WORD)}`;
    const db = new Database(file, { readonly: true });
    const coop = db.prepare("SELECT id, province_code AS province FROM organisations WHERE slug = 'htx-nong-nghiep-phu-ngai'").get() as { id: number; province: string };
    db.close();
    const browse = `/api/v1/products?province=${coop.province}`;

    // Both workers have counted (and cached) both searches before the write.
    const before = await fromBothWorkers(search);
    expect(before.every((a) => a.body.total === 0)).toBe(true);
    const browseBefore = await fromBothWorkers(browse);
    const n0 = browseBefore[0]!.body.total as number;
    expect(browseBefore.every((a) => a.body.total === n0)).toBe(true);

    // Publish a product through the dashboard form (multipart, as the browser sends it), answered by one worker.
    const form = new FormData();
    for (const [k, v] of Object.entries({ nameVi: `Bưởi ${WORD}`, categoryCode: "I.1.a", unit: "kg", originProvinceCode: coop.province, price: "45000", minOrderQty: "10", stock: "500", status: "published" })) form.set(k, v);
    const encoded = new Response(form);
    const created = await request("/dashboard/products/new", {
      method: "POST",
      headers: { Cookie: sessionFor("htx@demo.chohtx.vn"), "Content-Type": encoded.headers.get("content-type")! },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(created.status).toBe(302);
    expect(created.headers.location).toMatch(/^\/dashboard\/products\/\d+\?saved=1$/);
    const writer = created.worker;
    expect(["1", "2"]).toContain(writer);

    const after = await fromBothWorkers(search);
    for (const a of after) {
      expect(a.body.total).toBe(1);
      const facets = a.body.facets as { province: { value: string; count: number }[]; inStock: number };
      expect(facets.province).toEqual([{ value: coop.province, count: 1 }]);
      expect(facets.inStock).toBe(1);
    }
    // The worker that did not take the write answered too, from its own (now stale) cache entry: it recounted.
    expect(after.some((a) => a.worker !== writer)).toBe(true);

    const browseAfter = await fromBothWorkers(browse);
    expect(browseAfter.every((a) => a.body.total === n0 + 1)).toBe(true);
  }, 120_000);

  it("drains every worker on SIGTERM and exits 0", async () => {
    const exited = new Promise<number | null>((r) => server.once("exit", (code) => r(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("SIGTERM: draining");
  }, 30_000);
});
