// The production (and dev) HTTP server: Express + Remix's request handler, plus what remix-serve lacks:
// per-request CSP nonces, security headers, a same-origin check on every state-changing request, one JSON log
// line per request, and a graceful drain on SIGTERM. In production it runs WEB_CONCURRENCY worker processes
// (node:cluster) on the one SQLite file.
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { memoiseRouteMatching } from "./server/route-matching.js";

const production = process.env.NODE_ENV !== "development";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const uploadsDir = path.resolve(process.env.UPLOADS_DIR ?? "./data/uploads");
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 500);
const log = (fields) => console.log(JSON.stringify({ t: new Date().toISOString(), ...fields }));

// Worker processes: one per CPU, at most 4. SQLite takes one writer at a time (WAL lets readers run beside it), so
// past a few processes more workers only queue on the write lock and each holds its own caches and statements; the
// CPU-bound part of a request (rendering) is what several processes spread. The development server stays one process.
const workerCount = production
  ? Math.max(1, Math.min(64, Number.parseInt(process.env.WEB_CONCURRENCY ?? "", 10) || Math.min(os.availableParallelism(), 4)))
  : 1;

if (cluster.isPrimary && workerCount > 1) {
  runPrimary();
} else {
  await runWorker();
}

/**
 * The primary only holds the listening socket and its workers: it starts them, starts a new one when one dies
 * unexpectedly, and on SIGTERM passes the signal on and exits once every worker has drained.
 */
function runPrimary() {
  let closing = false;
  let listening = 0;
  const fork = (index) => {
    const w = cluster.fork({ WORKER_INDEX: String(index) });
    w.on("listening", () => {
      if (++listening === workerCount) log({ msg: `Chợ HTX listening on http://localhost:${port} (${workerCount} workers)` });
    });
    w.on("exit", (code, signal) => {
      if (closing) return;
      log({ level: "error", msg: `worker ${index} exited (${signal ?? code}); starting another` });
      setTimeout(() => fork(index), 500).unref();
    });
  };
  for (let i = 1; i <= workerCount; i++) fork(i);
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      log({ msg: `${signal}: draining` });
      let failed = false;
      const workers = Object.values(cluster.workers ?? {});
      let left = workers.length;
      if (!left) process.exit(0);
      for (const w of workers) {
        w.on("exit", (code) => {
          if (code !== 0) failed = true;
          if (--left === 0) process.exit(failed ? 1 : 0);
        });
        w.process.kill("SIGTERM");
      }
      setTimeout(() => process.exit(1), graceMs + 15_000).unref();
    });
  }
}

