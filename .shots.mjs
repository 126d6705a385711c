import { chromium } from "@playwright/test";
import crypto from "node:crypto";
import Database from "better-sqlite3";
const base = "http://localhost:3141";
const [,, ...specs] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
function session(email) {
  const db = new Database("/tmp/fairs-shots.db");
  const user = db.prepare("select id from users where email = ?").get(email);
  const token = crypto.randomBytes(32).toString("base64url");
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  db.prepare("insert into sessions (token_hash, user_id, expires_at) values (?, ?, ?)").run(hash, user.id, new Date(Date.now() + 86400000).toISOString());
  db.close();
  return token;
}
for (const spec of specs) {
  const [name, path, width, email] = spec.split("|");
  const ctx = await browser.newContext({ viewport: { width: Number(width), height: width < 500 ? 780 : 800 }, locale: "vi-VN" });
  if (email) await ctx.addCookies([{ name: "__session", value: session(email), domain: "localhost", path: "/" }]);
  const page = await ctx.newPage();
  await page.goto(base + path);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true });
  await ctx.close();
}
await browser.close();
