import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { createRequest } from "~/models/request.server";
import { submitOffer } from "~/models/offer.server";
import { root } from "../setup/paths";
import { demo, orgOf, userId } from "./helpers/orders";
import { coopEmail, inDays, productOf } from "./helpers/market";

type Outcome = { ok: boolean; status?: number; key?: string; error?: string; orderId?: number; revision?: number };

function start(args: (string | number)[]) {
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "tests/integration/helpers/market-child.ts"), ...args.map(String)], {
    cwd: root,
    env: process.env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ready\n")) resolve();
    });
    child.on("exit", (code) => (out.includes("ready") ? undefined : reject(new Error(`child exited ${code}: ${out}`))));
  });
  const done = new Promise<Outcome>((resolve, reject) => {
    child.on("exit", () => {
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as Outcome);
      } catch {
        reject(new Error(`unparseable child output: ${out}`));
      }
    });
  });
  return { ready, done, go: () => child.stdin.end("go\n") };
}

describe("racing on one request", () => {
  it("never makes two orders for one offer while buyers accept, its cooperative revises and others offer", async () => {
    const buyer = orgOf(demo.buyer);
    const buyerUser = userId(demo.buyer);
    const phuNgai = orgOf(demo.cooperative).id;
    const product = productOf(phuNgai, "Bưởi da xanh");
    db.update(schema.products).set({ stock: 100_000 }).where(eq(schema.products.id, product.id)).run();
    const { request } = createRequest({
      buyerId: buyer.id,
      userId: buyerUser,
      values: { title: "Bưởi đua", categoryCode: "I.1.a", quantity: 50, unit: "tan", certifications: [], provinces: [], deliveryFrom: inDays(5), deliveryTo: inDays(20), deliveryProvinceCode: "79", closingDate: inDays(3), visibility: "public", showBuyerName: false, publish: true },
    });
    const { offerId } = submitOffer({ requestId: request.id, cooperativeId: phuNgai, userId: userId(demo.cooperative), values: { intent: "offer", productId: product.id, quantity: 100, unitPrice: 40_000, tiers: [], validUntil: inDays(10) } });
    const others = ["HTX Bưởi Năm Roi Bình Minh", "HTX Bưởi Phúc Trạch"].map((name) => {
      const id = orgOf(coopEmail(name)).id;
      return { id, user: userId(coopEmail(name)), product: productOf(id, "Bưởi").id };
    });
    db.$client.pragma("wal_checkpoint(PASSIVE)");

    const accepters = Array.from({ length: 4 }, () => start(["accept", request.id, offerId, 1, buyer.id, buyerUser]));
    const reviser = start(["revise", request.id, phuNgai, userId(demo.cooperative), product.id, 39_000]);
    const offerers = others.map((o) => start(["offer", request.id, o.id, o.user, o.product, 38_000]));
    const all = [...accepters, reviser, ...offerers];
    await Promise.all(all.map((c) => c.ready));
    for (const c of all) c.go();
    const [acceptOutcomes, revision, offerOutcomes] = [await Promise.all(accepters.map((c) => c.done)), await reviser.done, await Promise.all(offerers.map((c) => c.done))];

    const ordersForOffer = db.select().from(schema.orders).all().filter((o) => o.notes?.startsWith(`#${request.id} `));
    const accepted = acceptOutcomes.filter((o) => o.ok);
    expect(accepted.length).toBeLessThanOrEqual(1);
    expect(ordersForOffer).toHaveLength(accepted.length);
    // Either the acceptance or the revision got there first; never both, never neither.
    expect(accepted.length + (revision.ok ? 1 : 0)).toBe(1);
    for (const o of acceptOutcomes.filter((x) => !x.ok)) expect(o.status).toBe(409);
    if (!revision.ok) expect(revision).toMatchObject({ status: 409 });
    const offer = db.select().from(schema.offers).where(eq(schema.offers.id, offerId)).get()!;
    if (accepted.length) expect(offer).toMatchObject({ state: "accepted", orderId: accepted[0]!.orderId, revision: 1 });
    else expect(offer).toMatchObject({ state: "submitted", orderId: null, revision: 2 });
    // The other cooperatives' offers went in whatever the interleaving (the request stays open: 100 kg of 50 t).
    expect(offerOutcomes.every((o) => o.ok)).toBe(true);
    expect(db.select().from(schema.offers).where(eq(schema.offers.requestId, request.id)).all()).toHaveLength(3);
    expect(db.select().from(schema.offerRevisions).all().filter((r) => r.offerId === offerId)).toHaveLength(revision.ok ? 2 : 1);
  }, 120_000);
});
