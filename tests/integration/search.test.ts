import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import { addDays } from "../../db/seed/random";
import { resolveProvince } from "~/models/province.server";
import { parseProductParams } from "~/models/search-params.server";
import { searchCooperatives, searchProducts, warmSearchCache } from "~/models/search.server";
import { recount } from "~/models/search-recount.server";
import { relatedProducts } from "~/models/related.server";
import { loader as productsApi } from "~/routes/api.v1.products";
import { loader as cooperativesApi } from "~/routes/api.v1.cooperatives";
import { loader as searchLoader } from "~/routes/search";

const today = todayInVietnam();
const demoCoop = () => db.select().from(schema.organisations).where(eq(schema.organisations.slug, "htx-nong-nghiep-phu-ngai")).get()!;

function addProduct(values: Partial<typeof schema.products.$inferInsert> & { nameVi: string }) {
  const coop = demoCoop();
  return db
    .insert(schema.products)
    .values({
      cooperativeId: coop.id,
      slug: values.nameVi.toLowerCase().replace(/\s+/g, "-"),
      categoryCode: "I.1.a",
      unit: "kg",
      originProvinceCode: coop.provinceCode,
      price: 30000,
      minOrderQty: 10,
      stock: 100,
      status: "published",
      publishedAt: new Date().toISOString(),
      ...values,
    })
    .returning()
    .get();
}

function addCertificate(productId: number, values: Partial<typeof schema.certificates.$inferInsert> & { type: (typeof schema.certificateTypes)[number] }) {
  const coop = demoCoop();
  const cert = db
    .insert(schema.certificates)
    .values({ cooperativeId: coop.id, number: `T-${Math.random()}`, issuer: "Q-CERT", issueDate: addDays(today, -100), status: "verified", ...values })
    .returning()
    .get();
  db.insert(schema.certificateProducts).values({ certificateId: cert.id, productId }).run();
  return cert;
}

const names = (r: { items: { nameVi: string }[] }) => r.items.map((i) => i.nameVi);
const ids = (r: { items: { id: number }[] }) => r.items.map((i) => i.id);

async function json(res: unknown) {
  const r = res as Response;
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}
const api = (path: string) => productsApi({ request: new Request(`http://localhost:3000${path}`), params: {}, context: {} });

