import { defineConfig, devices } from "@playwright/test";
import { e2eBaseURL as baseURL, e2eDbPath, e2ePort as port } from "./tests/setup/paths";


/** The local Stripe fake (tests/fakes/stripe-fake.mjs): its port follows the e2e port so checkouts never collide. */
const stripeFakePort = Number(process.env.STRIPE_FAKE_PORT ?? 12000 + (port % 1000));
const stripeFake = `http://127.0.0.1:${stripeFakePort}`;
const webhookSecret = "whsec_e2e_local_fake";

/** Environment of the server under test; the Stripe fake and the mail outbox stay on this machine. */
export const serverEnv = {
  NODE_ENV: "production",
  PORT: String(port),
  DATABASE_PATH: e2eDbPath,
  UPLOADS_DIR: `${e2eDbPath}.uploads`,
  PUBLIC_ORIGIN: baseURL,
  // Every test logs in from 127.0.0.1, so the per-address limit is raised; the per-account limit is real.
  LOGIN_MAX_FAILURES_PER_IP: "10000",
  // Likewise for consumer problem reports: several specs report from the same address within the hour.
  TRACE_REPORTS_PER_HOUR: "100",
  STRIPE_SECRET_KEY: "sk_test_e2e_local_fake",
  STRIPE_WEBHOOK_SECRET: webhookSecret,
  STRIPE_API_BASE: stripeFake,
};

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "./tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // The JSON report feeds the closing totals line of `npm test` (tests/run-all.mjs).
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
    locale: "vi-VN",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium, channel: undefined } },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], launchOptions: chromium, channel: undefined },
      grep: /@phone/,
    },
  ],
  webServer: [
    {
      command: "node tests/fakes/stripe-fake.mjs",
      url: `${stripeFake}/healthz`,
      env: { STRIPE_FAKE_PORT: String(stripeFakePort), STRIPE_FAKE_WEBHOOK_URL: `${baseURL}/webhooks/stripe`, STRIPE_WEBHOOK_SECRET: webhookSecret },
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node server.js",
      url: `${baseURL}/healthz`,
      env: serverEnv,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
