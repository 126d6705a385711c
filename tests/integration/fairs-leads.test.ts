import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as boothAction, loader as boothLoader } from "~/routes/fairs.$fairId.booths.$boothId";
import { loader as fairLoader } from "~/routes/fairs.$fairId._index";
import { loader as fairsLoader } from "~/routes/fairs._index";
import { loader as inboxLoader } from "~/routes/dashboard.inquiries._index";
import { action as contactAction } from "~/routes/cooperatives.$slug_.contact";
import { action as cartAction } from "~/routes/cart";
import { clearCart, cookieFor, delivery, demo, get, ORIGIN, orgOf, prepareProduct, run } from "./helpers/orders";
import { fairCounts, makeBooth, makeFair, postWith } from "./fairs-helpers";

const coopId = () => orgOf(demo.cooperative).id;
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

const lead = (over: Record<string, string> = {}) => ({
  name: "Nguyễn Văn Khách",
  business: "Cửa hàng Trái cây Khách",
  phone: "0912 345 678",
  email: "",
  interest: "Bưởi da xanh, 200 kg mỗi tuần",
  consent: "on",
  ...over,
});

function send(fairId: number, boothId: number, fields: Record<string, string>, headers: Record<string, string> = { "X-Client-Address": freshIp() }) {
  return run(boothAction, postWith(`/fairs/${fairId}/booths/${boothId}`, fields, headers), { fairId: String(fairId), boothId: String(boothId) });
}

