import { describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { action as newAction } from "~/routes/dashboard.harvests.new";
import { action as editAction, loader as editLoader } from "~/routes/dashboard.harvests.$harvestId";
import { loader as boardLoader } from "~/routes/harvests._index";
import { loader as pageLoader } from "~/routes/harvests.$harvestId";
import { cookieFor, demo, get, otherCooperativeEmail, post, run } from "./helpers/orders";
import { demoProduct, inDays, openAnnouncement, otherCoopProduct, rows } from "./harvest-helpers";

const fields = (over: Record<string, string | number> = {}) => ({
  productId: demoProduct(0).id,
  quantity: "1200",
  harvestFrom: inDays(10),
  harvestTo: inDays(40),
  priceMin: "40000",
  priceMax: "",
  notes: "Hàng loại 1",
  ...over,
});

async function announce(over: Record<string, string | number>, cookie = cookieFor(demo.cooperative)) {
  const before = { a: rows.announcements(), q: rows.queue(), mail: rows.outbox() };
  const r = await run(newAction, post("/dashboard/harvests/new", fields(over), cookie));
  return { r, before };
}

describe("posting a harvest announcement: bad input writes nothing", () => {
  it.each([
    ["reversed window", { harvestFrom: inDays(40), harvestTo: inDays(10) }, "harvestTo", 400],
    ["negative quantity", { quantity: "-5" }, "quantity", 400],
    ["fractional quantity", { quantity: "12.5" }, "quantity", 400],
    ["absurd quantity", { quantity: "10000000000" }, "quantity", 400],
    ["separators", { quantity: "1.200" }, "quantity", 400],
    ["price range upside down", { priceMax: "30000" }, "priceMax", 400],
    ["window already over", { harvestFrom: inDays(-40), harvestTo: inDays(-10) }, "harvestTo", 400],
  ])("%s → %i", async (_name, over, field, status) => {
    const { r, before } = await announce(over);
    expect(r.status).toBe(status);
    const reply = r.data as { error: Record<string, string[]>; initialValue: Record<string, string> };
    expect(reply.error[field]?.length).toBeGreaterThan(0);
    // What the user typed comes back, so the form shows it again.
    expect(reply.initialValue.notes).toBe("Hàng loại 1");
    expect(rows.announcements()).toBe(before.a);
    expect(rows.queue()).toBe(before.q);
  });

  it("refuses fractions of a counted unit in terms of that unit", async () => {
    const thung = [0, 1, 2, 3, 4, 5].map(demoProduct).find((p) => p && ["thung", "hop", "chai", "tui", "qua", "bo", "goi"].includes(p.unit));
    expect(thung).toBeTruthy();
    const { r } = await announce({ productId: thung!.id, quantity: "2.5" });
    expect(r.status).toBe(400);
    expect((r.data as { error: Record<string, string[]> }).error.quantity).toEqual(["harvest.errors.quantityFractionalWhole"]);
  });

  it("answers 404 for an unknown product and for another cooperative's product", async () => {
    for (const productId of [99_999_999, otherCoopProduct().id]) {
      const { r, before } = await announce({ productId });
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.data)).toContain("Không tìm thấy sản phẩm này");
      expect(rows.announcements()).toBe(before.a);
    }
  });

  it("is for cooperatives only", async () => {
    const r = await run(newAction, post("/dashboard/harvests/new", fields(), cookieFor(demo.buyer)));
    expect(r.status).toBe(403);
  });
});

