import { and, count, eq, isNull, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { activeBadgesForProducts } from "~/models/badges.server";
import { loader as reviewLoader, action as certificateAction } from "~/routes/alliance.certificates.$certificateId";
import { action as cooperativeAction } from "~/routes/alliance.cooperatives.$cooperativeId";
import { loader as figuresLoader } from "~/routes/alliance.figures";
import { loader as queueLoader } from "~/routes/alliance._index";
import { args, call, cookieFor, get, postForm } from "./catalogue-helpers";

const lienminh = () => cookieFor("lienminh@demo.chohtx.vn");
const audits = () => db.select({ n: count() }).from(schema.auditLog).get()!.n;

function pendingCertificate({ inProvince }: { inProvince: boolean }) {
  return db
    .select({ certificate: schema.certificates, provinceCode: schema.organisations.provinceCode })
    .from(schema.certificates)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.certificates.cooperativeId))
    .where(and(eq(schema.certificates.status, "pending"), inProvince ? eq(schema.organisations.provinceCode, "86") : ne(schema.organisations.provinceCode, "86")))
    .get();
}

function newPendingCertificate(provinceCode: string) {
  const coop = db.select().from(schema.organisations).where(and(eq(schema.organisations.kind, "cooperative"), eq(schema.organisations.provinceCode, provinceCode))).get()!;
  const product = db.select().from(schema.products).where(and(eq(schema.products.cooperativeId, coop.id), eq(schema.products.status, "published"))).get()!;
  const cert = db
    .insert(schema.certificates)
    .values({ cooperativeId: coop.id, type: "organic", number: `HC-T-${provinceCode}-${Date.now()}`, issuer: "Control Union", issueDate: "2026-01-01", expiryDate: "2028-01-01", status: "pending", evidencePath: "evidence/x.pdf", evidenceMime: "application/pdf" })
    .returning()
    .get();
  db.insert(schema.certificateProducts).values({ certificateId: cert.id, productId: product.id }).run();
  return { cert, product };
}

describe("moderation queue", () => {
  it("lists only the alliance admin's own province", async () => {
    const r = await call(() => queueLoader(args(get("/alliance", lienminh()))));
    expect(r.status).toBe(200);
    const q = r.data as { cooperatives: { provinceCode: string }[]; certificates: { cooperative: { provinceCode: string } }[] };
    expect(q.certificates.length + q.cooperatives.length).toBeGreaterThan(0);
    expect(q.cooperatives.every((c) => c.provinceCode === "86")).toBe(true);
    expect(q.certificates.every((c) => c.cooperative.provinceCode === "86")).toBe(true);
  });

  it("is forbidden to cooperatives and buyers", async () => {
    expect((await call(() => queueLoader(args(get("/alliance", cookieFor("htx@demo.chohtx.vn")))))).status).toBe(403);
    expect((await call(() => queueLoader(args(get("/alliance", cookieFor("buyer@demo.chohtx.vn")))))).status).toBe(403);
  });

  it("gives the platform admin every province, or the one picked", async () => {
    const all = await call(() => queueLoader(args(get("/alliance", cookieFor("admin@demo.chohtx.vn")))));
    const some = await call(() => queueLoader(args(get("/alliance?province=86", cookieFor("admin@demo.chohtx.vn")))));
    const n = (d: unknown) => (d as { certificates: unknown[] }).certificates.length;
    expect(n(all.data)).toBeGreaterThanOrEqual(n(some.data));
  });
});

