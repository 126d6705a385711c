import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as newRequestAction } from "~/routes/requests.new";
import { action as offerAction, loader as offerLoader } from "~/routes/requests.$requestId_.offer";
import { loader as requestLoader } from "~/routes/requests.$requestId";
import { action as manageAction } from "~/routes/dashboard.requests.$requestId";
import { loader as boardLoader } from "~/routes/requests._index";
import { loader as apiLoader } from "~/routes/api.v1.requests";
import { loader as notificationsLoader } from "~/routes/notifications";
import { announceRequest, sendRequestDigests, setRequestDigest } from "~/capabilities/market/notify.server";
import { closeDueRequests, transitionRequest } from "~/models/request.server";
import { cookieFor, demo, get, orgOf, otherBuyerEmail, run } from "./helpers/orders";
import { coopEmail, inDays, postForm, productOf, tableCounts, validRequest } from "./helpers/market";

const PHU_NGAI = "HTX Nông nghiệp Phú Ngãi";
const NAM_ROI = "HTX Bưởi Năm Roi Bình Minh";

async function postRequest(fields: Record<string, string | number | (string | number)[]>, email = demo.buyer) {
  return run(newRequestAction, postForm("/requests/new", fields, cookieFor(email)));
}

async function createOpenRequest(overrides: Record<string, string | number | (string | number)[]> = {}) {
  const r = await postRequest(validRequest(overrides));
  expect(r.status).toBe(302);
  return Number(r.location!.match(/\/dashboard\/requests\/(\d+)/)![1]);
}

function offerFields(productId: number, overrides: Record<string, string | number> = {}) {
  return { intent: "offer", productId, quantity: "3000", unitPrice: "41000", validUntil: inDays(20), harvestFrom: inDays(5), harvestTo: inDays(15), ...overrides };
}

function sendOffer(requestId: number, email: string, fields: Record<string, string | number>) {
  return run(offerAction, postForm(`/requests/${requestId}/offer`, fields, cookieFor(email)), { requestId: String(requestId) });
}

function manage(requestId: number, fields: Record<string, string | number | (string | number)[]>, email = demo.buyer) {
  return run(manageAction, postForm(`/dashboard/requests/${requestId}`, fields, cookieFor(email)), { requestId: String(requestId) });
}

const acceptFields = (offerId: number, revision = 1, extra: Record<string, string> = {}) => ({ intent: "accept", offerId, revision, commune: "Phường Thủ Đức", address: "Kho số 3", paymentMethod: "card", ...extra });

