import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

type DataResult = { init: { status?: number; headers?: HeadersInit } | null; data: unknown };

async function status(result: unknown): Promise<number> {
  if (result instanceof Response) return result.status;
  return (result as DataResult).init?.status ?? 200;
}

const users = () => db.select({ n: count() }).from(schema.users).get()!.n;

describe("login", () => {
  it("logs the demo cooperative in and sets an HttpOnly session cookie", async () => {
    const res = (await loginAction({ request: post("/login", { email: "htx@demo.chohtx.vn", password: "chohtx-demo-2026" }), params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/dashboard");
    expect(res.headers.get("Set-Cookie")).toMatch(/__session=.+HttpOnly; SameSite=Lax/);
  });

  it("throttles one address after too many failures across accounts", async () => {
    const ip = "203.0.113.9";
    for (let i = 0; i < 20; i++) {
      const r = await loginAction({ request: post("/login", { email: `nobody${i}@example.vn`, password: "wrong-password-1" }, { "X-Client-Address": ip }), params: {}, context: {} });
      expect(await status(r)).toBe(401);
    }
    const blocked = await loginAction({ request: post("/login", { email: "htx@demo.chohtx.vn", password: "chohtx-demo-2026" }, { "X-Client-Address": ip }), params: {}, context: {} });
    expect(await status(blocked)).toBe(429);
    expect(new Headers((blocked as DataResult).init?.headers).get("Retry-After")).toMatch(/^\d+$/);
    // Another address is not affected.
    const other = await loginAction({ request: post("/login", { email: "htx@demo.chohtx.vn", password: "chohtx-demo-2026" }, { "X-Client-Address": "198.51.100.1" }), params: {}, context: {} });
    expect(await status(other)).toBe(302);
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    const a = (await loginAction({ request: post("/login", { email: "unknown@example.vn", password: "whatever-123" }), params: {}, context: {} })) as DataResult;
    const b = (await loginAction({ request: post("/login", { email: "htx@demo.chohtx.vn", password: "whatever-123" }), params: {}, context: {} })) as DataResult;
    expect(a.init?.status).toBe(401);
    expect(b.init?.status).toBe(401);
    expect(JSON.stringify(a.data).replace(/unknown@example\.vn/, "")).toBe(JSON.stringify(b.data).replace(/htx@demo\.chohtx\.vn/, ""));
  });
});

describe("signup", () => {
  const buyer = {
    kind: "buyer",
    orgName: "Công ty Kiểm Thử",
    taxCode: "0123456789",
    buyerType: "distributor",
    provinceCode: "79",
    name: "Kiểm Thử",
    email: "kiem.thu@example.vn",
    password: "kiem-thu-2026",
  };

  it("rejects a malformed tax code with 400 and writes nothing", async () => {
    const before = users();
    const r = await signupAction({ request: post("/signup", { ...buyer, taxCode: "12-34" }), params: {}, context: {} });
    expect(await status(r)).toBe(400);
    expect(users()).toBe(before);
  });

  it("rejects an unknown province with 400", async () => {
    const r = await signupAction({ request: post("/signup", { ...buyer, provinceCode: "99" }), params: {}, context: {} });
    expect(await status(r)).toBe(400);
  });

  it("rejects a duplicate email with 409 and keeps the organisation count", async () => {
    const orgs = db.select({ n: count() }).from(schema.organisations).get()!.n;
    const r = await signupAction({ request: post("/signup", { ...buyer, email: "buyer@demo.chohtx.vn" }), params: {}, context: {} });
    expect(await status(r)).toBe(409);
    expect(db.select({ n: count() }).from(schema.organisations).get()!.n).toBe(orgs);
  });

  it("creates the organisation, the owner and the membership together", async () => {
    const r = (await signupAction({ request: post("/signup", buyer), params: {}, context: {} })) as Response;
    expect(r.status).toBe(302);
    const user = db.select().from(schema.users).where(eq(schema.users.email, buyer.email)).get()!;
    const membership = db.select().from(schema.memberships).where(eq(schema.memberships.userId, user.id)).get()!;
    expect(membership.role).toBe("owner");
    const org = db.select().from(schema.organisations).where(eq(schema.organisations.id, membership.organisationId)).get()!;
    expect(org).toMatchObject({ kind: "buyer", taxCode: "0123456789", provinceCode: "79" });
    expect(user.passwordHash).toMatch(/^\$argon2/);
  });
});
