import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { ORIGIN, args, call } from "./catalogue-helpers";

const outbox = (to: string) => db.select({ n: count() }).from(schema.outbox).where(eq(schema.outbox.to, to)).get()!.n;

function forgot(email: string, address: string) {
  return new Request(`${ORIGIN}/forgot-password`, {
    method: "POST",
    body: new URLSearchParams({ email }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Client-Address": address },
  });
}

describe("audit: password reset requests are throttled", () => {
  it("sends a few reset mails per email, then answers 429 and sends no more", async () => {
    const email = "htx@demo.chohtx.vn";
    const before = outbox(email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(() => forgotAction(args(forgot(email, `203.0.113.${i}`))))).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    expect(outbox(email) - before).toBe(3);
  });

  it("limits one address across many emails, whether or not they have accounts", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await call(() => forgotAction(args(forgot(`khong-co-${i}@example.vn`, "198.51.100.7"))))).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await call(() => forgotAction(args(forgot("khong-co-x@example.vn", "198.51.100.8"))))).status).toBe(200);
  });
});