async function runWorker() {
  // Before Remix loads: route matching memoised (server/route-matching.js).
  memoiseRouteMatching();
  const { createRequestHandler } = await import("@remix-run/express");
  const { default: compression } = await import("compression");
  const { default: express } = await import("express");
  const workerIndex = process.env.WORKER_INDEX;

  const viteDevServer = production
    ? undefined
    : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

  const app = express();
  app.disable("x-powered-by");

  let closing = false;
  // Once shutdown has begun, keep-alive clients are told to open their next connection elsewhere. With several
  // workers every response names the one that answered (tests check that caches agree across workers).
  app.use((_req, res, next) => {
    if (closing) res.setHeader("Connection", "close");
    if (workerIndex) res.setHeader("X-Worker", workerIndex);
    next();
  });
  const trustProxy = process.env.TRUST_PROXY === "true";
  if (trustProxy) app.set("trust proxy", true);

  // One structured line per request, written when the response finishes.
  const logRequest = (req, res, cache) => {
    const start = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const path = req.url.split("?")[0];
      process.stdout.write(
        `${JSON.stringify({ t: new Date().toISOString(), method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, ...(cache ? { cache } : {}) })}\n`,
      );
    });
  };
  app.use((req, res, next) => {
    logRequest(req, res, null);
    next();
  });

  // A per-request CSP nonce and the security headers, for pages and for answers from the page cache alike.
  function securityHeaders(req, res) {
    const nonce = crypto.randomBytes(16).toString("base64");
    const connect = production ? "'self'" : "'self' ws: wss:";
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'${production ? "" : " 'unsafe-inline'"}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        `connect-src ${connect}`,
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self' https://checkout.stripe.com http://127.0.0.1:* http://localhost:*",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");
    const secure = req.socket.encrypted || (trustProxy && String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() === "https");
    if (secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    return nonce;
  }

  app.use((req, res, next) => {
    res.locals.cspNonce = securityHeaders(req, res);
    next();
  });

  // Cross-site request forgery: a browser always sends Origin on a cross-origin POST, so a state-changing request
  // whose Origin is another site is refused. Requests without Origin (server-to-server, e.g. Stripe webhooks) pass
  // and carry their own authentication.
  const unsafe = new Set(["POST", "PUT", "PATCH", "DELETE"]);
  app.use((req, res, next) => {
    if (!unsafe.has(req.method)) return next();
    const origin = req.get("origin");
    if (!origin || isSameOrigin(origin, req)) return next();
    const lang = /(?:^|;\s*)lang=en/.test(req.get("cookie") ?? "") ? "en" : "vi";
    const message =
      lang === "en"
        ? "This request came from another website and was refused. Nothing was changed. Go back to Chợ HTX and try again."
        : "Yêu cầu này đến từ một trang web khác nên đã bị từ chối. Không có gì bị thay đổi. Hãy quay lại Chợ HTX và thử lại.";
    res.status(403).type("text/plain; charset=utf-8").send(message);
  });

  function isSameOrigin(origin, req) {
    try {
      const o = new URL(origin);
      const host = req.get("x-forwarded-host") && app.get("trust proxy") ? req.get("x-forwarded-host") : req.get("host");
      return o.host === host;
    } catch {
      return false;
    }
  }

  // The client address for throttling, taken from the socket (or the proxy when trusted), never from the client.
  app.use((req, _res, next) => {
    req.headers["x-client-address"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });

  app.use(compression());

  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else {
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  }
  // Only paths that name a file or folder at the top of build/client reach the static middleware: for the others (every
  // page) it would stat a file that is not there on each request.
  const serveClient = express.static("build/client", { maxAge: "1h" });
  const clientEntries = viteDevServer ? null : new Set(fs.existsSync("build/client") ? fs.readdirSync("build/client") : []);
  app.use((req, res, next) => {
    if (clientEntries && !clientEntries.has(req.path.split("/")[1] ?? "")) return next();
    serveClient(req, res, next);
  });
  // Uploaded files (certificate evidence, diary attachments) may be framed by the app's own pages only, so the
  // alliance can read a PDF beside the claim; every other response keeps `frame-ancestors 'none'`.
  const framableBySelf = (res) => {
    const csp = res.getHeader("Content-Security-Policy");
    if (typeof csp === "string") res.setHeader("Content-Security-Policy", csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
  };
  app.use("/uploads", express.static(uploadsDir, { maxAge: "7d", fallthrough: false, dotfiles: "deny", setHeaders: framableBySelf }));

  const build = viteDevServer
    ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build")
    : await import("./build/server/index.js");

  // The page cache (app/services/page-cache.server.ts): anonymous public pages kept rendered in this process, answered
  // here before Express and Remix run; `PAGE_CACHE=off` turns it off (profiling the render, the bench's uncached rows).
  const cache = !viteDevServer && process.env.PAGE_CACHE !== "off" ? build.entry.module : null;

  // A response whose load context the document entry or the route marked `pageCache` is kept for the ticket its
  // request was given before the loaders ran. Chunks are captured below compression, so the kept bytes are identity.
  app.use((req, res, next) => {
    const ticket = req.pageCacheTicket;
    if (!ticket) return next();
    const chunks = [];
    const write = res.write;
    const end = res.end;
    res.write = function (chunk, encoding, callback) {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? encoding : undefined));
      return write.call(this, chunk, encoding, callback);
    };
    res.end = function (chunk, encoding, callback) {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? encoding : undefined));
      const context = res.locals.loadContext;
      if (context?.pageCache && res.statusCode === 200) {
        const headers = Object.entries(res.getHeaders()).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, String(x)]) : [[k, String(v)]]));
        cache.pageCache.store(ticket, { status: 200, headers, body: Buffer.concat(chunks), nonce: res.locals.cspNonce });
      }
      return end.call(this, chunk, encoding, callback);
    };
    next();
  });

  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (_req, res) => (res.locals.loadContext = { cspNonce: res.locals.cspNonce }),
    }),
  );

  /** A hit: the kept page with this answer's own nonce, security headers and log line; a 304 for a matching ETag. */
  function answerFromCache(req, res, page) {
    logRequest(req, res, "hit");
    const nonce = securityHeaders(req, res);
    if (closing) res.setHeader("Connection", "close");
    if (workerIndex) res.setHeader("X-Worker", workerIndex);
    for (const [k, v] of page.headers) res.setHeader(k, v);
    res.setHeader("X-Page-Cache", "hit");
    if (page.etag && cache.etagMatches(req.headers["if-none-match"] ?? null, page.etag)) {
      res.removeHeader("Content-Type");
      res.statusCode = 304;
      res.end();
      return;
    }
    const { body, gzipped } = cache.pageBody(page, nonce, cache.acceptsGzip(req));
    const vary = String(res.getHeader("Vary") ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (gzipped) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", body.length);
    res.statusCode = page.status;
    res.end(body);
  }

  const server = http.createServer((req, res) => {
    const ticket = cache?.pageCache.begin(req);
    if (ticket) {
      const page = cache.pageCache.lookup(ticket);
      if (page) return answerFromCache(req, res, page);
      req.pageCacheTicket = ticket;
    }
    app(req, res);
  });
  server.listen(port, host, () => {
    if (!workerIndex) log({ msg: `Chợ HTX listening on http://localhost:${port}` });
  });

  // Graceful shutdown (each worker on its own). For a short grace period requests that are already on their way
  // (connected, not yet parsed) are still answered; then the server stops accepting, lets the requests in flight
  // finish and exits. Closing at once would reset sockets whose request had not been read yet.
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      if (!workerIndex) log({ msg: `${signal}: draining` });
      setTimeout(() => server.close(() => process.exit(0)), graceMs);
      setTimeout(() => process.exit(1), graceMs + 10_000).unref();
    });
  }
}
