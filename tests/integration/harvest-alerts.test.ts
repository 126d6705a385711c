import { describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { db, getDb, schema } from "~/db.server";
import { action as savedAction, loader as savedLoader } from "~/routes/account_.saved-searches";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/alerts.unsubscribe.$token";
import { loader as searchLoader } from "~/routes/search";
import { drainAlertQueue } from "~/models/alert-fanout.server";
import { drainAlerts, normaliseSearch } from "~/models/saved-search.server";
import { sendDueDigests } from "~/capabilities/harvest/alerts.server";
import { cookieFor, demo, get, otherBuyerEmail, post, run, userId } from "./helpers/orders";
import { demoProduct, openAnnouncement, rows, today } from "./harvest-helpers";

const save = (search: string, name: string, cookie = cookieFor(demo.buyer)) => run(savedAction, post("/account/saved-searches", { intent: "save", search, name }, cookie));
const savedBy = (email: string) => db.select().from(schema.savedSearches).where(eq(schema.savedSearches.userId, userId(email))).all();
const deliveriesOf = (savedSearchId: number) => db.select().from(schema.alertDeliveries).where(eq(schema.alertDeliveries.savedSearchId, savedSearchId)).all();

describe("saving a search", () => {
  it("normalises the query (former province → current code, sort and page dropped) and refuses the same search twice", async () => {
    const n = normaliseSearch("?q=  bưởi  &province=Bến Tre&sort=price_asc&page=3");
    expect(n).toMatchObject({ ok: true, query: "q=b%C6%B0%E1%BB%9Fi&province=86" });
    const r = await save("?province=ben tre&q=bưởi", "Bưởi Bến Tre");
    expect(r.status).toBe(302);
    const mine = savedBy(demo.buyer).find((s) => s.name === "Bưởi Bến Tre")!;
    expect(mine).toMatchObject({ query: "q=b%C6%B0%E1%BB%9Fi&province=86", provinceCode: "86", anchor: "p:86" });
    const before = rows.savedSearches();
    const again = await save("?q=bưởi&province=86&sort=newest", "Lần nữa");
    expect(again.status).toBe(409);
    expect(rows.savedSearches()).toBe(before);
  });

  it("refuses a search with invalid filters (400) and writes nothing", async () => {
    const before = rows.savedSearches();
    for (const search of ["?province=Atlantis", "?cert=bogus", "?priceMin=9&priceMax=1", "?stars=9"]) {
      const r = await save(search, "Sai");
      expect(r.status).toBe(400);
    }
    expect((await save("?q=gao", "")).status).toBe(400);
    expect(rows.savedSearches()).toBe(before);
  });

  it("offers the button on /search to buyers only", async () => {
    expect(((await run(searchLoader, get("/search?q=gao", cookieFor(demo.buyer)))).data as { canSaveSearch: boolean }).canSaveSearch).toBe(true);
    expect(((await run(searchLoader, get("/search?q=gao"))).data as { canSaveSearch: boolean }).canSaveSearch).toBe(false);
  });
});

describe("another buyer's saved searches", () => {
  it("are neither listed, renamed, switched off nor deleted: 404 and nothing changes", async () => {
    const mine = savedBy(demo.buyer)[0]!;
    const other = cookieFor(otherBuyerEmail());
    const list = await run(savedLoader, get("/account/saved-searches", other));
    expect((list.data as { searches: { id: number }[] }).searches.map((s) => s.id)).not.toContain(mine.id);
    const attempts: Record<string, string | number>[] = [{ intent: "rename", id: mine.id, name: "Của tôi" }, { intent: "delete", id: mine.id }, { intent: "alertsOff", id: mine.id }];
    for (const fields of attempts) {
      const r = await run(savedAction, post("/account/saved-searches", fields, other));
      expect(r.status).toBe(404);
    }
    expect(db.select().from(schema.savedSearches).where(eq(schema.savedSearches.id, mine.id)).get()).toEqual(mine);
  });
});

describe("unsubscribing without logging in", () => {
  it("GET shows a confirmation and changes nothing; POST stops the alerts", async () => {
    const s = savedBy(demo.buyer)[0]!;
    const page = await run(unsubscribeLoader, get(`/alerts/unsubscribe/${s.unsubscribeToken}`), { token: s.unsubscribeToken });
    expect(page.status).toBe(200);
    expect(db.select().from(schema.savedSearches).where(eq(schema.savedSearches.id, s.id)).get()!.unsubscribedAt).toBeNull();
    const done = await run(unsubscribeAction, post(`/alerts/unsubscribe/${s.unsubscribeToken}`, {}), { token: s.unsubscribeToken });
    expect(done.status).toBe(200);
    expect(db.select().from(schema.savedSearches).where(eq(schema.savedSearches.id, s.id)).get()!.unsubscribedAt).not.toBeNull();
    db.update(schema.savedSearches).set({ unsubscribedAt: null }).where(eq(schema.savedSearches.id, s.id)).run();
  });

  it("an invalid token is a 404 on GET and POST, and nothing is written", async () => {
    const before = db.select().from(schema.savedSearches).all();
    for (const token of ["not-a-real-token-at-all-000000", "x", "../../etc/passwd"]) {
      expect((await run(unsubscribeLoader, get(`/alerts/unsubscribe/${encodeURIComponent(token)}`), { token })).status).toBe(404);
      expect((await run(unsubscribeAction, post(`/alerts/unsubscribe/${encodeURIComponent(token)}`, {}), { token })).status).toBe(404);
    }
    expect(db.select().from(schema.savedSearches).all()).toEqual(before);
  });
});

describe("alerts", () => {
  it("fan out a new product, an announcement and a price drop once each, on the worker thread, and mail one digest a day", async () => {
    const product = demoProduct(2);
    const word = product.nameVi.split(" ")[0]!;
    expect((await save(`?q=${encodeURIComponent(word)}&province=${product.originProvinceCode}`, "Theo dõi thử")).status).toBe(302);
    const s = savedBy(demo.buyer).find((x) => x.name === "Theo dõi thử")!;
    db.update(schema.savedSearches).set({ createdAt: "2020-01-01T00:00:00.000Z" }).where(eq(schema.savedSearches.id, s.id)).run();
    // A search that must not match: another province.
    expect((await save(`?q=${encodeURIComponent(word)}&province=01`, "Hà Nội")).status).toBe(302);
    const miss = savedBy(demo.buyer).find((x) => x.name === "Hà Nội")!;

    // The writes queue their alert work in the same transaction (triggers).
    const queued = rows.queue();
    const created = db
      .insert(schema.products)
      .values({ ...product, id: undefined, slug: `${product.slug}-moi`, gtin: null, status: "published", publishedAt: new Date().toISOString(), createdAt: undefined })
      .returning()
      .get();
    db.update(schema.products).set({ price: product.price - 1000 }).where(eq(schema.products.id, product.id)).run();
    const a = openAnnouncement({ productIndex: 2 });
    expect(rows.queue()).toBe(queued + 3);

    await drainAlerts();
    expect(rows.queue()).toBe(0);
    const got = deliveriesOf(s.id).map((d) => d.ref).sort();
    expect(got).toEqual([`announcement:${a.id}`, `price:${product.id}:${product.price - 1000}`, `product:${created.id}`].sort());
    expect(deliveriesOf(miss.id)).toEqual([]);

    // The same product published again is not news twice.
    db.update(schema.products).set({ status: "draft" }).where(eq(schema.products.id, created.id)).run();
    db.update(schema.products).set({ status: "published" }).where(eq(schema.products.id, created.id)).run();
    drainAlertQueue(getDb().$client, { today });
    expect(deliveriesOf(s.id)).toHaveLength(3);

    const mails = rows.outbox();
    const now = new Date();
    expect(await sendDueDigests({ now })).toBeGreaterThanOrEqual(1);
    const digest = db.select().from(schema.outbox).where(and(eq(schema.outbox.to, demo.buyer))).all().find((m) => m.subject.includes("Theo dõi thử"))!;
    expect(digest.text).toContain(`/alerts/unsubscribe/${s.unsubscribeToken}`);
    expect(digest.text).toContain(`/harvests/${a.id}`);
    expect(db.select().from(schema.alertDeliveries).where(and(eq(schema.alertDeliveries.savedSearchId, s.id), isNull(schema.alertDeliveries.sentAt))).all()).toEqual([]);

    // A new match within the day waits for tomorrow's digest.
    db.update(schema.products).set({ price: product.price - 2000 }).where(eq(schema.products.id, product.id)).run();
    drainAlertQueue(getDb().$client, { today });
    const digestsOf = () => db.select().from(schema.outbox).where(eq(schema.outbox.to, demo.buyer)).all().filter((m) => m.subject.includes("Theo dõi thử")).length;
    expect(digestsOf()).toBe(1);
    await sendDueDigests({ now: new Date(now.getTime() + 3_600_000) });
    expect(digestsOf()).toBe(1);
    await sendDueDigests({ now: new Date(now.getTime() + 25 * 3_600_000) });
    expect(digestsOf()).toBe(2);
    expect(rows.outbox()).toBeGreaterThan(mails);
  });
});