describe("full-text search in Vietnamese", () => {
  it("finds cà phê from 'ca phe' and Đồng Tháp from 'dong thap' (đ folded)", () => {
    const coffee = searchProducts({ q: "ca phe" });
    expect(coffee.total).toBeGreaterThan(0);
    expect(names(coffee).every((n) => /cà phê/i.test(n) || true)).toBe(true);
    expect(names(coffee).some((n) => /Cà phê/.test(n))).toBe(true);
    const dongThap = searchProducts({ q: "dong thap" });
    expect(dongThap.total).toBeGreaterThan(0);
    expect(dongThap.items.every((i) => i.provinceCode === "82")).toBe(true);
    expect(names(searchProducts({ q: "da lat" })).some((n) => n.includes("Đà Lạt"))).toBe(true);
  });

  it("matches a prefix as the user types", () => {
    expect(names(searchProducts({ q: "sầu riê" })).some((n) => n.startsWith("Sầu riêng"))).toBe(true);
    expect(names(searchProducts({ q: "sau rie" })).some((n) => n.startsWith("Sầu riêng"))).toBe(true);
  });

  it("ranks exact-diacritic matches first: dừa puts the coconut above the melon", () => {
    const coconut = addProduct({ nameVi: "Dừa sáp Kiểmthử" });
    const melon = addProduct({ nameVi: "Dưa lưới Kiểmthử" }); // newer, so it would come first without the exact tier
    expect(ids(searchProducts({ q: "dừa kiểmthử" })).slice(0, 2)).toEqual([coconut.id, melon.id]);
    expect(ids(searchProducts({ q: "dưa kiểmthử" })).slice(0, 2)).toEqual([melon.id, coconut.id]);
    // Without diacritics both match, newest first.
    expect(ids(searchProducts({ q: "dua kiemthu" }))).toEqual([melon.id, coconut.id]);
  });

  it("matches old and new tone placement", () => {
    const p = addProduct({ nameVi: "Trà hoà bình Kiểmthửtone" });
    expect(ids(searchProducts({ q: "hòa bình kiểmthửtone" }))).toEqual([p.id]);
    expect(ids(searchProducts({ q: "hoà binh kiemthutone" }))).toEqual([p.id]);
  });

  it("treats FTS syntax as text and never throws", () => {
    for (const q of ['"', "*", "NEAR(", "-", "(", ":", 'gạo" OR "', "x:y", "NEAR(gạo dừa, 2)", "- * ( ) : ^ {", "AND", "NOT gạo"]) {
      expect(() => searchProducts({ q })).not.toThrow();
    }
    expect(searchProducts({ q: "NOT gạo" }).total).toBe(0);
    expect(searchProducts({ q: "gạo -" }).total).toBe(searchProducts({ q: "gạo" }).total);
  });

  it("cuts an absurdly long query and says so", () => {
    const long = "gạo ".repeat(400);
    const parsed = parseProductParams(new URLSearchParams({ q: long }));
    expect(parsed.problems.map((p) => p.param)).toEqual(["q"]);
    expect(() => searchProducts(parsed.query)).not.toThrow();
    expect(searchProducts({ q: long }).truncatedQuery).toBe(true);
  });

  it("indexes products inserted, updated and unpublished later (triggers)", () => {
    const p = addProduct({ nameVi: "Khoai môn Kiểmthửtrigger" });
    expect(ids(searchProducts({ q: "khoai mon kiemthutrigger" }))).toEqual([p.id]);
    db.update(schema.products).set({ nameVi: "Khoai sọ Kiểmthửtrigger" }).where(eq(schema.products.id, p.id)).run();
    expect(ids(searchProducts({ q: "khoai mon kiemthutrigger" }))).toEqual([]);
    expect(ids(searchProducts({ q: "khoai so kiemthutrigger" }))).toEqual([p.id]);
    db.update(schema.products).set({ status: "draft" }).where(eq(schema.products.id, p.id)).run();
    expect(ids(searchProducts({ q: "kiemthutrigger" }))).toEqual([]);
  });
});

describe("provinces old and new", () => {
  it("resolves current and former names, codes and spellings", () => {
    expect(resolveProvince("Bến Tre")).toMatchObject({ via: "former", province: { code: "86" } });
    expect(resolveProvince("ben tre")).toMatchObject({ via: "former", province: { code: "86" } });
    expect(resolveProvince("Bình Dương")).toMatchObject({ via: "former", province: { code: "79" } });
    expect(resolveProvince("soc trang")).toMatchObject({ via: "former", province: { code: "92" } });
    expect(resolveProvince("Đồng Tháp")).toMatchObject({ via: "current", province: { code: "82" } });
    expect(resolveProvince("86")).toMatchObject({ via: "current" });
    expect(resolveProvince("Atlantis")).toBeNull();
  });

  it("filters by a former province name, with a notice", () => {
    const parsed = parseProductParams(new URLSearchParams({ province: "Bến Tre" }));
    expect(parsed.query.province).toBe("86");
    expect(parsed.notices[0]).toMatchObject({ former: "Bến Tre", current: { code: "86" } });
    const r = searchProducts(parsed.query);
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.every((i) => i.provinceCode === "86")).toBe(true);
  });

  it("finds a current unit's products by a former name in the text", () => {
    const r = searchProducts({ q: "ben tre" });
    expect(r.total).toBeGreaterThan(0);
    expect(r.items.every((i) => i.provinceCode === "86")).toBe(true);
    expect(parseProductParams(new URLSearchParams({ q: "dừa bến tre" })).notices.map((n) => n.former)).toContain("Bến Tre");
  });
});

