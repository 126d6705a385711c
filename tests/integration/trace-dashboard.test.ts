import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as editAction, loader as editLoader } from "~/routes/dashboard.lots.$lotId.edit";
import { action as detailAction, loader as detailLoader } from "~/routes/dashboard.lots.$lotId._index";
import { loader as labelsLoader } from "~/routes/dashboard.lots.$lotId.labels[.]pdf";
import { loader as qrPngLoader } from "~/routes/dashboard.lots.$lotId.qr[.]png";
import { loader as qrSvgLoader } from "~/routes/dashboard.lots.$lotId.qr[.]svg";
import { action as newAction } from "~/routes/dashboard.lots.new";
import { loader as lotsLoader } from "~/routes/dashboard.lots._index";
import { action as traceAction } from "~/routes/t.$lotId";
import { ORIGIN, demoLot, otherCoopLot, sessionCookie, settle, statusOf, type DataResult } from "./trace-helpers";

const { coop, lot, product, gtin } = demoLot();
const cookie = sessionCookie("htx@demo.chohtx.vn");
const members = db.select().from(schema.members).where(eq(schema.members.cooperativeId, coop.id)).all();

function form(path: string, fields: Record<string, string>, extra: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...extra },
  });
}
const get = (path: string, c = cookie) => new Request(`${ORIGIN}${path}`, { headers: { Cookie: c } });
const lotCount = () => db.select({ n: count() }).from(schema.lots).get()!.n;
const eventCount = (lotId: number) => db.select({ n: count() }).from(schema.lotEvents).where(eq(schema.lotEvents.lotId, lotId)).get()!.n;
const errors = (r: unknown) => ((r as DataResult).data as { result: { error: Record<string, string[]> } }).result.error;

const goodLot = {
  productId: String(product.id),
  code: "TEST/01%A",
  harvestDate: "2026-11-01",
  packingDate: "2026-11-03",
  bestBeforeDate: "2027-11-03",
  quantity: "1000",
  unit: "kg",
  "contributions[0].memberId": String(members[0]!.id),
  "contributions[0].plantingArea": "Thửa 12",
  "contributions[0].quantity": "600",
  "contributions[1].memberId": String(members[1]!.id),
  "contributions[1].quantity": "400",
};

