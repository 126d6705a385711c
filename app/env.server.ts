import { z } from "zod";

/** Every setting the server reads, parsed once. Nothing else in `app/` reads `process.env`. */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("./data/cho-htx.db"),
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
  /** The origin printed in QR codes, emails and absolute links. */
  PUBLIC_ORIGIN: z.url().default("http://localhost:3000"),
  /** Serve cookies with `Secure`. Unset: follows PUBLIC_ORIGIN's scheme (https: Secure; http: not). */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Chợ HTX <no-reply@chohtx.vn>"),
  STRIPE_SECRET_KEY: z.string().default("sk_test_local_fake"),
  STRIPE_WEBHOOK_SECRET: z.string().default("whsec_local_fake_secret"),
  /** Points the real `stripe` client at a local fake, e.g. http://127.0.0.1:12111. Unset: Stripe itself. */
  STRIPE_API_BASE: z.url().optional(),
  /** Login throttling: failures allowed per window, per account and per address. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Traceability: a serial resolved more often than this is treated as a possible copy. */
  TRACE_SERIAL_SCAN_LIMIT: z.coerce.number().int().positive().default(20),
  /** Traceability: problem reports allowed per address per hour. */
  TRACE_REPORTS_PER_HOUR: z.coerce.number().int().positive().default(3),
  /** Trade fair leads allowed per window, per client address (visitors share the venue's Wi-Fi) and per booth. */
  FAIR_LEADS_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  FAIR_LEADS_PER_BOOTH: z.coerce.number().int().positive().default(60),
  FAIR_LEAD_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
});

export type Env = z.infer<typeof schema>;

function parse(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export const env = parse();

/**
 * A browser never sends a `Secure` cookie back over plain HTTP, so a LAN install at http://… (or a script) could
 * never stay logged in if it were set there; behind HTTPS it is always set. SECURE_COOKIES overrides, e.g. for a
 * proxy that terminates TLS in front of an origin configured as http.
 */
export function cookiesAreSecure({ publicOrigin, override }: { publicOrigin: string; override?: "true" | "false" }): boolean {
  if (override !== undefined) return override === "true";
  return new URL(publicOrigin).protocol === "https:";
}

export const secureCookies = cookiesAreSecure({ publicOrigin: env.PUBLIC_ORIGIN, override: env.SECURE_COOKIES });