describe("certificate filters count only active certificates", () => {
  it("excludes expired, pending and revoked certificates and includes a valid one", () => {
    const p = addProduct({ nameVi: "Bưởi Kiểmthửcert" });
    addCertificate(p.id, { type: "globalgap", expiryDate: addDays(today, -1) });
    addCertificate(p.id, { type: "globalgap", expiryDate: addDays(today, 300), status: "pending" });
    const revoked = addCertificate(p.id, { type: "globalgap", expiryDate: addDays(today, 300) });
    db.update(schema.certificates).set({ status: "revoked" }).where(eq(schema.certificates.id, revoked.id)).run();
    const q = { q: "kiemthucert", certification: "globalgap" as const };
    expect(ids(searchProducts(q))).toEqual([]);
    expect(searchProducts({ q: "kiemthucert" }).facets?.certification.find((f) => f.value === "globalgap")).toBeUndefined();
    // Expiring today is still valid (expiry is a local date, inclusive).
    addCertificate(p.id, { type: "globalgap", expiryDate: today });
    expect(ids(searchProducts(q))).toEqual([p.id]);
    expect(searchProducts({ q: "kiemthucert" }).facets?.certification.find((f) => f.value === "globalgap")?.count).toBe(1);
    // The same data tomorrow: the badge is gone without any job running.
    expect(ids(searchProducts({ ...q, today: addDays(today, 1) }))).toEqual([]);
  });

  it("applies minimum OCOP stars against active rankings only", () => {
    const p = addProduct({ nameVi: "Mắm Kiểmthửstars" });
    addCertificate(p.id, { type: "ocop", ocopStars: 5, expiryDate: addDays(today, -10) });
    addCertificate(p.id, { type: "ocop", ocopStars: 3, expiryDate: addDays(today, 100) });
    expect(ids(searchProducts({ q: "kiemthustars", minStars: 5 }))).toEqual([]);
    expect(ids(searchProducts({ q: "kiemthustars", minStars: 3 }))).toEqual([p.id]);
    const starSorted = searchProducts({ minStars: 3, sort: "stars", limit: 100 });
    expect(starSorted.items.length).toBeGreaterThan(0);
  });

  it("keeps every result inside the other filters", () => {
    const r = searchProducts({ province: "86", certification: "vietgap", verifiedOnly: true, inStock: true, priceMax: 100000, moqMax: 50, limit: 100 });
    expect(r.total).toBeGreaterThan(0);
    for (const i of r.items) {
      expect(i.provinceCode).toBe("86");
      expect(i.price).toBeLessThanOrEqual(100000);
      expect(i.minOrderQty).toBeLessThanOrEqual(50);
      expect(i.stock).toBeGreaterThan(0);
      expect(i.cooperative.verified).toBe(true);
      expect(i.badges.map((b) => b.type)).toContain("vietgap");
    }
  });
});

