import { and, asc, count, eq, ne } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { addDays } from "../../db/seed/random";
import { todayInVietnam } from "~/lib/certificates";
import { demo, orgOf, userId } from "./helpers/orders";

export const today = todayInVietnam();
export const inDays = (n: number) => addDays(today, n);

export const rows = {
  announcements: () => db.select({ n: count() }).from(schema.harvestAnnouncements).get()!.n,
  reservations: () => db.select({ n: count() }).from(schema.harvestReservations).get()!.n,
  savedSearches: () => db.select({ n: count() }).from(schema.savedSearches).get()!.n,
  outbox: () => db.select({ n: count() }).from(schema.outbox).get()!.n,
  orders: () => db.select({ n: count() }).from(schema.orders).get()!.n,
  queue: () => db.select({ n: count() }).from(schema.alertQueue).get()!.n,
};

/** A published product of the demo cooperative, by position. */
export function demoProduct(index = 0) {
  const coop = orgOf(demo.cooperative).id;
  return db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, coop), eq(schema.products.status, "published")))
    .orderBy(asc(schema.products.id))
    .all()[index]!;
}

/** A published product of some other cooperative. */
export function otherCoopProduct() {
  const coop = orgOf(demo.cooperative).id;
  return db
    .select()
    .from(schema.products)
    .where(and(ne(schema.products.cooperativeId, coop), eq(schema.products.status, "published")))
    .orderBy(asc(schema.products.id))
    .get()!;
}

/** A fresh open announcement of the demo cooperative on `product`, with `quantity` left. */
export function openAnnouncement({ productIndex = 0, quantity = 1000, status = "open" as "open" | "closed" | "cancelled" } = {}) {
  const p = demoProduct(productIndex);
  return db
    .insert(schema.harvestAnnouncements)
    .values({
      cooperativeId: p.cooperativeId,
      productId: p.id,
      quantity,
      unit: p.unit,
      remainingQuantity: quantity,
      harvestFrom: inDays(5),
      harvestTo: inDays(30),
      priceMin: 40_000,
      priceMax: null,
      status,
      createdBy: userId(demo.cooperative),
    })
    .returning()
    .get();
}

export const reservationFields = { deliveryProvinceCode: "79", deliveryCommune: "Phường Thủ Đức", deliveryAddress: "Kho số 3", paymentMethod: "card", note: "" };