describe("certificate decisions", () => {
  it("verifies a certificate in the province, audits it, and the badge appears", async () => {
    const { cert, product } = newPendingCertificate("86");
    expect(activeBadgesForProducts({ productIds: [product.id] }).get(product.id)?.some((b) => b.type === "organic") ?? false).toBe(false);
    const before = audits();
    const r = await call(() => certificateAction(args(postForm(`/alliance/certificates/${cert.id}`, { decision: "verify" }, lienminh()), { certificateId: String(cert.id) })));
    expect(r.status).toBe(302);
    const after = db.select().from(schema.certificates).where(eq(schema.certificates.id, cert.id)).get()!;
    expect(after.status).toBe("verified");
    expect(after.decidedAt).toBeTruthy();
    expect(audits()).toBe(before + 1);
    const entry = db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entity, "certificate"), eq(schema.auditLog.entityId, cert.id))).get()!;
    expect(entry.action).toBe("certificate_verified");
    expect(activeBadgesForProducts({ productIds: [product.id] }).get(product.id)?.some((b) => b.type === "organic")).toBe(true);
  });

  it("rejects with a reason, and refuses a rejection without one", async () => {
    const { cert } = newPendingCertificate("86");
    const id = String(cert.id);
    const bare = await call(() => certificateAction(args(postForm(`/alliance/certificates/${id}`, { decision: "reject", reason: " " }, lienminh()), { certificateId: id })));
    expect(bare.status).toBe(400);
    expect(db.select().from(schema.certificates).where(eq(schema.certificates.id, cert.id)).get()!.status).toBe("pending");
    const r = await call(() => certificateAction(args(postForm(`/alliance/certificates/${id}`, { decision: "reject", reason: "Bản scan mờ" }, lienminh()), { certificateId: id })));
    expect(r.status).toBe(302);
    expect(db.select().from(schema.certificates).where(eq(schema.certificates.id, cert.id)).get()).toMatchObject({ status: "rejected", decisionReason: "Bản scan mờ" });
  });

  it("answers 403 outside the admin's province and changes nothing", async () => {
    const { cert } = newPendingCertificate("79");
    const id = String(cert.id);
    const before = audits();
    const r = await call(() => certificateAction(args(postForm(`/alliance/certificates/${id}`, { decision: "verify" }, lienminh()), { certificateId: id })));
    expect(r.status).toBe(403);
    expect(db.select().from(schema.certificates).where(eq(schema.certificates.id, cert.id)).get()).toEqual(cert);
    expect(audits()).toBe(before);
    expect((await call(() => reviewLoader(args(get(`/alliance/certificates/${id}`, lienminh()), { certificateId: id })))).status).toBe(403);
  });

  it("lets the platform admin decide in any province", async () => {
    const { cert } = newPendingCertificate("79");
    const id = String(cert.id);
    const r = await call(() => certificateAction(args(postForm(`/alliance/certificates/${id}`, { decision: "verify" }, cookieFor("admin@demo.chohtx.vn")), { certificateId: id })));
    expect(r.status).toBe(302);
    expect(db.select().from(schema.certificates).where(eq(schema.certificates.id, cert.id)).get()!.status).toBe("verified");
  });

  it("forbids a cooperative from deciding on its own certificate", async () => {
    const pending = pendingCertificate({ inProvince: true }) ?? { certificate: newPendingCertificate("86").cert };
    const id = String(pending.certificate.id);
    const r = await call(() => certificateAction(args(postForm(`/alliance/certificates/${id}`, { decision: "verify" }, cookieFor("htx@demo.chohtx.vn")), { certificateId: id })));
    expect(r.status).toBe(403);
    expect(db.select().from(schema.certificates).where(eq(schema.certificates.id, pending.certificate.id)).get()!.status).toBe(pending.certificate.status);
  });

  it("answers 404 for an unknown certificate", async () => {
    const r = await call(() => certificateAction(args(postForm("/alliance/certificates/99999999", { decision: "verify" }, lienminh()), { certificateId: "99999999" })));
    expect(r.status).toBe(404);
  });
});

describe("cooperative decisions", () => {
  const awaiting = (province: { is?: string; not?: string }) =>
    db
      .select()
      .from(schema.organisations)
      .where(
        and(
          eq(schema.organisations.kind, "cooperative"),
          province.is ? eq(schema.organisations.provinceCode, province.is) : ne(schema.organisations.provinceCode, province.not!),
        ),
      )
      .get()!;

  it("verifies a cooperative of the province and audits it", async () => {
    const coop = awaiting({ is: "86" });
    db.update(schema.organisations).set({ verifiedAt: null, verifiedBy: null }).where(eq(schema.organisations.id, coop.id)).run();
    const r = await call(() => cooperativeAction(args(postForm(`/alliance/cooperatives/${coop.id}`, { decision: "verify" }, lienminh()), { cooperativeId: String(coop.id) })));
    expect(r.status).toBe(302);
    expect(db.select().from(schema.organisations).where(eq(schema.organisations.id, coop.id)).get()!.verifiedAt).toBeTruthy();
    expect(db.select().from(schema.auditLog).where(and(eq(schema.auditLog.action, "cooperative_verified"), eq(schema.auditLog.entityId, coop.id))).get()).toBeTruthy();
  });

  it("answers 403 for a cooperative outside the province and changes nothing", async () => {
    const coop = awaiting({ not: "86" });
    db.update(schema.organisations).set({ verifiedAt: null }).where(eq(schema.organisations.id, coop.id)).run();
    const before = db.select().from(schema.organisations).where(eq(schema.organisations.id, coop.id)).get();
    const r = await call(() => cooperativeAction(args(postForm(`/alliance/cooperatives/${coop.id}`, { decision: "verify" }, lienminh()), { cooperativeId: String(coop.id) })));
    expect(r.status).toBe(403);
    expect(db.select().from(schema.organisations).where(eq(schema.organisations.id, coop.id)).get()).toEqual(before);
  });

  it("takes a rejected cooperative out of the queue with its reason", async () => {
    const coop = db.select().from(schema.organisations).where(and(eq(schema.organisations.kind, "cooperative"), eq(schema.organisations.provinceCode, "86"), isNull(schema.organisations.verifiedAt))).get() ?? awaiting({ is: "86" });
    db.update(schema.organisations).set({ verifiedAt: null, rejectionReason: null }).where(eq(schema.organisations.id, coop.id)).run();
    const r = await call(() => cooperativeAction(args(postForm(`/alliance/cooperatives/${coop.id}`, { decision: "reject", reason: "Chưa có giấy đăng ký HTX" }, lienminh()), { cooperativeId: String(coop.id) })));
    expect(r.status).toBe(302);
    const q = await call(() => queueLoader(args(get("/alliance", lienminh()))));
    expect((q.data as { cooperatives: { id: number }[] }).cooperatives.some((c) => c.id === coop.id)).toBe(false);
  });
});

describe("province figures", () => {
  it("the old figures page sends to the province dashboard, keeping the query", async () => {
    const r = await call(() => figuresLoader(args(get("/alliance/figures?province=86", lienminh()))));
    expect(r.status).toBe(301);
    expect(r.response?.headers.get("Location")).toBe("/alliance/dashboard?province=86");
  });
});