describe("posting a request", () => {
  it("opens a public request, resolves the former province name, ranks and notifies the cooperative once", async () => {
    const before = tableCounts();
    const id = await createOpenRequest();
    const request = db.select().from(schema.requests).where(eq(schema.requests.id, id)).get()!;
    expect(request).toMatchObject({ state: "open", quantity: 5, unit: "tan", visibility: "public", deliveryProvinceCode: "79" });
    expect(db.select().from(schema.requestProvinces).where(eq(schema.requestProvinces.requestId, id)).all().map((p) => p.provinceCode)).toEqual(["86"]);
    const matches = db.select().from(schema.requestMatches).where(eq(schema.requestMatches.requestId, id)).all();
    const phuNgai = orgOf(demo.cooperative).id;
    const mine = matches.find((m) => m.cooperativeId === phuNgai)!;
    expect(mine).toBeTruthy();
    expect(mine.reasons.map((r) => r.key)).toContain("market.reason.certificate");
    expect(mine.reasons.find((r) => r.key === "market.reason.province")!.params).toEqual({ province: "Vĩnh Long" });
    const notice = db.select().from(schema.requestNotices).where(and(eq(schema.requestNotices.requestId, id), eq(schema.requestNotices.organisationId, phuNgai))).get();
    expect(notice?.mailedAt).toBeTruthy();
    const after = tableCounts();
    expect(after.outbox).toBeGreaterThan(before.outbox);
    // Announcing again (a retry, a second job) mails nobody twice.
    expect(await announceRequest({ requestId: id, reason: "match" })).toBe(0);
    expect(tableCounts().outbox).toBe(after.outbox);
  });

  const bad: [string, Record<string, string | string[]>, string, string][] = [
    ["no quantity", { quantity: "" }, "quantity", "market.errors.quantityRequired"],
    ["a closing date in the past", { closingDate: inDays(-1) }, "closingDate", "market.errors.closingPast"],
    ["a window that ends before it starts", { deliveryFrom: inDays(20), deliveryTo: inDays(12), closingDate: inDays(3) }, "deliveryTo", "market.errors.windowOrder"],
    ["an unknown province", { provinces: "Bến Tre, Atlantis" }, "provinces", "Atlantis"],
    ["an unknown delivery province", { deliveryProvince: "Narnia" }, "deliveryProvince", "Narnia"],
    ["a certification that does not exist", { certifications: ["vietgap", "magic"] }, "certifications", "market.errors.certification"],
    ["a negative quantity", { quantity: "-5" }, "quantity", "market.errors.negative"],
    ["a fraction of a whole unit", { quantity: "2.5", unit: "thung" }, "quantity", "market.errors.fraction"],
    ["an absurd quantity", { quantity: "1000000001" }, "quantity", "market.errors.tooLarge"],
    ["a hexadecimal quantity", { quantity: "0x64" }, "quantity", "market.errors.numberFormat"],
    ["an exponent", { quantity: "1e3" }, "quantity", "market.errors.numberFormat"],
    ["a negative price", { targetPrice: "-1000" }, "targetPrice", "market.errors.negative"],
    ["an absurd price", { targetPrice: "99999999999" }, "targetPrice", "market.errors.tooLarge"],
    ["an unknown category", { categoryCode: "Z.9" }, "categoryCode", "market.errors.category"],
  ];
  for (const [name, overrides, field, message] of bad) {
    it(`refuses ${name} with 400, keeps the input and writes nothing`, async () => {
      const before = tableCounts();
      const r = await postRequest(validRequest(overrides));
      expect(r.status).toBe(400);
      const reply = r.data as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
      expect(JSON.stringify(reply.error[field])).toContain(message);
      expect(reply.initialValue.title).toBe("Bưởi da xanh loại 1");
      expect(tableCounts()).toEqual(before);
    });
  }

  it("takes 2,5 tấn (a divisible unit) and refuses a cooperative posting (403)", async () => {
    const id = await createOpenRequest({ quantity: "2,5" });
    expect(db.select().from(schema.requests).where(eq(schema.requests.id, id)).get()!.quantity).toBe(2.5);
    const before = tableCounts();
    const r = await postRequest(validRequest(), demo.cooperative);
    expect(r.status).toBe(403);
    expect(tableCounts()).toEqual(before);
  });
});

describe("who sees a request", () => {
  it("hides the buyer's name on a public request unless shown, and hides invited requests from the uninvited (404)", async () => {
    const hidden = await createOpenRequest();
    const page = await run(requestLoader, get(`/requests/${hidden}`), { requestId: String(hidden) });
    expect(page.status).toBe(200);
    expect((page.data as { buyer: { name: string | null; buyerType: string } }).buyer).toMatchObject({ name: null, buyerType: "distributor" });

    const invited = await createOpenRequest({ visibility: "invited" });
    const anonymous = await run(requestLoader, get(`/requests/${invited}`), { requestId: String(invited) });
    expect(anonymous.status).toBe(404);
    const coop = await run(requestLoader, get(`/requests/${invited}`, cookieFor(demo.cooperative)), { requestId: String(invited) });
    expect(coop.status).toBe(404);
    const form = await run(offerLoader, get(`/requests/${invited}/offer`, cookieFor(demo.cooperative)), { requestId: String(invited) });
    expect(form.status).toBe(404);
  });
});

describe("inviting", () => {
  it("invites a cooperative by name (404 for an unknown one, nothing written), tells it once", async () => {
    const id = await createOpenRequest({ visibility: "invited" });
    const before = tableCounts();
    const unknown = await manage(id, { intent: "inviteByName", cooperative: "HTX Không Tồn Tại" });
    expect(unknown.status).toBe(404);
    expect(tableCounts()).toEqual(before);
    const namRoi = orgOf(coopEmail(NAM_ROI)).id;
    expect((await manage(id, { intent: "inviteByName", cooperative: NAM_ROI })).status).toBe(200);
    expect((await manage(id, { intent: "inviteByName", cooperative: NAM_ROI })).status).toBe(200);
    expect(db.select().from(schema.requestInvitations).where(eq(schema.requestInvitations.requestId, id)).all().map((i) => i.cooperativeId)).toEqual([namRoi]);
    expect(db.select().from(schema.notifications).where(and(eq(schema.notifications.organisationId, namRoi), eq(schema.notifications.dedupeKey, `request:${id}`))).all()).toHaveLength(1);
    // Another buyer cannot invite on this request.
    const other = await manage(id, { intent: "inviteByName", cooperative: PHU_NGAI }, otherBuyerEmail());
    expect(other.status).toBe(404);
  });
});

