import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { db, prepared, schema } from "~/db.server";
import type { ProductInput } from "~/lib/product-rules";
import { slugify } from "~/lib/text";
import { activeBadgesForProducts } from "./badges.server";
import { ConflictError } from "./organisation.server";

export type Product = typeof schema.products.$inferSelect;
export { ConflictError };

/* ---------------------------------------------------------------- Public display */

/**
 * A product as the public product page shows it, or null when the viewer may not see it. Others see only
 * published products of active cooperatives; members of the owning cooperative may preview any state.
 * Other capabilities (search, orders, lots) call this to show a product.
 */
// The product page's queries, prepared once (it is the page buyers open most after the search).
const productRow = prepared((d) =>
  d
    .select({ product: schema.products, cooperative: schema.organisations, category: schema.ocopCategories, province: schema.provinces })
    .from(schema.products)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.products.cooperativeId))
    .innerJoin(schema.ocopCategories, eq(schema.ocopCategories.code, schema.products.categoryCode))
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.products.originProvinceCode))
    .where(eq(schema.products.id, sql.placeholder("id")))
    .prepare(),
);
const tiersOf = prepared((d) =>
  d.select().from(schema.priceTiers).where(eq(schema.priceTiers.productId, sql.placeholder("productId"))).orderBy(asc(schema.priceTiers.minQty)).prepare(),
);
const photosOf = prepared((d) =>
  d
    .select()
    .from(schema.productPhotos)
    .where(eq(schema.productPhotos.productId, sql.placeholder("productId")))
    .orderBy(asc(schema.productPhotos.position), asc(schema.productPhotos.id))
    .prepare(),
);
const publishedIdsOf = prepared((d) =>
  d
    .select({ id: schema.products.id })
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, sql.placeholder("cooperativeId")), eq(schema.products.status, "published"), ne(schema.products.id, sql.placeholder("excludeId"))))
    .orderBy(desc(schema.products.publishedAt), asc(schema.products.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

export function getProductForDisplay({ id, viewerOrganisationId }: { id: number; viewerOrganisationId?: number | null }) {
  const row = productRow().get({ id });
  if (!row) return null;
  const isOwner = viewerOrganisationId != null && viewerOrganisationId === row.product.cooperativeId;
  if (!isOwner && (row.product.status !== "published" || row.cooperative.status !== "active")) return null;
  const tiers = listTiers({ productId: id });
  const photos = listPhotos({ productId: id });
  const badges = activeBadgesForProducts({ productIds: [id] }).get(id) ?? [];
  const { cooperative: c } = row;
  return {
    product: row.product,
    tiers,
    photos,
    badges,
    isOwner,
    category: row.category,
    originProvince: row.province,
    cooperative: { id: c.id, name: c.name, slug: c.slug, provinceCode: c.provinceCode, verified: !!c.verifiedAt },
  };
}

export type ProductDisplay = NonNullable<ReturnType<typeof getProductForDisplay>>;

/** Published products of a cooperative, for "more from this cooperative" and the public profile. */
/** Ids of a cooperative's published products, newest first; cards are filled by `productsByIds` (search index). */
export function listPublishedProductIds({ cooperativeId, excludeId, limit = 60 }: { cooperativeId: number; excludeId?: number; limit?: number }) {
  return publishedIdsOf()
    .all({ cooperativeId, excludeId: excludeId ?? 0, limit })
    .map((r) => r.id);
}

export function listTiers({ productId }: { productId: number }) {
  return tiersOf().all({ productId });
}

export function listPhotos({ productId }: { productId: number }) {
  return photosOf().all({ productId });
}


/** The unit price for an order of `qty`: the deepest tier reached, else the base price. */
export function unitPriceFor(product: { price: number }, tiers: { minQty: number; unitPrice: number }[], qty: number) {
  return [...tiers].sort((a, b) => a.minQty - b.minQty).reduce((price, t) => (qty >= t.minQty ? t.unitPrice : price), product.price);
}

/* ---------------------------------------------------------------- Cooperative's own products */

export function listCooperativeProducts({ cooperativeId }: { cooperativeId: number }) {
  return db
    .select()
    .from(schema.products)
    .where(eq(schema.products.cooperativeId, cooperativeId))
    .orderBy(desc(sql`coalesce(${schema.products.updatedAt}, ${schema.products.createdAt})`), desc(schema.products.id))
    .all();
}

export function getProduct({ id, cooperativeId }: { id: number; cooperativeId: number }) {
  return (
    db
      .select()
      .from(schema.products)
      .where(and(eq(schema.products.id, id), eq(schema.products.cooperativeId, cooperativeId)))
      .get() ?? null
  );
}

/** Field errors for references the schema cannot check by itself. */
export function referenceErrors(input: { categoryCode: string; originProvinceCode: string }): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!db.select({ c: schema.ocopCategories.code }).from(schema.ocopCategories).where(eq(schema.ocopCategories.code, input.categoryCode)).get()) {
    errors.categoryCode = ["catalogue.errors.category"];
  }
  if (!db.select({ c: schema.provinces.code }).from(schema.provinces).where(eq(schema.provinces.code, input.originProvinceCode)).get()) {
    errors.originProvinceCode = ["errors.province"];
  }
  return errors;
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

function assertGtinFree(tx: Tx, gtin: string | null, exceptId?: number) {
  if (!gtin) return;
  const taken = tx
    .select({ id: schema.products.id })
    .from(schema.products)
    .where(and(eq(schema.products.gtin, gtin), exceptId ? ne(schema.products.id, exceptId) : undefined))
    .get();
  if (taken) throw new ConflictError("gtin", "catalogue.errors.gtinTaken");
}

function productValues(input: ProductInput) {
  const { tiers: _tiers, ...rest } = input;
  return { ...rest, slug: slugify(input.nameVi) || "san-pham" };
}

type NewPhoto = { path: string; width: number; height: number };

function insertPhotos(tx: Tx, productId: number, photos: NewPhoto[], alt: string) {
  if (!photos.length) return;
  const last = tx
    .select({ max: sql<number | null>`max(${schema.productPhotos.position})` })
    .from(schema.productPhotos)
    .where(eq(schema.productPhotos.productId, productId))
    .get();
  const start = (last?.max ?? -1) + 1;
  tx.insert(schema.productPhotos)
    .values(photos.map((p, i) => ({ productId, path: p.path, width: p.width, height: p.height, alt, position: start + i })))
    .run();
}

/** Creates the product, its tiers and photos together. A taken GTIN throws `ConflictError` and writes nothing. */
export function createProduct({ cooperativeId, input, photos = [] }: { cooperativeId: number; input: ProductInput; photos?: NewPhoto[] }) {
  return db.transaction((tx) => {
    assertGtinFree(tx, input.gtin);
    const now = new Date().toISOString();
    const product = tx
      .insert(schema.products)
      .values({ ...productValues(input), cooperativeId, publishedAt: input.status === "published" ? now : null })
      .returning()
      .get();
    if (input.tiers.length) tx.insert(schema.priceTiers).values(input.tiers.map((t) => ({ ...t, productId: product.id }))).run();
    insertPhotos(tx, product.id, photos, input.nameVi);
    return product;
  });
}

/** Updates a product of this cooperative; null when it is not theirs (nothing written). */
export function updateProduct({ id, cooperativeId, input, photos = [] }: { id: number; cooperativeId: number; input: ProductInput; photos?: NewPhoto[] }) {
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(schema.products)
      .where(and(eq(schema.products.id, id), eq(schema.products.cooperativeId, cooperativeId)))
      .get();
    if (!existing) return null;
    assertGtinFree(tx, input.gtin, id);
    const now = new Date().toISOString();
    const product = tx
      .update(schema.products)
      .set({
        ...productValues(input),
        updatedAt: now,
        publishedAt: input.status === "published" ? (existing.publishedAt ?? now) : existing.publishedAt,
      })
      .where(eq(schema.products.id, id))
      .returning()
      .get();
    tx.delete(schema.priceTiers).where(eq(schema.priceTiers.productId, id)).run();
    if (input.tiers.length) tx.insert(schema.priceTiers).values(input.tiers.map((t) => ({ ...t, productId: id }))).run();
    insertPhotos(tx, id, photos, input.nameVi);
    return product;
  });
}

