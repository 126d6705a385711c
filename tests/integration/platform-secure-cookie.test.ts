import { afterEach, describe, expect, it, vi } from "vitest";
import { cookiesAreSecure } from "~/env.server";

const saved = { PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN, SECURE_COOKIES: process.env.SECURE_COOKIES, NODE_ENV: process.env.NODE_ENV };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  vi.resetModules();
});

/** Logs in through the real login action of a server configured with this public origin (production mode). */
async function loginCookie(publicOrigin: string) {
  vi.resetModules();
  process.env.PUBLIC_ORIGIN = publicOrigin;
  process.env.NODE_ENV = "production";
  delete process.env.SECURE_COOKIES;
  const { action } = await import("~/routes/login");
  const body = new URLSearchParams({ email: "buyer@demo.chohtx.vn", password: "chohtx-demo-2026" });
  const request = new Request(`${publicOrigin}/login`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  const res = (await action({ request, params: {}, context: {} })) as Response;
  expect(res.status).toBe(302);
  return res.headers.get("Set-Cookie")!;
}

describe("the session cookie's Secure flag follows PUBLIC_ORIGIN", () => {
  it("a plain-HTTP install (LAN, script) gets a cookie it can send back: no Secure", async () => {
    const cookie = await loginCookie("http://192.168.1.20:3000");
    expect(cookie).toMatch(/^__session=[A-Za-z0-9_-]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it("behind HTTPS the cookie stays Secure", async () => {
    const cookie = await loginCookie("https://chohtx.vn");
    expect(cookie).toMatch(/;\s*Secure(;|$)/);
  });

  it("SECURE_COOKIES overrides either way", () => {
    expect(cookiesAreSecure({ publicOrigin: "http://lan:3000" })).toBe(false);
    expect(cookiesAreSecure({ publicOrigin: "https://chohtx.vn" })).toBe(true);
    expect(cookiesAreSecure({ publicOrigin: "http://lan:3000", override: "true" })).toBe(true);
    expect(cookiesAreSecure({ publicOrigin: "https://chohtx.vn", override: "false" })).toBe(false);
  });
});