describe("offers", () => {
  it("refuses an offer on an invited request the cooperative was not invited to (404), writing nothing", async () => {
    const id = await createOpenRequest({ visibility: "invited" });
    const product = productOf(orgOf(demo.cooperative).id, "Bưởi da xanh");
    const before = tableCounts();
    const r = await sendOffer(id, demo.cooperative, offerFields(product.id));
    expect(r.status).toBe(404);
    expect(tableCounts()).toEqual(before);
    // Once invited, it may.
    expect((await manage(id, { intent: "invite", cooperativeId: orgOf(demo.cooperative).id })).status).toBe(200);
    expect((await sendOffer(id, demo.cooperative, offerFields(product.id))).status).toBe(302);
  });

  it("refuses an offer on a closed request (409), keeping the input", async () => {
    const id = await createOpenRequest();
    expect((await manage(id, { intent: "close" })).status).toBe(200);
    const product = productOf(orgOf(demo.cooperative).id, "Bưởi da xanh");
    const before = tableCounts();
    const r = await sendOffer(id, demo.cooperative, offerFields(product.id));
    expect(r.status).toBe(409);
    expect((r.data as { initialValue: Record<string, string> }).initialValue.unitPrice).toBe("41000");
    expect(tableCounts()).toEqual(before);
  });

  it("refuses bad offer numbers with 400 and writes nothing", async () => {
    const id = await createOpenRequest();
    const product = productOf(orgOf(demo.cooperative).id, "Bưởi da xanh");
    for (const bad of [{ quantity: "-1" }, { quantity: "2.5" }, { unitPrice: "0x10" }, { unitPrice: "2000000000" }, { quantity: "" }] as Record<string, string>[]) {
      const before = tableCounts();
      const r = await sendOffer(id, demo.cooperative, offerFields(product.id, bad));
      expect(r.status).toBe(400);
      expect(tableCounts()).toEqual(before);
    }
    // Another cooperative's product is not the cooperative's to offer.
    const other = productOf(orgOf(coopEmail(NAM_ROI)).id, "Bưởi");
    const before = tableCounts();
    expect((await sendOffer(id, demo.cooperative, offerFields(other.id))).status).toBe(422);
    expect(tableCounts()).toEqual(before);
  });

  it("keeps every revision, and refuses a revision after acceptance (409)", async () => {
    const id = await createOpenRequest();
    const product = productOf(orgOf(demo.cooperative).id, "Bưởi da xanh");
    expect((await sendOffer(id, demo.cooperative, offerFields(product.id, { unitPrice: "43000" }))).status).toBe(302);
    expect((await sendOffer(id, demo.cooperative, offerFields(product.id, { unitPrice: "41000", tier1Qty: "2000", tier1Price: "40000" }))).status).toBe(302);
    const offer = db.select().from(schema.offers).where(eq(schema.offers.requestId, id)).get()!;
    expect(offer).toMatchObject({ revision: 2, unitPrice: 41000, tiers: [{ minQty: 2000, unitPrice: 40000 }] });
    expect(db.select().from(schema.offerRevisions).where(eq(schema.offerRevisions.offerId, offer.id)).all().map((r) => r.unitPrice)).toEqual([43000, 41000]);
    // The buyer accepts revision 2: the order is at the offer's tier price for the offered quantity.
    const accepted = await manage(id, acceptFields(offer.id, 2));
    expect(accepted.status).toBe(200);
    const order = db.select().from(schema.orders).where(eq(schema.orders.id, db.select().from(schema.offers).where(eq(schema.offers.id, offer.id)).get()!.orderId!)).get()!;
    const line = db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, order.id)).get()!;
    expect(line).toMatchObject({ quantity: 3000, unitPrice: 40000, priceSource: "quote" });
    expect(order).toMatchObject({ deliveryProvinceCode: "79", buyerId: orgOf(demo.buyer).id });
    const before = tableCounts();
    const late = await sendOffer(id, demo.cooperative, offerFields(product.id, { unitPrice: "39000" }));
    expect(late.status).toBe(409);
    expect(tableCounts()).toEqual(before);
  });

  it("refuses an acceptance of an older revision than the latest (409)", async () => {
    const id = await createOpenRequest();
    const product = productOf(orgOf(demo.cooperative).id, "Bưởi da xanh");
    await sendOffer(id, demo.cooperative, offerFields(product.id));
    await sendOffer(id, demo.cooperative, offerFields(product.id, { unitPrice: "45000" }));
    const offer = db.select().from(schema.offers).where(eq(schema.offers.requestId, id)).get()!;
    const before = tableCounts();
    const r = await manage(id, acceptFields(offer.id, 1));
    expect(r.status).toBe(409);
    expect(tableCounts()).toEqual(before);
  });
});

