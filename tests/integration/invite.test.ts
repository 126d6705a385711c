import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSession } from "~/services/auth.server";
import { db, schema } from "~/db.server";
import { action as inviteAction } from "~/routes/invite.$token";
import { action as teamAction } from "~/routes/dashboard.team";

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

function sessionCookie(email: string) {
  const user = db.select().from(schema.users).where(eq(schema.users.email, email)).get()!;
  return createSession({ userId: user.id, request: new Request("http://localhost") }).split(";")[0]!;
}

type Result = { init: { status?: number } | null; data: unknown };

describe("staff invitations", () => {
  it("an owner invites by email; the invitee creates an account and joins as staff; the link works once", async () => {
    const owner = sessionCookie("htx@demo.chohtx.vn");
    const res = await teamAction({ request: post("/dashboard/team", { email: "moi.nhan.vien@example.vn" }, owner), params: {}, context: {} });
    expect((res as Result).init?.status ?? 200).toBe(200);
    const mail = db.select().from(schema.outbox).where(eq(schema.outbox.to, "moi.nhan.vien@example.vn")).get()!;
    const token = mail.text.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]!;

    const weak = (await inviteAction({ request: post(`/invite/${token}`, { name: "Nhân Viên Mới", password: "short" }), params: { token }, context: {} })) as Result;
    expect(weak.init?.status).toBe(400);

    const ok = (await inviteAction({ request: post(`/invite/${token}`, { name: "Nhân Viên Mới", password: "nhan-vien-2026" }), params: { token }, context: {} })) as Response;
    expect(ok.status).toBe(302);
    const user = db.select().from(schema.users).where(eq(schema.users.email, "moi.nhan.vien@example.vn")).get()!;
    const membership = db.select().from(schema.memberships).where(eq(schema.memberships.userId, user.id)).get()!;
    expect(membership.role).toBe("staff");

    const again = (await inviteAction({ request: post(`/invite/${token}`, { name: "X", password: "nhan-vien-2026" }), params: { token }, context: {} })) as Result;
    expect(again.init?.status).toBe(400);
  });

  it("staff cannot invite", async () => {
    const staff = sessionCookie("nhanvien@demo.chohtx.vn");
    await expect(teamAction({ request: post("/dashboard/team", { email: "x@example.vn" }, staff), params: {}, context: {} })).rejects.toMatchObject({ status: 403 });
    expect(db.select().from(schema.outbox).where(eq(schema.outbox.to, "x@example.vn")).all()).toHaveLength(0);
  });

  it("inviting an existing member is a 409", async () => {
    const owner = sessionCookie("htx@demo.chohtx.vn");
    const res = (await teamAction({ request: post("/dashboard/team", { email: "nhanvien@demo.chohtx.vn" }, owner), params: {}, context: {} })) as Result;
    expect(res.init?.status).toBe(409);
  });
});

describe("an invitee who signed up meanwhile", () => {
  it("gets 409, the invitation stays unused and no second account is made", async () => {
    const owner = sessionCookie("htx@demo.chohtx.vn");
    await teamAction({ request: post("/dashboard/team", { email: "vua.dang.ky@example.vn" }, owner), params: {}, context: {} });
    const mail = db.select().from(schema.outbox).where(eq(schema.outbox.to, "vua.dang.ky@example.vn")).get()!;
    const token = mail.text.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]!;
    // The account appears while the action is reading the form, after it has looked for one.
    const form = new TextEncoder().encode(new URLSearchParams({ name: "Người Mới", password: "nguoi-moi-2026" }).toString());
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        db.insert(schema.users).values({ email: "vua.dang.ky@example.vn", name: "Đã đăng ký", passwordHash: "x" }).run();
        controller.enqueue(form);
        controller.close();
      },
    });
    const request = new Request(`http://localhost:3000/invite/${token}`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as RequestInit);
    const res = (await inviteAction({ request, params: { token }, context: {} })) as Result;
    expect(res.init?.status).toBe(409);
    expect(db.select().from(schema.users).where(eq(schema.users.email, "vua.dang.ky@example.vn")).all()).toHaveLength(1);
    const row = db.select().from(schema.tokens).where(eq(schema.tokens.email, "vua.dang.ky@example.vn")).get()!;
    expect(row.usedAt).toBeNull();
  });
});