describe("a valid announcement", () => {
  it("is stored with the product's unit, queued for saved-search alerts in the same write, and mailed to followers", async () => {
    const { r, before } = await announce({ priceMax: "45000" });
    expect(r.status).toBe(302);
    const a = db.select().from(schema.harvestAnnouncements).orderBy(desc(schema.harvestAnnouncements.id)).get()!;
    expect(r.location).toBe(`/dashboard/harvests/${a.id}?created=1`);
    expect(a).toMatchObject({ quantity: 1200, remainingQuantity: 1200, priceMin: 40000, priceMax: 45000, unit: demoProduct(0).unit, status: "open" });
    expect(rows.queue()).toBeGreaterThanOrEqual(before.q);
    // The demo buyer follows the demo cooperative (seed): its people got a mail.
    const mail = db.select().from(schema.outbox).where(eq(schema.outbox.to, demo.buyer)).orderBy(desc(schema.outbox.id)).get()!;
    expect(mail.subject).toContain("Tin mùa vụ mới");
    expect(mail.text).toContain(`/harvests/${a.id}`);
    // It shows on the public board and page, with certificates computed, not typed.
    const board = await run(boardLoader, get(`/harvests?q=${encodeURIComponent(demoProduct(0).nameVi.split(" ")[0]!)}`));
    expect((board.data as { items: { id: number }[] }).items.map((i) => i.id)).toContain(a.id);
    const page = await run(pageLoader, get(`/harvests/${a.id}`), { harvestId: String(a.id) });
    expect(page.status).toBe(200);
  });

  it("finds announcements by a former province name on the board", async () => {
    const a = openAnnouncement();
    const board = await run(boardLoader, get("/harvests?province=Bến Tre"));
    expect(board.status).toBe(200);
    const d = board.data as { items: { id: number }[]; notices: { former: string }[] };
    expect(d.items.map((i) => i.id)).toContain(a.id);
    expect(d.notices[0]?.former).toBe("Bến Tre");
    expect((await run(boardLoader, get("/harvests?province=Atlantis"))).status).toBe(400);
  });
});

describe("editing and state", () => {
  it("another cooperative gets 404 for the announcement, and cannot change it", async () => {
    const a = openAnnouncement();
    const other = cookieFor(otherCooperativeEmail());
    expect((await run(editLoader, get(`/dashboard/harvests/${a.id}`, other), { harvestId: String(a.id) })).status).toBe(404);
    const r = await run(editAction, post(`/dashboard/harvests/${a.id}`, { intent: "close" }, other), { harvestId: String(a.id) });
    expect(r.status).toBe(404);
    expect(db.select().from(schema.harvestAnnouncements).where(eq(schema.harvestAnnouncements.id, a.id)).get()!.status).toBe("open");
  });

  it("refuses a quantity below what is reserved (409) and a second close (409)", async () => {
    const a = openAnnouncement({ quantity: 500 });
    db.update(schema.harvestAnnouncements).set({ remainingQuantity: 200 }).where(eq(schema.harvestAnnouncements.id, a.id)).run();
    db.insert(schema.harvestReservations)
      .values({ announcementId: a.id, buyerId: 1, cooperativeId: a.cooperativeId, quantity: 300, deliveryProvinceCode: "79", deliveryCommune: "X", deliveryAddress: "Y" })
      .run();
    const coop = cookieFor(demo.cooperative);
    const low = await run(editAction, post(`/dashboard/harvests/${a.id}`, { ...fields({ quantity: "299" }) }, coop), { harvestId: String(a.id) });
    expect(low.status).toBe(409);
    expect(db.select().from(schema.harvestAnnouncements).where(eq(schema.harvestAnnouncements.id, a.id)).get()!.quantity).toBe(500);
    const ok = await run(editAction, post(`/dashboard/harvests/${a.id}`, { ...fields({ quantity: "800" }) }, coop), { harvestId: String(a.id) });
    expect(ok.status).toBe(302);
    expect(db.select().from(schema.harvestAnnouncements).where(eq(schema.harvestAnnouncements.id, a.id)).get()).toMatchObject({ quantity: 800, remainingQuantity: 500 });
    expect((await run(editAction, post(`/dashboard/harvests/${a.id}`, { intent: "close" }, coop), { harvestId: String(a.id) })).status).toBe(302);
    expect((await run(editAction, post(`/dashboard/harvests/${a.id}`, { intent: "close" }, coop), { harvestId: String(a.id) })).status).toBe(409);
  });
});
