// A local stand-in for the parts of the Stripe API that Chợ HTX uses, so the real `stripe` package runs unchanged
// in tests and in the demo: Checkout Sessions (create, retrieve), a hosted payment page that "pays" (creating the
// payment intent and its charge), refunds (POST /v1/refunds by payment_intent or charge, idempotent, then a
// `charge.refunded` webhook), and webhooks signed exactly as Stripe signs them
// (Stripe-Signature: t=<unix>,v1=HMAC-SHA256(secret, "<t>.<payload>")).
//
// Run:  node tests/fakes/stripe-fake.mjs
// Env:  STRIPE_FAKE_PORT (12204), STRIPE_FAKE_WEBHOOK_URL (http://localhost:3000/webhooks/stripe),
//       STRIPE_WEBHOOK_SECRET (whsec_local_fake_secret, the app's default), STRIPE_FAKE_HOST (127.0.0.1)
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Stripe's form encoding (`a[b][0][c]=x`) back into nested objects and arrays. */
export function parseStripeForm(body) {
  const out = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node = out;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
      if (last) node[part] = value;
      else node = node[part] ??= nextIsIndex ? [] : {};
    });
  }
  return out;
}

export function signPayload(payload, secret, timestamp = Math.floor(Date.now() / 1000)) {
  const v1 = crypto.createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

const id = (prefix) => `${prefix}_test_${crypto.randomBytes(12).toString("hex")}`;
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @param {{ port?: number, host?: string, webhookUrl?: string | null, secret?: string }} [options]
 *   `webhookUrl: null` keeps events to the caller (`pay()` returns them signed) instead of posting them.
 */
export function startStripeFake({
  port = Number(process.env.STRIPE_FAKE_PORT ?? 12204),
  host = process.env.STRIPE_FAKE_HOST ?? "127.0.0.1",
  webhookUrl = process.env.STRIPE_FAKE_WEBHOOK_URL ?? "http://localhost:3000/webhooks/stripe",
  secret = process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_local_fake_secret",
} = {}) {
  const sessions = new Map();
  const charges = new Map();
  const refunds = new Map();
  const idempotent = new Map();
  const requests = [];
  /** Every event the fake signed, in order, so a test can deliver one again (a replay) or late. */
  const events = [];
  let base = "";

  function createSession(params) {
    const lineItems = params.line_items ?? [];
    const amount = lineItems.reduce((sum, li) => sum + Number(li.price_data?.unit_amount ?? 0) * Number(li.quantity ?? 1), 0);
    const currency = lineItems[0]?.price_data?.currency ?? "vnd";
    const sid = id("cs");
    const session = {
      id: sid,
      object: "checkout.session",
      amount_subtotal: amount,
      amount_total: amount,
      currency,
      client_reference_id: params.client_reference_id ?? null,
      customer_email: params.customer_email ?? null,
      metadata: params.metadata ?? {},
      mode: params.mode ?? "payment",
      payment_status: "unpaid",
      status: "open",
      success_url: params.success_url,
      cancel_url: params.cancel_url,
      url: `${base}/pay/${sid}`,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
    };
    sessions.set(sid, session);
    return session;
  }

  /** Marks a session paid and returns the signed `checkout.session.completed` event, as Stripe would send it. */
  function pay(sessionId) {
    const session = sessions.get(sessionId);
    if (!session) return null;
    session.payment_status = "paid";
    session.status = "complete";
    if (!session.payment_intent) {
      const pi = id("pi");
      const ch = id("ch");
      session.payment_intent = pi;
      charges.set(ch, { id: ch, object: "charge", amount: session.amount_total, amount_refunded: 0, currency: session.currency, payment_intent: pi, refunded: false, status: "succeeded", metadata: session.metadata, refunds: { object: "list", data: [] } });
    }
    return signEvent("checkout.session.completed", { ...session });
  }

  function signEvent(type, object) {
    const event = { id: id("evt"), object: "event", api_version: "2025-01-01", created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, type, data: { object } };
    const payload = JSON.stringify(event);
    const signed = { event, payload, header: signPayload(payload, secret) };
    events.push(signed);
    return signed;
  }

  /** POST /v1/refunds: a refund of (part of) a charge, found by `charge` or `payment_intent`. */
  function createRefund(params) {
    const charge = params.charge ? charges.get(params.charge) : [...charges.values()].find((c) => c.payment_intent === params.payment_intent);
    if (!charge) return { error: [404, `No such ${params.charge ? "charge" : "payment_intent"}: '${params.charge ?? params.payment_intent}'`] };
    const amount = params.amount === undefined ? charge.amount - charge.amount_refunded : Number(params.amount);
    if (!Number.isInteger(amount) || amount <= 0) return { error: [400, "Invalid positive integer: amount"] };
    if (amount > charge.amount - charge.amount_refunded) {
      return { error: [400, `Refund amount (${amount}) is greater than unrefunded amount on charge (${charge.amount - charge.amount_refunded})`], code: "charge_already_refunded" };
    }
    const refund = { id: id("re"), object: "refund", amount, charge: charge.id, payment_intent: charge.payment_intent, currency: charge.currency, status: "succeeded", metadata: params.metadata ?? {}, reason: params.reason ?? null, created: Math.floor(Date.now() / 1000) };
    refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    charge.refunds.data.unshift(refund);
    return { refund, event: signEvent("charge.refunded", { ...charge, refunds: { ...charge.refunds, data: [...charge.refunds.data] } }) };
  }

  async function deliver(signed) {
    if (!webhookUrl) return null;
    try {
      const res = await fetch(webhookUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Stripe-Signature": signed.header, "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
        body: signed.payload,
      });
      return res.status;
    } catch (error) {
      console.error(`stripe-fake: webhook to ${webhookUrl} failed: ${error.message}`);
      return null;
    }
  }

  const json = (res, status, body) => {
    res.writeHead(status, { "Content-Type": "application/json", "Request-Id": id("req") });
    res.end(JSON.stringify(body));
  };
  const stripeError = (res, status, message) => json(res, status, { error: { type: "invalid_request_error", message } });

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const url = new URL(req.url, base);
      requests.push({ method: req.method, path: url.pathname, idempotencyKey: req.headers["idempotency-key"] ?? null });
      const apiCall = url.pathname.startsWith("/v1/");
      if (apiCall && !/^Bearer sk_/.test(req.headers.authorization ?? "")) return stripeError(res, 401, "Invalid API Key provided");

      if (req.method === "POST" && url.pathname === "/v1/refunds") {
        const key = req.headers["idempotency-key"];
        if (key && idempotent.has(`refund:${key}`)) {
          const earlier = idempotent.get(`refund:${key}`);
          if (earlier.body !== body) return stripeError(res, 400, "Keys for idempotent requests can only be used with the same parameters they were first used with.");
          res.setHeader("Idempotent-Replayed", "true");
          return json(res, 200, refunds.get(earlier.refundId));
        }
        const made = createRefund(parseStripeForm(body));
        if (made.error) return json(res, made.error[0], { error: { type: "invalid_request_error", message: made.error[1], ...(made.code ? { code: made.code } : {}) } });
        if (key) idempotent.set(`refund:${key}`, { body, refundId: made.refund.id });
        json(res, 200, made.refund);
        // Stripe sends the webhook on its own schedule: after the answer here, never as part of it.
        setImmediate(() => void deliver(made.event));
        return;
      }
      const refundGet = url.pathname.match(/^\/v1\/refunds\/([\w]+)$/);
      if (req.method === "GET" && refundGet) {
        const refund = refunds.get(refundGet[1]);
        return refund ? json(res, 200, refund) : stripeError(res, 404, `No such refund: '${refundGet[1]}'`);
      }
      if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
        const key = req.headers["idempotency-key"];
        if (key && idempotent.has(key)) {
          const earlier = idempotent.get(key);
          if (earlier.body !== body) return stripeError(res, 400, "Keys for idempotent requests can only be used with the same parameters they were first used with.");
          res.setHeader("Idempotent-Replayed", "true");
          return json(res, 200, sessions.get(earlier.sessionId));
        }
        const params = parseStripeForm(body);
        if (!params.success_url || !params.line_items?.length) return stripeError(res, 400, "Missing required param: success_url or line_items.");
        const session = createSession(params);
        if (key) idempotent.set(key, { body, sessionId: session.id });
        return json(res, 200, session);
      }
      const retrieve = url.pathname.match(/^\/v1\/checkout\/sessions\/([\w]+)$/);
      if (req.method === "GET" && retrieve) {
        const session = sessions.get(retrieve[1]);
        return session ? json(res, 200, session) : stripeError(res, 404, `No such checkout.session: '${retrieve[1]}'`);
      }

      const page = url.pathname.match(/^\/pay\/([\w]+)$/);
      if (page) {
        const session = sessions.get(page[1]);
        if (!session) {
          res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
          return res.end("Unknown checkout session");
        }
        if (req.method === "GET") {
          const amount = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(session.amount_total);
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
          return res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stripe Checkout (giả lập)</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem">
<h1>Thanh toán thẻ (Stripe giả lập)</h1>
<p>${escapeHtml(session.metadata?.orderNumber ?? session.id)}</p>
<p>Số tiền: <strong>${escapeHtml(amount)}</strong></p>
${session.payment_status === "paid" ? "<p>Đã thanh toán.</p>" : `<form method="post"><button type="submit" style="font-size:1.2rem;padding:.6rem 1.4rem">Thanh toán</button></form>`}
<p><a href="${escapeHtml(session.cancel_url ?? "/")}">Quay lại</a></p>
<p lang="en"><small>Local Stripe fake: "Thanh toán" means Pay. No card is charged.</small></p></body></html>`);
        }
        if (req.method === "POST") {
          if (session.payment_status !== "paid") await deliver(pay(session.id));
          const to = String(session.success_url).replace("{CHECKOUT_SESSION_ID}", session.id);
          res.writeHead(303, { Location: to });
          return res.end();
        }
      }
      if (url.pathname === "/healthz") return json(res, 200, { ok: true });
      stripeError(res, 404, `Unrecognized request URL (${req.method}: ${url.pathname}).`);
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      base = `http://${host}:${address.port}`;
      resolve({
        url: base,
        port: address.port,
        sessions,
        charges,
        refunds,
        events,
        requests,
        pay,
        deliver,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fake = await startStripeFake();
  console.log(`stripe-fake listening on ${fake.url}, webhooks to ${process.env.STRIPE_FAKE_WEBHOOK_URL ?? "http://localhost:3000/webhooks/stripe"}`);
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => fake.close().then(() => process.exit(0)));
}
