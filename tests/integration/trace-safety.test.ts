import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { addOrderLot, OrderError } from "~/models/order.server";
import { listFlaggedLots, lotSafety, safetyStatuses } from "~/models/safety.server";
import { action as detailAction } from "~/routes/dashboard.lots.$lotId._index";
import { action as editAction } from "~/routes/dashboard.lots.$lotId.edit";
import { loader as labelsLoader } from "~/routes/dashboard.lots.$lotId.labels[.]pdf";
import { action as newAction } from "~/routes/dashboard.lots.new";
import { loader as allianceSafetyLoader } from "~/routes/alliance.safety";
import { ORIGIN, sessionCookie, settle, statusOf, type DataResult } from "./trace-helpers";

const coop = db.select().from(schema.organisations).where(eq(schema.organisations.slug, "htx-nong-nghiep-phu-ngai")).get()!;
const owner = db.select().from(schema.users).where(eq(schema.users.email, "htx@demo.chohtx.vn")).get()!;
const cookie = sessionCookie("htx@demo.chohtx.vn");
const lots = db.select().from(schema.lots).where(eq(schema.lots.cooperativeId, coop.id)).all();
const flaggedLot = lots.find((l) => lotSafety({ lotId: l.id, harvestDate: l.harvestDate }).status === "flagged")!;
const cleanLot = lots.find((l) => lotSafety({ lotId: l.id, harvestDate: l.harvestDate }).status === "ok")!;

