import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as accountAction } from "~/routes/account";
import { args, call, cookieFor, postForm } from "./catalogue-helpers";

describe("audit: changing the password", () => {
  it("throttles guesses of the current password like failed logins, and then changes nothing", async () => {
    const email = "nhanvien@demo.chohtx.vn";
    const cookie = cookieFor(email);
    const hash = () => db.select().from(schema.users).where(eq(schema.users.email, email)).get()!.passwordHash;
    const before = hash();
    const attempt = (currentPassword: string) =>
      call(() => accountAction(args(postForm("/account", { intent: "password", currentPassword, newPassword: "Mat-khau-moi-2027" }, cookie))));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(`doan-sai-${i}-2026`)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const blocked = await attempt("chohtx-demo-2026");
    expect(blocked.status).toBe(429);
    expect(hash()).toBe(before);
  });
});
