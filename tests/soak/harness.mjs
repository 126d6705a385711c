// Shared by the soak and crash tests: a production server (`WEB_CONCURRENCY=2 node server.js`) on loopback with its
// own database and the local Stripe fake, HTTP helpers that count every status, and the database invariants.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { startStripeFake } from "../fakes/stripe-fake.mjs";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const tmp = path.join(root, "tests", ".tmp");
const secret = "whsec_soak_local_fake";

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the production bundle unless it is newer than every file under app/ (CI has just built it). */
export function ensureBuild() {
  const out = path.join(root, "build", "server", "index.js");
  if (fs.existsSync(out) && fs.statSync(out).mtimeMs > newestMtime(path.join(root, "app"))) return;
  console.log("▶ building the production bundle");
  const r = spawnSync("npx", ["remix", "vite:build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error("build failed");
}

export function freshDatabase(name) {
  fs.mkdirSync(tmp, { recursive: true });
  const file = path.join(tmp, `${name}.db`);
  const r = spawnSync("npx", ["tsx", "tests/soak/prepare-db.ts", file], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error("database build failed");
  return file;
}

export function openDb(file) {
  const db = new Database(file);
  db.pragma("busy_timeout = 10000");
  return db;
}

export async function startFake({ port, webhookUrl }) {
  return startStripeFake({ port, host: "127.0.0.1", webhookUrl, secret });
}

/** Starts the server in its own process group, so a crash test can SIGKILL it and every worker at once. */
export async function startServer({ port, dbFile, stripeUrl, workers = 2 }) {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn("node", ["server.js"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      WEB_CONCURRENCY: String(workers),
      DATABASE_PATH: dbFile,
      UPLOADS_DIR: `${dbFile}.uploads`,
      PUBLIC_ORIGIN: origin,
      LOGIN_MAX_FAILURES_PER_IP: "100000",
      STRIPE_SECRET_KEY: "sk_test_soak_local_fake",
      STRIPE_WEBHOOK_SECRET: secret,
      STRIPE_API_BASE: stripeUrl,
    },
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const r = await fetch(`${origin}/healthz`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    child,
    stderr: () => stderr,
    /** Graceful stop (SIGTERM to the group). */
    stop: () => stopGroup(child, "SIGTERM"),
    /** A crash: SIGKILL to the server and its workers, no chance to finish anything. */
    kill: () => stopGroup(child, "SIGKILL"),
  };
}

function stopGroup(child, signal) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid, signal);
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 10_000).unref();
  });
}

/** A session cookie for a user, written as the app writes sessions. */
export function sessionFor(db, email) {
  const user = db.prepare("select id from users where email = ?").get(email);
  if (!user) throw new Error(`no user ${email}`);
  const token = crypto.randomBytes(32).toString("base64url");
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  db.prepare("insert into sessions (token_hash, user_id, expires_at) values (?, ?, ?)").run(hash, user.id, new Date(Date.now() + 86_400_000).toISOString());
  return `__session=${token}`;
}

