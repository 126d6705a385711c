// The demo server with card payments going to the local Stripe fake (tests/fakes/stripe-fake.mjs) instead of
// api.stripe.com: starts the fake on STRIPE_FAKE_PORT (12204), then server.js with STRIPE_API_BASE pointing at it
// and the fake's webhooks pointing back at the app. Ctrl-C stops both.
//   npm run setup && npm run build && node scripts/serve-with-stripe-fake.mjs
import { spawn } from "node:child_process";
import { startStripeFake } from "../tests/fakes/stripe-fake.mjs";

const port = Number(process.env.PORT ?? 3000);
// Real keys in the environment (and no fake asked for): talk to Stripe itself.
const realStripe = Boolean(process.env.STRIPE_SECRET_KEY) && !process.env.STRIPE_API_BASE;
const origin = process.env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
const secret = process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_local_fake_secret";
const fake = realStripe ? null : await startStripeFake({ webhookUrl: `${origin}/webhooks/stripe`, secret });
console.log(fake ? `Stripe fake on ${fake.url} (card payments are simulated; no card is charged)` : "Card payments go to Stripe");

const server = spawn(process.execPath, ["server.js"], {
  stdio: "inherit",
  env: fake
    ? { ...process.env, STRIPE_API_BASE: fake.url, STRIPE_WEBHOOK_SECRET: secret, STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY ?? "sk_test_local_fake" }
    : process.env,
});
const stop = (signal) => server.kill(signal);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", async (code) => {
  await fake?.close();
  process.exit(code ?? 0);
});