describe("booth leads", () => {
  it("a visitor without an account leaves a lead; it reaches the cooperative's inbox as a thread that says it came from the fair", async () => {
    const { fair, booth } = makeBooth(coopId());
    const r = await send(fair.id, booth.id, lead());
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ outcome: "sent", threadId: null });
    const row = db.select().from(schema.fairLeads).where(eq(schema.fairLeads.boothId, booth.id)).get()!;
    expect(row).toMatchObject({ phone: "+84912345678", consent: true, name: "Nguyễn Văn Khách" });
    const thread = db.select().from(schema.threads).where(eq(schema.threads.id, row.threadId!)).get()!;
    expect(thread.cooperativeId).toBe(coopId());
    expect(thread.subject).toBe(`Khách hội chợ: Nguyễn Văn Khách tại ${fair.name}`);
    const visitor = db.select().from(schema.organisations).where(eq(schema.organisations.id, thread.buyerId)).get()!;
    expect(visitor).toMatchObject({ kind: "buyer", status: "suspended" });
    const message = db.select().from(schema.messages).where(eq(schema.messages.threadId, thread.id)).get()!;
    expect(message.body).toContain(`gian ${booth.boothNumber}`);
    expect(message.body).toContain("0912 345 678");
    const inbox = await run(inboxLoader, get("/dashboard/inquiries", cookieFor(demo.cooperative)));
    expect((inbox.data as { threads: { id: number; unread: number }[] }).threads.find((t) => t.id === thread.id)?.unread).toBe(1);
    // A second visitor of the same fair shares the fair's visitor stand-in.
    await send(fair.id, booth.id, lead({ name: "Khách Hai", phone: "", email: "hai@example.vn" }));
    const second = db.select().from(schema.fairLeads).where(and(eq(schema.fairLeads.boothId, booth.id), eq(schema.fairLeads.name, "Khách Hai"))).get()!;
    expect(db.select().from(schema.threads).where(eq(schema.threads.id, second.threadId!)).get()!.buyerId).toBe(visitor.id);
  });

  it("answers a lead with no contact, an invalid phone or no consent with 400, keeping what was typed and writing nothing", async () => {
    const { fair, booth } = makeBooth(coopId());
    const before = fairCounts();
    const cases: [Record<string, string>, string, string][] = [
      [lead({ phone: "", email: "" }), "phone", "fairs.errors.contactRequired"],
      [lead({ phone: "0123 456" }), "phone", "fairs.errors.phone"],
      [lead({ phone: "+1 415 555 0100" }), "phone", "fairs.errors.phone"],
      [lead({ email: "khong-phai-email" }), "email", "errors.email"],
      [lead({ consent: "" }), "consent", "fairs.errors.consent"],
      [lead({ name: "" }), "name", "errors.required"],
    ];
    for (const [fields, field, key] of cases) {
      const r = await send(fair.id, booth.id, fields);
      expect(r.status).toBe(400);
      const result = (r.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
      expect(result.error[field]).toEqual([key]);
      expect(result.initialValue.interest).toBe("Bưởi da xanh, 200 kg mỗi tuần");
      if (fields.phone) expect(result.initialValue.phone).toBe(fields.phone);
    }
    expect(fairCounts()).toEqual(before);
  });

  it("keeps one lead per contact, booth and day: the second is told it was received and writes nothing new", async () => {
    const { fair, booth } = makeBooth(coopId());
    expect((await send(fair.id, booth.id, lead())).data).toMatchObject({ outcome: "sent" });
    const before = fairCounts();
    // The same number written another way is the same contact.
    const again = await send(fair.id, booth.id, lead({ phone: "+84 912 345 678", interest: "Nhắc lại" }));
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ outcome: "duplicate" });
    expect(fairCounts()).toEqual(before);
  });

  it("answers a flood from one address with 429 and Retry-After, then the booth's own limit, writing no lead", async () => {
    const { fair, booth } = makeBooth(coopId());
    const ip = { "X-Client-Address": "198.51.100.7" };
    for (let i = 0; i < 20; i++) expect((await send(fair.id, booth.id, lead({ phone: "", email: `khach${i}@example.vn` }), ip)).status).toBe(200);
    const before = fairCounts();
    const blocked = await send(fair.id, booth.id, lead({ phone: "", email: "khach-moi@example.vn" }), ip);
    expect(blocked.status).toBe(429);
    expect(JSON.stringify(blocked.data)).toMatch(/quá nhiều yêu cầu/);
    expect(JSON.stringify(blocked.data)).toContain("Nguyễn Văn Khách");
    const raw = await initOf(boothAction({ request: postWith(`/fairs/${fair.id}/booths/${booth.id}`, lead({ phone: "", email: "lan-nua@example.vn" }), ip), params: { fairId: String(fair.id), boothId: String(booth.id) }, context: {} }));
    const retryAfter = Number(raw.headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(fairCounts()).toEqual(before);
    // Another booth is not affected by that address's count of this booth… but the address limit is per address.
    const other = makeBooth(coopId());
    expect((await send(other.fair.id, other.booth.id, lead({ email: "x@example.vn", phone: "" }), { "X-Client-Address": "198.51.100.8" })).status).toBe(200);
    // The booth itself takes at most 60 per window from all addresses together.
    for (let i = 0; i < 40; i++) expect((await send(fair.id, booth.id, lead({ phone: "", email: `dong${i}@example.vn` }))).status).toBe(200);
    const full = fairCounts();
    const boothBlocked = await send(fair.id, booth.id, lead({ phone: "", email: "cuoi@example.vn" }));
    expect(boothBlocked.status).toBe(429);
    expect(fairCounts()).toEqual(full);
  });

  it("a signed-in buyer's lead is a normal thread from its organisation", async () => {
    const { fair, booth } = makeBooth(coopId());
    const page = await run(boothLoader, get(`/fairs/${fair.id}/booths/${booth.id}`, cookieFor(demo.buyer)), { fairId: String(fair.id), boothId: String(booth.id) });
    expect((page.data as { defaults: { business: string } }).defaults.business).toBe(orgOf(demo.buyer).name);
    const r = await run(boothAction, postWith(`/fairs/${fair.id}/booths/${booth.id}`, lead(), { Cookie: cookieFor(demo.buyer), "X-Client-Address": freshIp() }), { fairId: String(fair.id), boothId: String(booth.id) });
    const threadId = (r.data as { threadId: number }).threadId;
    expect(threadId).toBeGreaterThan(0);
    const thread = db.select().from(schema.threads).where(eq(schema.threads.id, threadId)).get()!;
    expect(thread.buyerId).toBe(orgOf(demo.buyer).id);
    expect(db.select().from(schema.fairLeads).where(eq(schema.fairLeads.threadId, threadId)).get()!.buyerOrgId).toBe(orgOf(demo.buyer).id);
  });

  it("answers unknown fairs and booths, a booth of another fair and a draft fair with 404", async () => {
    const { fair, booth } = makeBooth(coopId());
    const { booth: elsewhere } = makeBooth(coopId());
    const draft = makeFair();
    db.update(schema.fairs).set({ state: "draft" }).where(eq(schema.fairs.id, draft.id)).run();
    const before = fairCounts();
    const params = (f: string | number, b: string | number) => ({ fairId: String(f), boothId: String(b) });
    expect((await run(boothLoader, get(`/fairs/999999/booths/${booth.id}`), params(999999, booth.id))).status).toBe(404);
    expect((await run(boothLoader, get(`/fairs/${fair.id}/booths/999999`), params(fair.id, 999999))).status).toBe(404);
    expect((await run(boothLoader, get(`/fairs/${fair.id}/booths/x`), params(fair.id, "x"))).status).toBe(404);
    expect((await run(boothLoader, get(`/fairs/${fair.id}/booths/${elsewhere.id}`), params(fair.id, elsewhere.id))).status).toBe(404);
    expect((await send(fair.id, elsewhere.id, lead())).status).toBe(404);
    expect((await run(fairLoader, get("/fairs/999999"), { fairId: "999999" })).status).toBe(404);
    expect((await run(fairLoader, get(`/fairs/${draft.id}`), { fairId: String(draft.id) })).status).toBe(404);
    expect(fairCounts()).toEqual(before);
    // And a malformed filter is a 400, not an empty page.
    expect((await run(fairLoader, get(`/fairs/${fair.id}?stars=9`), { fairId: String(fair.id) })).status).toBe(400);
  });

  it("lists fairs and filters booths by province, OCOP group, stars and folded text", async () => {
    const list = await run(fairsLoader, get("/fairs"));
    const { upcoming, past } = list.data as { upcoming: { name: string }[]; past: { name: string }[] };
    expect(past.map((f) => f.name)).toContain("Hội chợ Nông sản – OCOP Vĩnh Long 2026");
    expect(upcoming.map((f) => f.name)).toContain("Phiên kết nối cung cầu nông sản Vĩnh Long – Thành phố Hồ Chí Minh");
    const seeded = db.select().from(schema.fairs).where(eq(schema.fairs.name, "Hội chợ Nông sản – OCOP Vĩnh Long 2026")).get()!;
    const page = async (q: string) => (await run(fairLoader, get(`/fairs/${seeded.id}${q}`), { fairId: String(seeded.id) })).data as { booths: { cooperativeName: string; products: { ocopStars: number | null; categoryCode: string }[] }[]; total: number };
    const all = await page("");
    expect(all.total).toBe(5);
    const text = await page("?q=phu ngai");
    expect(text.booths.map((b) => b.cooperativeName)).toEqual(["HTX Nông nghiệp Phú Ngãi"]);
    const starred = await page("?stars=4");
    expect(starred.booths.every((b) => b.products.some((p) => (p.ocopStars ?? 0) >= 4))).toBe(true);
    expect(starred.booths.length).toBeLessThanOrEqual(all.total);
    const group = await page("?category=I");
    expect(group.booths.every((b) => b.products.some((p) => p.categoryCode.startsWith("I.")))).toBe(true);
    expect((await page("?province=01")).booths).toHaveLength(0);
  });

  it("attributes an inquiry and an order started after opening the booth page to the fair", async () => {
    const { fair, booth } = makeBooth(coopId());
    // Opening the booth page sets the visit cookie, this booth first.
    const view = await initOf(boothLoader({ request: new Request(`${ORIGIN}/fairs/${fair.id}/booths/${booth.id}`, { headers: { Cookie: "chohtx_fair=999.5" } }), params: { fairId: String(fair.id), boothId: String(booth.id) }, context: {} }));
    expect(view.headers["Set-Cookie"]).toMatch(new RegExp(`^chohtx_fair=${booth.id}\\.999\\.5;.*HttpOnly.*Max-Age=604800`));
    const fairCookie = `chohtx_fair=999.${booth.id}`;
    const buyerCookie = `${cookieFor(demo.buyer)}; ${fairCookie}`;
    const slug = db.select().from(schema.organisations).where(eq(schema.organisations.id, coopId())).get()!.slug;
    const asked = await run(contactAction, postWith(`/cooperatives/${slug}/contact`, { subject: "Sau hội chợ", body: "Cho xin báo giá" }, { Cookie: buyerCookie }), { slug });
    expect(asked.status).toBe(302);
    const threadId = Number(asked.location!.match(/inquiries\/(\d+)/)![1]);
    expect(db.select().from(schema.fairAttributions).where(eq(schema.fairAttributions.threadId, threadId)).get()).toMatchObject({ fairId: fair.id, boothId: booth.id, kind: "inquiry" });

    clearCart(demo.buyer);
    const product = prepareProduct({ index: 0 });
    await run(cartAction, postWith("/cart", { intent: "add", productId: String(product.id), quantity: String(product.minOrderQty) }, { Cookie: buyerCookie }));
    const placed = await run(cartAction, postWith("/cart", { intent: "checkout", ...delivery }, { Cookie: buyerCookie }));
    expect(placed.status).toBe(302);
    const orderId = Number(placed.location!.match(/orders\/(\d+)/)![1]);
    expect(db.select().from(schema.fairAttributions).where(eq(schema.fairAttributions.orderId, orderId)).get()).toMatchObject({ fairId: fair.id, kind: "order" });

    // Without the cookie nothing is attributed.
    const plain = await run(contactAction, postWith(`/cooperatives/${slug}/contact`, { subject: "Không qua hội chợ", body: "Hỏi giá" }, { Cookie: cookieFor(demo.buyer) }), { slug });
    const plainId = Number(plain.location!.match(/inquiries\/(\d+)/)![1]);
    expect(db.select({ n: count() }).from(schema.fairAttributions).where(eq(schema.fairAttributions.threadId, plainId)).get()!.n).toBe(0);
  });
});

/** The status and headers of a loader or action that returns `data(…, init)`. */
async function initOf(result: unknown) {
  const r = (await result) as { init: { status?: number; headers?: Record<string, string> } };
  return { status: r.init.status ?? 200, headers: r.init.headers ?? {} };
}