describe("accepting", () => {
  it("404s a buyer accepting an offer on another buyer's request, writing nothing", async () => {
    const id = await createOpenRequest();
    const product = productOf(orgOf(demo.cooperative).id, "Bưởi da xanh");
    await sendOffer(id, demo.cooperative, offerFields(product.id));
    const offer = db.select().from(schema.offers).where(eq(schema.offers.requestId, id)).get()!;
    const before = tableCounts();
    const r = await manage(id, acceptFields(offer.id), otherBuyerEmail());
    expect(r.status).toBe(404);
    expect(tableCounts()).toEqual(before);
  });

  it("splits sourcing, asks to confirm over-acceptance, fulfils when covered and thanks the other offerer", async () => {
    const id = await createOpenRequest({ quantity: "5", unit: "tan" });
    const phuNgai = orgOf(demo.cooperative).id;
    const namRoiEmail = coopEmail(NAM_ROI);
    const namRoi = orgOf(namRoiEmail).id;
    const phuco = coopEmail("HTX Bưởi Phúc Trạch");
    await sendOffer(id, demo.cooperative, offerFields(productOf(phuNgai, "Bưởi da xanh").id, { quantity: "3000" }));
    db.update(schema.products).set({ stock: 5000 }).where(eq(schema.products.id, productOf(namRoi, "Bưởi").id)).run();
    await sendOffer(id, namRoiEmail, offerFields(productOf(namRoi, "Bưởi").id, { quantity: "2500", unitPrice: "38000" }));
    await sendOffer(id, phuco, offerFields(productOf(orgOf(phuco).id, "Bưởi").id, { quantity: "1000", unitPrice: "39000" }));
    const offers = db.select().from(schema.offers).where(eq(schema.offers.requestId, id)).all();
    const [a, b, c] = [offers.find((o) => o.cooperativeId === phuNgai)!, offers.find((o) => o.cooperativeId === namRoi)!, offers.find((o) => o.cooperativeId === orgOf(phuco).id)!];
    expect((await manage(id, acceptFields(a.id))).status).toBe(200);
    // 3 t accepted, 2 t left: 2.5 t more needs the explicit confirmation.
    const before = tableCounts();
    const over = await manage(id, acceptFields(b.id));
    expect(over.status).toBe(409);
    expect(JSON.stringify(over.data)).toMatch(/vượt nhu cầu 0[.,]5 tấn/);
    expect(tableCounts()).toEqual(before);
    expect((await manage(id, acceptFields(b.id, 1, { confirmOver: "on" }))).status).toBe(200);
    const request = db.select().from(schema.requests).where(eq(schema.requests.id, id)).get()!;
    expect(request).toMatchObject({ state: "fulfilled", closeReason: "covered" });
    const orders = db.select().from(schema.offers).where(eq(schema.offers.requestId, id)).all().filter((o) => o.orderId);
    expect(orders).toHaveLength(2);
    expect(db.select().from(schema.offers).where(eq(schema.offers.id, c.id)).get()!.state).toBe("declined");
    const told = db.select().from(schema.notifications).where(and(eq(schema.notifications.organisationId, orgOf(phuco).id), eq(schema.notifications.kind, "market.declined"))).all();
    expect(told).toHaveLength(1);
    // Fulfilled: no more acceptances or offers.
    const after = tableCounts();
    expect((await manage(id, acceptFields(c.id))).status).toBe(409);
    expect(tableCounts()).toEqual(after);
  });
});