export function deleteProductPhoto({ photoId, productId, cooperativeId }: { photoId: number; productId: number; cooperativeId: number }) {
  if (!getProduct({ id: productId, cooperativeId })) return false;
  const r = db
    .delete(schema.productPhotos)
    .where(and(eq(schema.productPhotos.id, photoId), eq(schema.productPhotos.productId, productId)))
    .run();
  return r.changes > 0;
}

/** GTINs already on the platform, among the given ones. */
export function takenGtins(gtins: string[]): Set<string> {
  if (!gtins.length) return new Set();
  return new Set(
    db
      .select({ gtin: schema.products.gtin })
      .from(schema.products)
      .where(inArray(schema.products.gtin, gtins))
      .all()
      .map((r) => r.gtin!),
  );
}

export function knownReferences() {
  return {
    categories: new Set(db.select({ c: schema.ocopCategories.code }).from(schema.ocopCategories).all().map((r) => r.c)),
    provinces: new Set(db.select({ c: schema.provinces.code }).from(schema.provinces).all().map((r) => r.c)),
  };
}

/** Imports every row or none: one transaction, GTINs re-checked inside it. */
export function importProducts({ cooperativeId, rows }: { cooperativeId: number; rows: ProductInput[] }) {
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const ids: number[] = [];
    for (const input of rows) {
      assertGtinFree(tx, input.gtin);
      const product = tx
        .insert(schema.products)
        .values({ ...productValues(input), cooperativeId, publishedAt: input.status === "published" ? now : null })
        .returning({ id: schema.products.id })
        .get();
      if (input.tiers.length) tx.insert(schema.priceTiers).values(input.tiers.map((t) => ({ ...t, productId: product.id }))).run();
      ids.push(product.id);
    }
    return ids;
  });
}
