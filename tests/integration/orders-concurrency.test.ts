import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { root } from "../setup/paths";
import { demo, prepareProduct, stockOf, userId } from "./helpers/orders";

type Outcome = { ok: boolean; status?: number; key?: string; error?: string };

/** Starts a checkout process and resolves once it has filled its cart and waits for the signal. */
function startBuyer(args: number[]) {
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "tests/integration/helpers/checkout-child.ts"), ...args.map(String)], {
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
    child.on("exit", (code) => (out.includes("ready") ? undefined : reject(new Error(`child exited ${code} before ready: ${out}`))));
  });
  const done = new Promise<Outcome>((resolve, reject) => {
    child.on("exit", () => {
      const last = out.trim().split("\n").at(-1) ?? "";
      try {
        resolve(JSON.parse(last) as Outcome);
      } catch {
        reject(new Error(`unparseable child output: ${out}`));
      }
    });
  });
  return { ready, done, go: () => child.stdin.end("go\n") };
}

describe("no overselling", () => {
  it("sells exactly the stock when many buyers in separate processes check out the last units at once", async () => {
    const STOCK = 4;
    const BUYERS = 7;
    const product = prepareProduct({ index: 2, minOrderQty: 1, stock: STOCK, tiers: [] });
    const placer = userId(demo.buyer);
    // Separate buyer organisations, so each process has its own cart.
    const buyers = Array.from({ length: BUYERS }, (_, i) =>
      db
        .insert(schema.organisations)
        .values({ kind: "buyer", name: `Công ty Thử Đua ${i}`, slug: `cong-ty-thu-dua-${i}-${Date.now()}`, provinceCode: "79", taxCode: `09${String(Date.now()).slice(-6)}${String(i).padStart(2, "0")}` })
        .returning()
        .get(),
    );
    // Make the WAL content visible to the other connections before they start.
    db.$client.pragma("wal_checkpoint(PASSIVE)");
    const children = buyers.map((b) => startBuyer([b.id, placer, product.id, 1]));
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    const outcomes = await Promise.all(children.map((c) => c.done));

    const sold = outcomes.filter((o) => o.ok).length;
    const refused = outcomes.filter((o) => !o.ok);
    expect(sold).toBe(STOCK);
    expect(refused).toHaveLength(BUYERS - STOCK);
    expect(refused.every((o) => o.status === 409 && o.key === "orders.errors.stock")).toBe(true);
    expect(stockOf(product.id)).toBe(0);
    const lines = db
      .select({ total: sql<number>`sum(${schema.orderLines.quantity})` })
      .from(schema.orderLines)
      .innerJoin(schema.orders, eq(schema.orders.id, schema.orderLines.orderId))
      .where(and(eq(schema.orderLines.productId, product.id), inArray(schema.orders.buyerId, buyers.map((b) => b.id))))
      .get()!;
    expect(lines.total).toBe(STOCK);
  }, 90_000);

  it("never lets two reservations in one process take more than the stock", async () => {
    const product = prepareProduct({ index: 3, minOrderQty: 1, stock: 3, tiers: [] });
    const { checkoutCart, addToCart } = await import("~/models/order.server");
    const ids = Array.from({ length: 5 }, (_, i) =>
      db
        .insert(schema.organisations)
        .values({ kind: "buyer", name: `Công ty Thử Cùng ${i}`, slug: `cong-ty-thu-cung-${i}-${Date.now()}`, provinceCode: "79" })
        .returning()
        .get().id,
    );
    for (const buyerId of ids) addToCart({ buyerId, productId: product.id, quantity: 2, userId: userId(demo.buyer) });
    const results = await Promise.allSettled(
      ids.map(async (buyerId) => checkoutCart({ buyerId, userId: userId(demo.buyer), delivery: { provinceCode: "79", commune: "X", address: "Y" }, paymentMethods: {} })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(stockOf(product.id)).toBe(1);
  });
});
