import { and, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db, schema } from "~/db.server";
import { sendExpiryWarnings } from "~/services/certificate-warnings.server";
import { loader as dashboardLoader } from "~/routes/dashboard._index";
import { args, call, cookieFor, get } from "./catalogue-helpers";

// The mail server is down for this whole file.
vi.mock("~/services/mail.server", () => ({
  sendMail: vi.fn(async () => {
    throw new Error("SMTP unreachable");
  }),
  absoluteUrl: (path: string) => `http://localhost:3000${path}`,
}));

describe("expiry warnings when mail fails", () => {
  it("keeps the dashboard working and leaves the certificates to be warned next time", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const dashboard = await call(() => dashboardLoader(args(get("/dashboard", cookieFor("htx@demo.chohtx.vn")))));
    expect(dashboard.status).toBe(200);
    expect((dashboard.data as { expiring: unknown[] }).expiring.length).toBeGreaterThan(0);
    const result = await sendExpiryWarnings();
    expect(result.sent).toBe(0);
    expect(result.failed).toBeGreaterThan(0);
    const warned = db.select().from(schema.certificates).where(and(eq(schema.certificates.status, "verified"), isNotNull(schema.certificates.expiryWarnedAt))).all();
    expect(warned).toEqual([]);
  });
});
