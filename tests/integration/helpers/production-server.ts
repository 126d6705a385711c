import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import net from "node:net";
import Database from "better-sqlite3";
import { ensureAppBuild } from "../../setup/app-build";
import { root } from "../../setup/paths";

/*
 * The production server (`node server.js`, NODE_ENV=production) on a test file's own database, for tests of what
 * only the real server does: worker processes, the page cache, draining on SIGTERM. Requests go one per connection
 * (the cluster hands connections to workers in turn; `X-Worker` says which one answered).
 */

export type Answer = { status: number; worker: string; headers: http.IncomingHttpHeaders; body: string };

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

export async function startProductionServer({ file, workers = 2, env = {} }: { file: string; workers?: number; env?: Record<string, string> }) {
  ensureAppBuild();
  const port = await freePort();
  let out = "";
  const child: ChildProcess = spawn(process.execPath, ["server.js"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: String(workers), PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: file, PUBLIC_ORIGIN: `http://127.0.0.1:${port}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  for (let i = 0; i < 300 && !out.includes("listening"); i++) await new Promise((r) => setTimeout(r, 100));
  if (!out.includes("listening")) throw new Error(`the server did not start:\n${out}`);

  /** One request on a new connection. */
  const request = (path: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path, method: init.method ?? "GET", headers: init.headers, agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, worker: String(res.headers["x-worker"] ?? ""), headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end(init.body);
    });

  /** The same GET until every worker has answered it at least twice; every answer is returned. */
  const fromEveryWorker = async (path: string, headers?: Record<string, string>) => {
    const answers: Answer[] = [];
    for (let i = 0; i < 80; i++) {
      answers.push(await request(path, { headers }));
      const seen = new Map<string, number>();
      for (const a of answers) seen.set(a.worker, (seen.get(a.worker) ?? 0) + 1);
      if (seen.size === workers && [...seen.values()].every((n) => n >= 2)) return answers;
    }
    throw new Error(`only workers ${[...new Set(answers.map((a) => a.worker))].join(", ")} answered ${path}`);
  };

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill(signal);
    return exited;
  };

  return { port, request, fromEveryWorker, stop, output: () => out };
}

/** A session row for a demo user, as the login form would create it; returns the Cookie header value. */
export function sessionFor(file: string, email: string) {
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