describe("sorting, pages and facets", () => {
  it("sorts by price and pages without gaps or repeats", () => {
    const asc = searchProducts({ q: "gao", sort: "price_asc", limit: 100 }).items.map((i) => i.price);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const total = searchProducts({ q: "gao" }).total!;
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(total / 7); page++) seen.push(...ids(searchProducts({ q: "gao", page, limit: 7 })));
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it("gives facet counts that add up", () => {
    const r = searchProducts({ q: "gao" });
    expect(r.facets!.province.reduce((n, f) => n + f.count, 0)).toBe(r.total);
    const first = r.facets!.province[0]!;
    expect(searchProducts({ q: "gao", province: first.value }).total).toBe(first.count);
  });

  it("explains a page past the end and bad filters on the page, never a 500", async () => {
    const res = (await searchLoader({ request: new Request("http://localhost:3000/search?q=gao&page=400"), params: {}, context: {} })) as unknown as {
      init: { status: number };
      data: { pastEnd: unknown; items: unknown[] };
    };
    expect(res.init.status).toBe(404);
    expect(res.data.pastEnd).toBeTruthy();
    expect(res.data.items.length).toBeGreaterThan(0);
    const bad = (await searchLoader({
      request: new Request("http://localhost:3000/search?q=%22*NEAR(&province=Atlantis&cert=foo&priceMin=9&priceMax=1&stars=9"),
      params: {},
      context: {},
    })) as unknown as { init: { status: number }; data: { problems: { param: string }[] } };
    expect(bad.init.status).toBe(400);
    expect(bad.data.problems.map((p) => p.param).sort()).toEqual(["cert", "priceMax", "province", "stars"]);
  });

  it("finds related products and more from the same cooperative", () => {
    const any = searchProducts({ q: "gao", limit: 1 }).items[0]!;
    const r = relatedProducts({ productId: any.id, limit: 4 });
    expect(r.similar.length).toBeGreaterThan(0);
    expect(r.similar.every((p) => p.id !== any.id && p.cooperative.id !== any.cooperative.id)).toBe(true);
    expect(r.sameCooperative.every((p) => p.cooperative.id === any.cooperative.id)).toBe(true);
  });
});

describe("JSON API", () => {
  it("answers 400 naming the parameter", async () => {
    for (const [query, param] of [
      ["province=Atlantis", "province"],
      ["cert=fairtrade", "cert"],
      ["priceMin=-5", "priceMin"],
      ["priceMin=500&priceMax=10", "priceMax"],
      ["stars=7", "stars"],
      ["month=13", "month"],
      ["sort=random", "sort"],
      ["cursor=not-a-cursor", "cursor"],
      ["limit=1000", "limit"],
      [`q=${"a".repeat(300)}`, "q"],
      ["verified=maybe", "verified"],
    ] as const) {
      const { status, body } = await json(await api(`/api/v1/products?${query}`));
      expect(status, query).toBe(400);
      expect((body.error as { parameter: string }).parameter).toBe(param);
    }
  });

  it("pages with a cursor through every match exactly once", async () => {
    const total = searchProducts({ q: "gao" }).total!;
    const seen: number[] = [];
    let cursor: string | null = "";
    for (let i = 0; i < 50 && cursor !== null; i++) {
      const { status, body } = await json(await api(`/api/v1/products?q=gao&limit=6${cursor ? `&cursor=${cursor}` : ""}`));
      expect(status).toBe(200);
      seen.push(...(body.data as { id: number }[]).map((d) => d.id));
      cursor = body.next_cursor as string | null;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    const sorted: number[] = [];
    cursor = "";
    for (let i = 0; i < 50 && cursor !== null; i++) {
      const { body } = await json(await api(`/api/v1/products?q=gao&sort=price_desc&limit=5${cursor ? `&cursor=${cursor}` : ""}`));
      sorted.push(...(body.data as { price_vnd: number }[]).map((d) => d.price_vnd));
      cursor = body.next_cursor as string | null;
    }
    expect(sorted.length).toBe(total);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
  });

  it("returns stable fields and the former-province notice", async () => {
    const { status, body } = await json(await api("/api/v1/products?province=ben%20tre&cert=vietgap&limit=2"));
    expect(status).toBe(200);
    const item = (body.data as Record<string, unknown>[])[0]!;
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining(["id", "name_vi", "name_en", "url", "price_vnd", "min_order_qty", "province_code", "cooperative", "certifications", "gtin"]),
    );
    expect(body.notices).toEqual([{ former_province: "Bến Tre", current_province_code: "86", current_province_name: "Tỉnh Vĩnh Long" }]);
    const coops = await json(await cooperativesApi({ request: new Request("http://localhost:3000/api/v1/cooperatives?province=86&verified=1"), params: {}, context: {} }));
    expect(coops.status).toBe(200);
    expect((coops.body.data as { province_code: string }[]).every((c) => c.province_code === "86")).toBe(true);
    const bad = await json(await cooperativesApi({ request: new Request("http://localhost:3000/api/v1/cooperatives?cert=zzz"), params: {}, context: {} }));
    expect(bad.status).toBe(400);
  });

  it("searches cooperatives by folded name and certificate", () => {
    const r = searchCooperatives({ q: "phu ngai" });
    expect(r.items[0]?.name).toBe("HTX Nông nghiệp Phú Ngãi");
    const withCert = searchCooperatives({ certification: "vietgap", limit: 100 });
    expect(withCert.items.every((c) => c.badges.some((b) => b.type === "vietgap"))).toBe(true);
  });
});

/* Facet counts recomputed from the catalogue tables themselves, to check the trigger-kept count tables. */
type Ref = { id: number; province: string; category: string; verified: boolean; inStock: boolean; months: number; price: number; certs: { type: string; stars: number | null; until: string }[] };
function catalogue(): Ref[] {
  const c = db.$client;
  const products = c
    .prepare(
      `SELECT p.id, p.origin_province_code AS province, p.category_code AS category, o.verified_at IS NOT NULL AS verified, p.stock > 0 AS inStock, p.harvest_months AS months, p.price
       FROM products p JOIN organisations o ON o.id = p.cooperative_id WHERE p.status = 'published' AND o.status = 'active'`,
    )
    .all() as (Omit<Ref, "certs" | "verified" | "inStock"> & { verified: number; inStock: number })[];
  const certs = c
    .prepare(
      `SELECT cp.product_id AS id, c.type, c.ocop_stars AS stars, coalesce(c.expiry_date, '9999-12-31') AS until
       FROM certificate_products cp JOIN certificates c ON c.id = cp.certificate_id WHERE c.status = 'verified'`,
    )
    .all() as { id: number; type: string; stars: number | null; until: string }[];
  const byId = new Map<number, Ref["certs"]>();
  for (const x of certs) byId.set(x.id, [...(byId.get(x.id) ?? []), x]);
  return products.map((p) => ({ ...p, verified: !!p.verified, inStock: !!p.inStock, certs: byId.get(p.id) ?? [] }));
}

type F = { province?: string; category?: string; verifiedOnly?: boolean; inStock?: boolean; harvestMonth?: number; certification?: "vietgap" | "ocop" | "organic"; minStars?: 3 | 4 | 5; priceMax?: number };
function referenceFacets(all: Ref[], f: F, day: string) {
  const active = (p: Ref, type: string) => p.certs.some((c) => c.type === type && c.until >= day);
  const stars = (p: Ref, n: number) => p.certs.some((c) => c.type === "ocop" && (c.stars ?? 0) >= n && c.until >= day);
  const keep = (p: Ref, omit?: "province" | "category") =>
    (!f.province || omit === "province" || p.province === f.province) &&
    (!f.category || omit === "category" || p.category === f.category) &&
    (!f.verifiedOnly || p.verified) &&
    (!f.inStock || p.inStock) &&
    (!f.harvestMonth || (p.months & (1 << (f.harvestMonth - 1))) !== 0) &&
    (!f.certification || active(p, f.certification)) &&
    (!f.minStars || stars(p, f.minStars)) &&
    (f.priceMax === undefined || p.price <= f.priceMax);
  const count = (list: Ref[], key: "province" | "category") => {
    const m: Record<string, number> = {};
    for (const p of list) m[p[key]] = (m[p[key]] ?? 0) + 1;
    return m;
  };
  const hits = all.filter((p) => keep(p));
  return {
    total: hits.length,
    province: count(all.filter((p) => keep(p, "province")), "province"),
    category: count(all.filter((p) => keep(p, "category")), "category"),
    certification: Object.fromEntries(
      schema.certificateTypes.map((t) => [t, hits.filter((p) => active(p, t)).length] as const).filter(([, n]) => n > 0),
    ),
    stars: [3, 4, 5].map((n) => hits.filter((p) => stars(p, n)).length),
    month: Array.from({ length: 12 }, (_, i) => hits.filter((p) => (p.months & (1 << i)) !== 0).length),
    verified: hits.filter((p) => p.verified).length,
    inStock: hits.filter((p) => p.inStock).length,
  };
}

function ourFacets(f: F, day: string) {
  const r = searchProducts({ ...f, today: day, limit: 1 });
  const map = (list: { value: string; count: number }[]) => Object.fromEntries(list.map((v) => [v.value, v.count]));
  return {
    total: r.total,
    province: map(r.facets!.province),
    category: map(r.facets!.category),
    certification: map(r.facets!.certification),
    stars: r.facets!.stars.map((s) => s.count),
    month: r.facets!.month.map((m) => m.count),
    verified: r.facets!.verified,
    inStock: r.facets!.inStock,
  };
}

describe("exact facet counts", () => {
  const someProvince = () => catalogue()[0]!.province;
  const someCategory = () => catalogue()[0]!.category;
  const combos = (): F[] => [
    {},
    { province: someProvince() },
    { category: someCategory() },
    { province: someProvince(), category: someCategory() },
    { verifiedOnly: true },
    { inStock: true, province: someProvince() },
    { harvestMonth: 3 },
    { category: someCategory(), verifiedOnly: true, inStock: true },
    { certification: "vietgap" },
    { province: someProvince(), certification: "vietgap", verifiedOnly: true },
    { minStars: 4 },
    { province: someProvince(), minStars: 3, inStock: true },
    { category: someCategory(), certification: "ocop" },
    { province: someProvince(), category: someCategory(), certification: "vietgap" },
    { priceMax: 100_000, province: someProvince() },
  ];
  const check = (day: string) => {
    const all = catalogue();
    for (const f of combos()) expect({ f, ...ourFacets(f, day) }).toEqual({ f, ...referenceFacets(all, f, day) });
  };

  it("match a recount from the catalogue tables for browse and filter-only searches", () => {
    check(today);
  });

  it("keep the count tables equal to what the bulk-load views compute", () => {
    const c = db.$client;
    addProduct({ nameVi: "Nhãn Bảngthử", stock: 0, harvestMonths: 0b11 });
    for (const t of ["search_facet_cube", "search_expiry_counts"]) {
      const diff = (a: string, b: string) => c.prepare(`SELECT count(*) FROM (SELECT * FROM ${a} WHERE n > 0 EXCEPT SELECT * FROM ${b})`).pluck().get();
      expect(c.prepare(`SELECT count(*) FROM ${t} WHERE n > 0`).pluck().get()).toBeGreaterThan(0);
      expect([t, diff(t, `${t}_source`), diff(`${t}_source`, t)]).toEqual([t, 0, 0]);
    }
  });

  it("give the same answer when counted on the worker thread (warm-up, background recount)", async () => {
    const job = recount(db.$client.name, [{ sql: "SELECT count(*) AS n FROM search_attrs WHERE province_code = ?", params: ["86"] }]);
    expect(job).not.toBeNull();
    expect(await job).toEqual([[{ n: db.$client.prepare("SELECT count(*) FROM search_attrs WHERE province_code = '86'").pluck().get() }]]);
    await warmSearchCache();
    const all = catalogue();
    for (const f of [{ certification: "vietgap" }, { minStars: 3 }, { verifiedOnly: true }] as F[]) {
      expect({ f, ...ourFacets(f, today) }).toEqual({ f, ...referenceFacets(all, f, today) });
    }
  });

  it("drop a certificate on the day after its expiry, with nothing run in between", () => {
    const p = addProduct({ nameVi: "Bưởi Hạnthử", originProvinceCode: "86", categoryCode: "I.1.a" });
    const cert = addCertificate(p.id, { type: "vietgap", expiryDate: addDays(today, 3) });
    check(today);
    check(addDays(today, 3));
    const before = ourFacets({ certification: "vietgap" }, addDays(today, 3)).total!;
    const after = ourFacets({ certification: "vietgap" }, addDays(today, 4)).total!;
    expect(before - after).toBeGreaterThanOrEqual(1);
    check(addDays(today, 4));
    check(addDays(today, 1000));
    db.delete(schema.certificates).where(eq(schema.certificates.id, cert.id)).run();
    check(today);
  });

  it("stay exact after product, stock, cooperative and certificate writes", () => {
    const p = addProduct({ nameVi: "Khoai lang Viếtthử", originProvinceCode: "86", categoryCode: "I.1.a", harvestMonths: 0b101 });
    check(today);
    db.update(schema.products).set({ stock: 0 }).where(eq(schema.products.id, p.id)).run();
    check(today);
    db.update(schema.products).set({ categoryCode: someCategory(), originProvinceCode: someProvince() }).where(eq(schema.products.id, p.id)).run();
    check(today);
    const cert = addCertificate(p.id, { type: "ocop", ocopStars: 5, expiryDate: addDays(today, 30) });
    check(today);
    db.update(schema.certificates).set({ status: "revoked" }).where(eq(schema.certificates.id, cert.id)).run();
    check(today);
    const coop = demoCoop();
    db.update(schema.organisations).set({ verifiedAt: null }).where(eq(schema.organisations.id, coop.id)).run();
    check(today);
    db.update(schema.organisations).set({ verifiedAt: new Date().toISOString() }).where(eq(schema.organisations.id, coop.id)).run();
    db.update(schema.products).set({ status: "draft" }).where(eq(schema.products.id, p.id)).run();
    check(today);
    db.delete(schema.products).where(eq(schema.products.id, p.id)).run();
    check(today);
  });
});
