import crypto from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { e2eBaseURL, e2eDbPath } from "../setup/paths";

/** Direct access to the server's database file, for arranging state and checking what was written. */
export function e2eDb() {
  const db = new Database(e2eDbPath);
  db.pragma("busy_timeout = 5000");
  return db;
}

/** Logs in by writing a session row and setting its cookie, as the app itself would. */
export async function loginAs(page: Page, email: string) {
  const db = e2eDb();
  try {
    const user = db.prepare("select id from users where email = ?").get(email) as { id: number } | undefined;
    if (!user) throw new Error(`No user ${email} in the e2e database`);
    const token = crypto.randomBytes(32).toString("base64url");
    const hash = crypto.createHash("sha256").update(token).digest("hex");
    db.prepare("insert into sessions (token_hash, user_id, expires_at) values (?, ?, ?)").run(
      hash,
      user.id,
      new Date(Date.now() + 86_400_000).toISOString(),
    );
    const url = new URL(e2eBaseURL);
    await page.context().addCookies([{ name: "__session", value: token, domain: url.hostname, path: "/", httpOnly: true, secure: false, sameSite: "Lax" }]);
  } finally {
    db.close();
  }
}

/** Fails on serious or critical accessibility violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${crypto.randomBytes(3).toString("hex")}@e2e.chohtx.vn`;
}

/** A well-formed tax code no other test uses. */
export function uniqueTaxCode() {
  return String(crypto.randomInt(1_000_000_000, 9_999_999_999));
}

export const demo = {
  password: "chohtx-demo-2026",
  cooperative: "htx@demo.chohtx.vn",
  buyer: "buyer@demo.chohtx.vn",
  alliance: "lienminh@demo.chohtx.vn",
  admin: "admin@demo.chohtx.vn",
};

export const test = base;
export { expect };