/** fetch with manual redirects that records every status (and every refused connection) in `stats`. */
export function client(origin, stats) {
  async function request(pathOrUrl, { method = "GET", form, cookie } = {}) {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${origin}${pathOrUrl}`;
    const headers = { ...(cookie ? { Cookie: cookie } : {}), ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) };
    try {
      const res = await fetch(url, { method, headers, body: form ? new URLSearchParams(form) : undefined, redirect: "manual", signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) stats.errors.push(`${method} ${new URL(url).pathname} → ${res.status}`);
      return { status: res.status, location: res.headers.get("Location") };
    } catch (error) {
      stats.refused++;
      return { status: 0, location: null, error };
    }
  }
  return request;
}

export const delivery = { provinceCode: "79", commune: "Phường Thủ Đức", address: "Kho số 3, đường số 9", contactPhone: "0912345678", requestedDate: "2099-01-15", notes: "soak" };

/**
 * One buyer's order by card, end to end: add, check out, the cooperative confirms, the buyer opens Checkout, and
 * pays on the fake's page (which delivers the signed webhook to the server). Returns what happened.
 */
export async function cardCheckout({ request, fake, buyer, coop, coopId, productId, quantity }) {
  const added = await request("/cart", { method: "POST", form: { intent: "add", productId: String(productId), quantity: String(quantity) }, cookie: buyer });
  if (added.status !== 200) return { step: "add", status: added.status };
  const placed = await request("/cart", { method: "POST", form: { intent: "checkout", ...delivery, [`payment_${coopId}`]: "card" }, cookie: buyer });
  const m = placed.location?.match(/\/dashboard\/orders\/(\d+)/);
  if (placed.status !== 302 || !m) return { step: "checkout", status: placed.status };
  const orderId = Number(m[1]);
  const confirmed = await request(`/dashboard/orders/${orderId}`, { method: "POST", form: { intent: "confirm" }, cookie: coop });
  if (confirmed.status !== 302) return { step: "confirm", status: confirmed.status, orderId };
  const pay = await request(`/dashboard/orders/${orderId}`, { method: "POST", form: { intent: "pay" }, cookie: buyer });
  const session = pay.location?.match(/\/pay\/(cs_[\w]+)/)?.[1];
  if (pay.status !== 302 || !session) return { step: "pay", status: pay.status, orderId };
  const paid = await request(`${fake.url}/pay/${session}`, { method: "POST" });
  return { step: "paid", status: paid.status, orderId, session };
}

/** The database after the run (orders placed after `firstOrder`): what the soak and the crash test both require. */
export function checkInvariants(db, { startStock, firstOrder }) {
  const problems = [];
  if (db.pragma("integrity_check", { simple: true }) !== "ok") problems.push("integrity_check is not ok");
  // No half-written order: every order has its lines, a total that is their sum, and its "placed" event.
  for (const o of db.prepare("select o.id, o.total, (select count(*) from order_lines l where l.order_id = o.id) n, (select coalesce(sum(line_total),0) from order_lines l where l.order_id = o.id) s, (select count(*) from order_events e where e.order_id = o.id and e.to_status = 'placed') placed from orders o where o.id > ?").all(firstOrder)) {
    if (o.n === 0 || o.s !== o.total || o.placed !== 1) problems.push(`order ${o.id}: ${o.n} lines, total ${o.total} vs ${o.s}, ${o.placed} placed events`);
  }
  // No reserved stock without its order, none lost: start minus what orders still hold.
  for (const [productId, start] of startStock) {
    const held = db.prepare("select coalesce(sum(l.quantity),0) q from order_lines l join orders o on o.id = l.order_id where l.product_id = ? and o.id > ? and o.status not in ('rejected','cancelled','expired')").get(productId, firstOrder).q;
    const stock = db.prepare("select stock from products where id = ?").get(productId).stock;
    if (stock !== start - held) problems.push(`product ${productId}: stock ${stock}, expected ${start} - ${held} = ${start - held}`);
    if (stock < 0) problems.push(`product ${productId}: negative stock ${stock}`);
  }
  // Paid once: at most one paid payment and one "paid" step per order, and they agree.
  for (const o of db.prepare("select o.id, o.status, (select count(*) from payments p where p.order_id = o.id and p.status = 'paid') pays, (select count(*) from order_events e where e.order_id = o.id and e.to_status = 'paid') steps from orders o where o.id > ?").all(firstOrder)) {
    if (o.pays > 1 || o.steps > 1) problems.push(`order ${o.id}: ${o.pays} paid payments, ${o.steps} paid steps`);
    if (o.status === "paid" && !(o.pays === 1 && o.steps === 1)) problems.push(`order ${o.id}: paid with ${o.pays} paid payments and ${o.steps} paid steps`);
    if (["placed", "confirmed"].includes(o.status) && (o.pays || o.steps)) problems.push(`order ${o.id}: ${o.status} although paid`);
  }
  return problems;
}

/** Every checkout session the fake took money for must have made its order paid, exactly once. */
export function checkPaidSessions(db, fake) {
  const problems = [];
  for (const s of fake.sessions.values()) {
    if (s.payment_status !== "paid") continue;
    const p = db.prepare("select p.status, o.status order_status, o.id from payments p join orders o on o.id = p.order_id where p.stripe_session_id = ?").get(s.id);
    if (!p) continue; // created at Stripe but never recorded by the app (a crash in between): the buyer never saw it.
    if (p.status !== "paid" || p.order_status !== "paid") problems.push(`session ${s.id}: payment ${p.status}, order ${p.id} ${p.order_status}`);
  }
  return problems;
}

export function report(name, { stats, problems, extra = "" }) {
  const statuses = Object.entries(stats.statuses).map(([k, v]) => `${k}×${v}`).join(" ");
  console.log(`${name}: ${statuses}${stats.refused ? ` refused×${stats.refused}` : ""}${extra ? ` · ${extra}` : ""}`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  return problems.length === 0;
}