describe("creating lots", () => {
  it("creates a lot with contributions and redirects to it", async () => {
    const res = (await newAction({ request: form("/dashboard/lots/new", goodLot), params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    const created = db.select().from(schema.lots).where(and(eq(schema.lots.productId, product.id), eq(schema.lots.code, "TEST/01%A"))).get()!;
    expect(res.headers.get("Location")).toBe(`/dashboard/lots/${created.id}`);
    expect(db.select().from(schema.lotMembers).where(eq(schema.lotMembers.lotId, created.id)).all().map((m) => m.quantity).sort()).toEqual([400, 600]);
  });

  const bad: [string, Record<string, string>, string, string][] = [
    ["a lot code over 20 characters", { code: "A".repeat(21) }, "code", "trace.errors.lotCode"],
    ["a lot code with a space", { code: "A/1 B%" }, "code", "trace.errors.lotCode"],
    ["a lot code with Vietnamese letters", { code: "LÔ-1" }, "code", "trace.errors.lotCode"],
    ["best-before before packing", { bestBeforeDate: "2026-11-02" }, "bestBeforeDate", "trace.errors.bestBeforeNotAfterPacking"],
    ["packing before harvest", { packingDate: "2026-10-30" }, "packingDate", "trace.errors.packingBeforeHarvest"],
    ["contributions above the lot", { "contributions[1].quantity": "401" }, "contributions", "trace.errors.contributionsExceed"],
    ["the same household twice", { "contributions[1].memberId": "" + members[0]!.id }, "contributions", "trace.errors.duplicateMember"],
    ["a zero quantity", { quantity: "0" }, "quantity", "trace.errors.quantity"],
  ];
  for (const [label, change, field, message] of bad) {
    it(`refuses ${label} with 400, the field error and nothing written`, async () => {
      const before = lotCount();
      const res = await newAction({ request: form("/dashboard/lots/new", { ...goodLot, code: "NEW-1", ...change }), params: {}, context: {} });
      expect(statusOf(res)).toBe(400);
      expect(errors(res)[field]).toContain(message);
      expect(lotCount()).toBe(before);
    });
  }

  it("refuses another cooperative's product or member", async () => {
    const foreign = db.select().from(schema.products).all().find((p) => p.cooperativeId !== coop.id)!;
    const before = lotCount();
    const res = await newAction({ request: form("/dashboard/lots/new", { ...goodLot, code: "NEW-2", productId: String(foreign.id) }), params: {}, context: {} });
    expect(statusOf(res)).toBe(400);
    const foreignMember = db.select().from(schema.members).all().find((m) => m.cooperativeId !== coop.id)!;
    const res2 = await newAction({ request: form("/dashboard/lots/new", { ...goodLot, code: "NEW-3", "contributions[0].memberId": String(foreignMember.id) }), params: {}, context: {} });
    expect(statusOf(res2)).toBe(400);
    expect(lotCount()).toBe(before);
  });

  it("refuses a duplicate lot code for the same product with 409", async () => {
    const res = await newAction({ request: form("/dashboard/lots/new", { ...goodLot, code: lot.code }), params: {}, context: {} });
    expect(statusOf(res)).toBe(409);
  });
});

describe("editing lots", () => {
  const current = () => db.select().from(schema.lots).where(eq(schema.lots.id, lot.id)).get()!;
  const fields = (change: Record<string, string>) => ({
    productId: String(lot.productId),
    code: lot.code,
    harvestDate: lot.harvestDate,
    packingDate: lot.packingDate,
    bestBeforeDate: lot.bestBeforeDate,
    quantity: String(lot.quantity),
    unit: lot.unit,
    ...change,
  });

  it("refuses new dates that no longer fit the diary, with 422 and nothing changed", async () => {
    const before = JSON.stringify(current());
    const later = new Date(Date.parse(`${lot.packingDate}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const res = await editAction({ request: form(`/dashboard/lots/${lot.id}/edit`, fields({ harvestDate: later, packingDate: later })), params: { lotId: String(lot.id) }, context: {} });
    expect(statusOf(res)).toBe(422);
    expect(JSON.stringify(current())).toBe(before);
  });

  it("saves a new quantity and notes", async () => {
    const res = (await editAction({ request: form(`/dashboard/lots/${lot.id}/edit`, fields({ quantity: "900", notes: "Cân lại" })), params: { lotId: String(lot.id) }, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect(current()).toMatchObject({ quantity: 900, notes: "Cân lại", serialised: true });
  });
});

describe("another cooperative's lot", () => {
  const foreign = otherCoopLot(coop.id);
  it("is a 404 for every page, download and change, and nothing changes", async () => {
    const params = { lotId: String(foreign.id) };
    const before = JSON.stringify(db.select().from(schema.lots).where(eq(schema.lots.id, foreign.id)).get());
    const events = eventCount(foreign.id);
    for (const loader of [detailLoader, editLoader, labelsLoader, qrPngLoader, qrSvgLoader] as ((a: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>)[]) {
      const res = await settle(() => loader({ request: get(`/dashboard/lots/${foreign.id}`), params, context: {} }));
      expect(statusOf(res)).toBe(404);
    }
    const edit = await settle(() => editAction({ request: form(`/dashboard/lots/${foreign.id}/edit`, { ...goodLot, code: "HIJACK" }), params, context: {} }));
    expect(statusOf(edit)).toBe(404);
    const ev = await settle(() =>
      detailAction({ request: form(`/dashboard/lots/${foreign.id}`, { intent: "event", type: "shipping", eventTime: "2026-11-20T10:00", commune: "X", who: "Y", what: "Z" }), params, context: {} }),
    );
    expect(statusOf(ev)).toBe(404);
    const serials = await settle(() => detailAction({ request: form(`/dashboard/lots/${foreign.id}`, { intent: "serials", count: "5" }), params, context: {} }));
    expect(statusOf(serials)).toBe(404);
    expect(JSON.stringify(db.select().from(schema.lots).where(eq(schema.lots.id, foreign.id)).get())).toBe(before);
    expect(eventCount(foreign.id)).toBe(events);
  });

  it("is refused to a buyer altogether", async () => {
    const buyer = sessionCookie("buyer@demo.chohtx.vn");
    const res = await settle(() => lotsLoader({ request: get("/dashboard/lots", buyer), params: {}, context: {} }));
    expect(statusOf(res)).toBe(403);
  });
});

describe("the production diary", () => {
  const params = { lotId: String(lot.id) };
  const event = (fields: Record<string, string>) => detailAction({ request: form(`/dashboard/lots/${lot.id}`, { intent: "event", commune: "Phú Ngãi", who: "Tổ 2", what: "Việc", ...fields }), params, context: {} });

  it("refuses packing before the harvest with 422 and writes nothing", async () => {
    const before = eventCount(lot.id);
    const res = await event({ type: "packing", eventTime: `${lot.harvestDate.slice(0, 8)}01T08:00` });
    expect([400, 422]).toContain(statusOf(res));
    expect(eventCount(lot.id)).toBe(before);
  });

  it("refuses a spray without its product and interval", async () => {
    const before = eventCount(lot.id);
    const res = await event({ type: "spraying", eventTime: `${lot.harvestDate}T05:00` });
    expect(statusOf(res)).toBe(400);
    expect(eventCount(lot.id)).toBe(before);
  });

  it("adds a later shipping event mapped to EPCIS, and flags a spray inside its interval", async () => {
    const before = eventCount(lot.id);
    const ok = await event({ type: "shipping", eventTime: "2026-11-30T10:00" });
    expect(statusOf(ok)).toBe(200);
    expect(eventCount(lot.id)).toBe(before + 1);
    const row = db.select().from(schema.lotEvents).where(eq(schema.lotEvents.lotId, lot.id)).all().find((e) => e.eventTime === "2026-11-30T03:00:00.000Z")!;
    expect(row).toMatchObject({ epcisType: "ObjectEvent", action: "OBSERVE", bizStep: "shipping" });
    // The seed sprays one of the demo cooperative's lots 5 days before harvest (7-day interval): its page flags it.
    const seeded = db.select().from(schema.lots).where(eq(schema.lots.cooperativeId, coop.id)).all();
    const flagged = [];
    for (const l of seeded) {
      const data = (await detailLoader({ request: get(`/dashboard/lots/${l.id}`), params: { lotId: String(l.id) }, context: {} })) as { events: { type: string; flagged: boolean }[] };
      if (data.events.some((e) => e.type === "spraying" && e.flagged)) flagged.push(l.id);
    }
    expect(flagged).toHaveLength(1);
  });

  it("generates serials", async () => {
    const before = db.select({ n: count() }).from(schema.serials).where(eq(schema.serials.lotId, lot.id)).get()!.n;
    const res = await detailAction({ request: form(`/dashboard/lots/${lot.id}`, { intent: "serials", count: "25" }), params, context: {} });
    expect(statusOf(res)).toBe(200);
    expect(db.select({ n: count() }).from(schema.serials).where(eq(schema.serials.lotId, lot.id)).get()!.n).toBe(before + 25);
    const bad = await detailAction({ request: form(`/dashboard/lots/${lot.id}`, { intent: "serials", count: "0" }), params, context: {} });
    expect(statusOf(bad)).toBe(400);
  });

  it("shows the copy alert to the cooperative", async () => {
    const data = (await lotsLoader({ request: get("/dashboard/lots"), params: {}, context: {} })) as { alerts: { serial: string; n: number }[] };
    expect(data.alerts.length).toBeGreaterThan(0);
  });
});

describe("labels and QR downloads", () => {
  it("prints a label PDF, 1,000 labels within a few seconds", async () => {
    const plain = db.select().from(schema.lots).where(and(eq(schema.lots.cooperativeId, coop.id), eq(schema.lots.serialised, false))).get()!;
    const start = Date.now();
    const res = (await labelsLoader({ request: get(`/dashboard/lots/${plain.id}/labels.pdf?layout=3x8&count=1000`), params: { lotId: String(plain.id) }, context: {} })) as Response;
    const elapsed = Date.now() - start;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/DejaVuSans/);
    expect(elapsed).toBeLessThan(5000);
    const two = (await labelsLoader({ request: get(`/dashboard/lots/${plain.id}/labels.pdf?layout=2x5&count=10`), params: { lotId: String(plain.id) }, context: {} })) as Response;
    expect(two.status).toBe(200);
  });

  it("refuses a bad label count", async () => {
    const res = (await labelsLoader({ request: get(`/dashboard/lots/${lot.id}/labels.pdf?count=0`), params: { lotId: String(lot.id) }, context: {} })) as Response;
    expect(res.status).toBe(400);
  });

  it("serves the QR as PNG and SVG", async () => {
    const png = (await qrPngLoader({ request: get(`/dashboard/lots/${lot.id}/qr.png`), params: { lotId: String(lot.id) }, context: {} })) as Response;
    expect(png.headers.get("Content-Type")).toBe("image/png");
    const svg = (await qrSvgLoader({ request: get(`/dashboard/lots/${lot.id}/qr.svg`), params: { lotId: String(lot.id) }, context: {} })) as Response;
    expect(await svg.text()).toMatch(/^<svg/);
  });

  it("explains with 400 that a product without GTIN cannot have labels", async () => {
    const p = db
      .insert(schema.products)
      .values({ cooperativeId: coop.id, slug: "khong-gtin", nameVi: "Sản phẩm chưa có mã", categoryCode: product.categoryCode, unit: "kg", originProvinceCode: product.originProvinceCode, price: 10000, status: "published", gtin: null })
      .returning()
      .get();
    const l = db.insert(schema.lots).values({ productId: p.id, cooperativeId: coop.id, code: "NOGTIN-1", harvestDate: "2026-11-01", packingDate: "2026-11-02", bestBeforeDate: "2027-01-01", quantity: 10, unit: "kg" }).returning().get();
    const res = (await labelsLoader({ request: get(`/dashboard/lots/${l.id}/labels.pdf`), params: { lotId: String(l.id) }, context: {} })) as Response;
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/GS1 Việt Nam/);
    const png = (await qrPngLoader({ request: get(`/dashboard/lots/${l.id}/qr.png`), params: { lotId: String(l.id) }, context: {} })) as Response;
    expect(png.status).toBe(400);
    void gtin;
  });
});

describe("report a problem", () => {
  it("stores the report, mails the cooperative and the alliance, and rate-limits", async () => {
    const outboxBefore = db.select({ n: count() }).from(schema.outbox).get()!.n;
    const post = () => traceAction({ request: form(`/t/${lot.id}`, { kind: "fake", message: "Tem trên túi bị in mờ, nghi là hàng giả.", contact: "0912345678" }, { "X-Client-Address": "203.0.113.50" }), params: { lotId: String(lot.id) }, context: {} });
    const first = await post();
    expect(statusOf(first)).toBe(200);
    const mails = db.select().from(schema.outbox).all().slice(outboxBefore);
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining(["htx@demo.chohtx.vn", "lienminh@demo.chohtx.vn"]));
    await post();
    await post();
    const reports = () => db.select({ n: count() }).from(schema.problemReports).where(eq(schema.problemReports.lotId, lot.id)).get()!.n;
    const before = reports();
    const limited = await post();
    expect(statusOf(limited)).toBe(429);
    expect(reports()).toBe(before);
    const stored = db.select().from(schema.problemReports).where(eq(schema.problemReports.lotId, lot.id)).get()!;
    expect(stored.reporterKey).not.toContain("203.0.113.50");
  });

  it("refuses an empty report with 400", async () => {
    const res = await traceAction({ request: form(`/t/${lot.id}`, { kind: "fake", message: "x" }), params: { lotId: String(lot.id) }, context: {} });
    expect(statusOf(res)).toBe(400);
  });
});