describe("closing", () => {
  it("closes past its closing date on read and tells offerers politely, once", async () => {
    const id = await createOpenRequest();
    const product = productOf(orgOf(demo.cooperative).id, "Bưởi da xanh");
    await sendOffer(id, demo.cooperative, offerFields(product.id));
    db.update(schema.requests).set({ closingDate: inDays(-1) }).where(eq(schema.requests.id, id)).run();
    const page = await run(requestLoader, get(`/requests/${id}`), { requestId: String(id) });
    expect(page.status).toBe(200);
    expect(db.select().from(schema.requests).where(eq(schema.requests.id, id)).get()).toMatchObject({ state: "closed", closeReason: "closing_date" });
    await new Promise((r) => setTimeout(r, 50));
    const phuNgai = orgOf(demo.cooperative).id;
    const declined = () => db.select().from(schema.notifications).where(and(eq(schema.notifications.organisationId, phuNgai), eq(schema.notifications.kind, "market.declined"))).all().filter((n) => n.path === `/requests/${id}`);
    expect(declined()).toHaveLength(1);
    closeDueRequests();
    expect(declined()).toHaveLength(1);
  });

  it("409s steps the state machine does not allow", async () => {
    const id = await createOpenRequest();
    expect((await manage(id, { intent: "close" })).status).toBe(200);
    const before = tableCounts();
    expect((await manage(id, { intent: "close" })).status).toBe(409);
    expect((await manage(id, { intent: "publish" })).status).toBe(409);
    expect((await manage(id, { intent: "cancel" })).status).toBe(409);
    expect(tableCounts()).toEqual(before);
    expect(() => transitionRequest({ id, buyerId: orgOf(otherBuyerEmail()).id, action: "close" })).toThrow();
  });
});

describe("digest", () => {
  it("mails a digest cooperative once a day instead of once per request", async () => {
    const phuNgai = orgOf(demo.cooperative).id;
    setRequestDigest({ organisationId: phuNgai, digest: true });
    const before = tableCounts().outbox;
    const id = await createOpenRequest({ title: "Bưởi da xanh cho siêu thị" });
    const notice = db.select().from(schema.requestNotices).where(and(eq(schema.requestNotices.requestId, id), eq(schema.requestNotices.organisationId, phuNgai))).get()!;
    expect(notice.mailedAt).toBeNull();
    const mailsToDemo = () => db.select().from(schema.outbox).all().filter((m) => m.to === demo.cooperative || m.to === "nhanvien@demo.chohtx.vn").length;
    const demoBefore = mailsToDemo();
    expect(await sendRequestDigests()).toBeGreaterThanOrEqual(1);
    expect(mailsToDemo()).toBeGreaterThan(demoBefore);
    const afterDigest = mailsToDemo();
    expect(await sendRequestDigests()).toBe(0);
    expect(mailsToDemo()).toBe(afterDigest);
    expect(tableCounts().outbox).toBeGreaterThan(before);
    setRequestDigest({ organisationId: phuNgai, digest: false });
  });

  it("lists notifications for the organisation only", async () => {
    const r = await run(notificationsLoader, get("/notifications", cookieFor(demo.cooperative)));
    const items = (r.data as { items: { organisationId: number }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((n) => n.organisationId === orgOf(demo.cooperative).id)).toBe(true);
  });
});

describe("board and API", () => {
  it("filters by former province name, certification and unaccented text; pages by cursor", async () => {
    await createOpenRequest({ title: "Bưởi da xanh xuất khẩu" });
    const r = await run(apiLoader, get("/api/v1/requests?province=B%E1%BA%BFn%20Tre&cert=vietgap&q=buoi%20xuat&limit=1"));
    expect(r.status).toBe(200);
    const body = r.data as { data: { title: string; preferred_province_codes: string[] }[]; next_cursor: string | null; notices: unknown[] };
    expect(body.data[0]!.title).toBe("Bưởi da xanh xuất khẩu");
    expect(body.notices).toHaveLength(1);
    const all = await run(apiLoader, get("/api/v1/requests?limit=2"));
    const first = all.data as { data: { id: number }[]; next_cursor: string };
    expect(first.data).toHaveLength(2);
    const next = await run(apiLoader, get(`/api/v1/requests?limit=2&cursor=${first.next_cursor}`));
    const second = next.data as { data: { id: number }[] };
    expect(second.data[0]!.id).toBeLessThan(first.data[1]!.id);
  });

  it("answers bad parameters with a JSON 400 naming the parameter", async () => {
    for (const [query, param] of [["province=Atlantis", "province"], ["cert=magic", "cert"], ["category=Z", "category"], ["limit=0", "limit"], ["cursor=abc", "cursor"]] as const) {
      const r = await run(apiLoader, get(`/api/v1/requests?${query}`));
      expect(r.status).toBe(400);
      expect((r.data as { error: { parameter: string } }).error.parameter).toBe(param);
    }
    const page = await run(boardLoader, get("/requests?province=Atlantis"));
    expect(page.status).toBe(400);
  });
});