function post(path: string, fields: Record<string, string>, c = cookie) {
  return new Request(`${ORIGIN}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: c } });
}
const args = (request: Request, lotId: number) => ({ request, params: { lotId: String(lotId) }, context: {} });
const decisions = (lotId: number) => db.select({ n: count() }).from(schema.lotSafetyDecisions).where(eq(schema.lotSafetyDecisions.lotId, lotId)).get()!.n;
const events = (lotId: number) => db.select({ n: count() }).from(schema.lotEvents).where(eq(schema.lotEvents.lotId, lotId)).get()!.n;
const audits = (lotId: number) => db.select({ n: count() }).from(schema.auditLog).where(and(eq(schema.auditLog.entity, "lot"), eq(schema.auditLog.entityId, lotId))).get()!.n;

/** A fresh lot of the demo cooperative with a diary: spray on `sprayDay` (7-day interval), harvest on `harvest`. */
function lotWithSpray({ harvest, sprayDay, packing }: { harvest: string; sprayDay: string; packing: string }) {
  const product = db.select().from(schema.products).where(eq(schema.products.id, cleanLot.productId)).get()!;
  const lot = db
    .insert(schema.lots)
    .values({ productId: product.id, cooperativeId: coop.id, code: `SAFE-${Math.random().toString(36).slice(2, 8).toUpperCase()}`, harvestDate: harvest, packingDate: packing, bestBeforeDate: "2027-12-31", quantity: 100, unit: "kg" })
    .returning()
    .get();
  const base = { lotId: lot.id, commune: "Phú Ngãi", who: "Hộ", what: "…" };
  db.insert(schema.lotEvents).values({ ...base, type: "spraying", epcisType: "ObjectEvent", action: "OBSERVE", bizStep: "x", eventTime: `${sprayDay}T00:00:00.000Z`, sprayProduct: "Movento 150OD", preHarvestIntervalDays: 7 }).run();
  db.insert(schema.lotEvents).values({ ...base, type: "harvesting", epcisType: "ObjectEvent", action: "ADD", bizStep: "commissioning", eventTime: `${harvest}T00:00:00.000Z` }).run();
  return lot;
}

describe("food safety of a lot", () => {
  it("the SQL used by lists agrees with the rule on every seeded lot", () => {
    const all = db.select().from(schema.lots).all();
    const statuses = safetyStatuses({ lotIds: all.map((l) => l.id) });
    for (const l of all) expect([l.id, statuses.get(l.id) ?? "ok"]).toEqual([l.id, lotSafety({ lotId: l.id, harvestDate: l.harvestDate }).status]);
    expect([...statuses.values()].filter((s) => s === "flagged").length).toBeGreaterThanOrEqual(2);
  });

  it("refuses the labels of a flagged lot with 409 and a message", async () => {
    const r = (await settle(() => labelsLoader(args(new Request(`${ORIGIN}/dashboard/lots/${flaggedLot.id}/labels.pdf?layout=3x8&count=24`, { headers: { Cookie: cookie } }), flaggedLot.id)))) as Response;
    expect(r.status).toBe(409);
    expect(await r.text()).toContain("thời gian cách ly");
  });

  it("refuses to ship a flagged lot with an order (409), and writes nothing", () => {
    const order = db.select().from(schema.orders).where(eq(schema.orders.cooperativeId, coop.id)).all().find((o) => !["rejected", "cancelled", "expired"].includes(o.status))!;
    const before = db.select({ n: count() }).from(schema.orderLots).get()!.n;
    let error: unknown;
    try {
      addOrderLot({ orderId: order.id, cooperativeId: coop.id, lotCode: flaggedLot.code, userId: owner.id });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OrderError);
    expect((error as OrderError).status).toBe(409);
    expect(db.select({ n: count() }).from(schema.orderLots).get()!.n).toBe(before);
  });

  it("asks for an explicit confirmation before recording a spray inside its interval, and writes nothing until then", async () => {
    const lot = lotWithSpray({ harvest: "2026-10-20", sprayDay: "2026-10-01", packing: "2026-10-21" });
    const spray = { intent: "event", type: "spraying", eventTime: "2026-10-17T07:00", commune: "Phú Ngãi", who: "Hộ A", what: "Phun", sprayProduct: "Regent 800WG", preHarvestIntervalDays: "7" };
    const first = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, spray), lot.id)));
    expect(statusOf(first)).toBe(409);
    expect(((first as DataResult).data as { needsConfirm: unknown[] }).needsConfirm).toHaveLength(1);
    expect(events(lot.id)).toBe(2);
    expect(decisions(lot.id)).toBe(0);
    const second = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, { ...spray, confirmBreach: "on" }), lot.id)));
    expect(statusOf(second)).toBe(200);
    expect(events(lot.id)).toBe(3);
    expect(decisions(lot.id)).toBe(1);
    expect(lotSafety({ lotId: lot.id, harvestDate: lot.harvestDate }).status).toBe("flagged");
    // A flagged spray is not erased by deleting it.
    const flaggedId = lotSafety({ lotId: lot.id, harvestDate: lot.harvestDate }).breaches[0]!.eventId;
    const del = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, { intent: "deleteEvent", eventId: String(flaggedId) }), lot.id)));
    expect(statusOf(del)).toBe(409);
    expect(events(lot.id)).toBe(3);
  });

  it("a spray outside its interval needs no confirmation", async () => {
    const lot = lotWithSpray({ harvest: "2026-10-20", sprayDay: "2026-10-01", packing: "2026-10-21" });
    const r = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, { intent: "event", type: "spraying", eventTime: "2026-10-05T07:00", commune: "Phú Ngãi", who: "Hộ A", what: "Phun", sprayProduct: "Regent 800WG", preHarvestIntervalDays: "7" }), lot.id)));
    expect(statusOf(r)).toBe(200);
    expect(lotSafety({ lotId: lot.id, harvestDate: lot.harvestDate }).status).toBe("ok");
  });

  it("withholding needs a note (400, nothing written); with one it is recorded, audited and blocks the lot", async () => {
    const lot = lotWithSpray({ harvest: "2026-10-10", sprayDay: "2026-10-06", packing: "2026-10-20" });
    const bad = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, { intent: "withhold", note: " " }), lot.id)));
    expect(statusOf(bad)).toBe(400);
    expect(decisions(lot.id)).toBe(0);
    const ok = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, { intent: "withhold", note: "Không bán, tiêu hủy theo hướng dẫn" }), lot.id)));
    expect(statusOf(ok)).toBe(200);
    expect(lotSafety({ lotId: lot.id, harvestDate: lot.harvestDate }).status).toBe("withheld");
    expect(audits(lot.id)).toBe(1);
    const again = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, { intent: "withhold", note: "Lần nữa" }), lot.id)));
    expect(statusOf(again)).toBe(409);
    expect(decisions(lot.id)).toBe(1);
  });

  it("a harvest correction that leaves the spray inside its interval is refused (422) and writes nothing", async () => {
    const lot = lotWithSpray({ harvest: "2026-10-10", sprayDay: "2026-10-06", packing: "2026-10-20" });
    const r = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, { intent: "correctHarvest", harvestDate: "2026-10-11", note: "Ghi nhầm ngày" }), lot.id)));
    expect(statusOf(r)).toBe(422);
    expect(db.select().from(schema.lots).where(eq(schema.lots.id, lot.id)).get()!.harvestDate).toBe("2026-10-10");
    expect(decisions(lot.id)).toBe(0);
    const noNote = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, { intent: "correctHarvest", harvestDate: "2026-10-14" }), lot.id)));
    expect(statusOf(noNote)).toBe(400);
  });

  it("a correct harvest date clears the flag, moves the harvest entry and is audited", async () => {
    const lot = lotWithSpray({ harvest: "2026-10-10", sprayDay: "2026-10-06", packing: "2026-10-20" });
    const r = await settle(() => detailAction(args(post(`/dashboard/lots/${lot.id}`, { intent: "correctHarvest", harvestDate: "2026-10-14", note: "Sổ ghi nhầm, thu hoạch ngày 14" }), lot.id)));
    expect(statusOf(r)).toBe(200);
    const after = db.select().from(schema.lots).where(eq(schema.lots.id, lot.id)).get()!;
    expect(after.harvestDate).toBe("2026-10-14");
    expect(lotSafety({ lotId: lot.id, harvestDate: after.harvestDate }).status).toBe("ok");
    expect(audits(lot.id)).toBe(1);
  });

  it("the lot edit form cannot move a flagged lot's harvest date (409)", async () => {
    const lot = lotWithSpray({ harvest: "2026-10-10", sprayDay: "2026-10-06", packing: "2026-10-20" });
    const r = await settle(() =>
      editAction(args(post(`/dashboard/lots/${lot.id}/edit`, { productId: String(lot.productId), code: lot.code, harvestDate: "2026-10-15", packingDate: "2026-10-20", bestBeforeDate: "2027-12-31", quantity: "100", unit: "kg" }), lot.id)),
    );
    expect(statusOf(r)).toBe(409);
    expect(db.select().from(schema.lots).where(eq(schema.lots.id, lot.id)).get()!.harvestDate).toBe("2026-10-10");
  });

  it("another cooperative's lot is a 404 for every decision", async () => {
    const other = db.select().from(schema.lots).all().find((l) => l.cooperativeId !== coop.id)!;
    const r = await settle(() => detailAction(args(post(`/dashboard/lots/${other.id}`, { intent: "withhold", note: "Không phải của tôi" }), other.id)));
    expect(statusOf(r)).toBe(404);
    expect(decisions(other.id)).toBe(0);
  });

  it("the alliance sees its own province's flagged lots only", async () => {
    const r = (await allianceSafetyLoader({ request: new Request(`${ORIGIN}/alliance/safety`, { headers: { Cookie: sessionCookie("lienminh@demo.chohtx.vn") } }), params: {}, context: {} })) as { lots: { id: number }[] };
    const ids = new Set(r.lots.map((l) => l.id));
    expect(ids.has(flaggedLot.id)).toBe(true);
    const elsewhere = listFlaggedLots({ provinceCode: null }).filter((l) => !lots.some((own) => own.id === l.id));
    const vinhLong = db.select().from(schema.lots).innerJoin(schema.organisations, eq(schema.organisations.id, schema.lots.cooperativeId)).all().filter((row) => row.organisations.provinceCode === coop.provinceCode).map((row) => row.lots.id);
    for (const l of elsewhere) if (!vinhLong.includes(l.id)) expect(ids.has(l.id)).toBe(false);
    expect(elsewhere.length).toBeGreaterThan(0);
    const buyer = await settle(() => allianceSafetyLoader({ request: new Request(`${ORIGIN}/alliance/safety`, { headers: { Cookie: sessionCookie("buyer@demo.chohtx.vn") } }), params: {}, context: {} }));
    expect(statusOf(buyer)).toBe(403);
  });

  it("a new lot without a unit counts in its product's unit of sale", async () => {
    const boxed = db.select().from(schema.products).where(and(eq(schema.products.cooperativeId, coop.id), eq(schema.products.unit, "hop"))).get()!;
    const r = await settle(() => newAction({ request: post("/dashboard/lots/new", { productId: String(boxed.id), code: "HOP-UNIT-1", harvestDate: "2026-11-01", packingDate: "2026-11-02", bestBeforeDate: "2027-01-01", quantity: "50", unit: "" }), params: {}, context: {} }));
    expect(statusOf(r)).toBe(302);
    expect(db.select().from(schema.lots).where(and(eq(schema.lots.productId, boxed.id), eq(schema.lots.code, "HOP-UNIT-1"))).get()!.unit).toBe("hop");
  });

  it("'add a member' answers the form one row longer and writes nothing", async () => {
    const before = db.select({ n: count() }).from(schema.lots).get()!.n;
    const r = await settle(() =>
      newAction({ request: post("/dashboard/lots/new", { productId: String(cleanLot.productId), code: "ROWS-1", __intent__: JSON.stringify({ type: "insert", payload: { name: "contributions" } }), "contributions[0].memberId": "", "contributions[1].memberId": "", "contributions[2].memberId": "" }), params: {}, context: {} }),
    );
    expect(statusOf(r)).toBe(200);
    expect(db.select({ n: count() }).from(schema.lots).get()!.n).toBe(before);
  });
});
