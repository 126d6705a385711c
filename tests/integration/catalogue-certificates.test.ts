import { and, count, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { addDaysToDate } from "~/lib/dates";
import { todayInVietnam } from "~/lib/certificates";
import { activeBadgesForProducts } from "~/models/badges.server";
import { sendExpiryWarnings } from "~/services/certificate-warnings.server";
import { action as editAction, loader as editLoader } from "~/routes/dashboard.certificates.$certificateId";
import { action as listAction } from "~/routes/dashboard.certificates._index";
import { action as newAction } from "~/routes/dashboard.certificates.new";
import { args, call, cookieFor, demoCooperative, get, otherCooperative, pdfBlob, pngBlob, postForm, postMultipart } from "./catalogue-helpers";

const certCount = () => db.select({ n: count() }).from(schema.certificates).get()!.n;
const htx = () => cookieFor("htx@demo.chohtx.vn");
const demoProduct = () => db.select().from(schema.products).where(eq(schema.products.cooperativeId, demoCooperative().id)).get()!;

const vietgap = () => ({
  type: "vietgap",
  number: `VietGAP-TT-13-09-86-${Math.floor(Math.random() * 9000 + 1000)}`,
  issuer: "VIETCERT",
  issueDate: "2026-01-15",
  expiryDate: "2028-01-14",
  productIds: String(demoProduct().id),
});

function create(fields: Record<string, string | string[] | Blob>, names: Record<string, string> = { evidence: "scan.pdf" }) {
  return call(() => newAction(args(postMultipart("/dashboard/certificates/new", fields, htx(), names))));
}

const errors = (data: unknown) => ((data as { error?: Record<string, string[]> }).error ?? {}) as Record<string, string[]>;

describe("certificate registry", () => {
  it("records a claim with its evidence as pending, covering the chosen products", async () => {
    const fields = vietgap();
    const r = await create({ ...fields, evidence: pdfBlob() });
    expect(r.status).toBe(302);
    const cert = db.select().from(schema.certificates).where(eq(schema.certificates.number, fields.number)).get()!;
    expect(cert).toMatchObject({ status: "pending", evidenceMime: "application/pdf", cooperativeId: demoCooperative().id, expiryDate: "2028-01-14" });
    expect(cert.evidencePath).toMatch(/^evidence\/.+\.pdf$/);
    expect(db.select().from(schema.certificateProducts).where(eq(schema.certificateProducts.certificateId, cert.id)).all()).toEqual([
      { certificateId: cert.id, productId: demoProduct().id },
    ]);
  });

  it("defaults an OCOP expiry to 36 months after the decision", async () => {
    const r = await create({ type: "ocop", ocopStars: "4", number: "991/QĐ-UBND", issuer: "UBND tỉnh Vĩnh Long", issueDate: "2026-03-31", evidence: await pngBlob() }, { evidence: "qd.png" });
    expect(r.status).toBe(302);
    expect(db.select().from(schema.certificates).where(eq(schema.certificates.number, "991/QĐ-UBND")).get()).toMatchObject({ expiryDate: "2029-03-31", ocopStars: 4, evidenceMime: "image/png" });
  });

  it("rejects an expiry before the issue date with 400 and writes nothing", async () => {
    const before = certCount();
    const r = await create({ ...vietgap(), expiryDate: "2025-01-01", evidence: pdfBlob() });
    expect(r.status).toBe(400);
    expect(errors(r.data).expiryDate).toEqual(["catalogue.errors.expiryBeforeIssue"]);
    expect(certCount()).toBe(before);
  });

  it("requires the evidence file", async () => {
    const before = certCount();
    const r = await create(vietgap());
    expect(r.status).toBe(400);
    expect(errors(r.data).evidence).toEqual(["catalogue.errors.evidenceRequired"]);
    expect(certCount()).toBe(before);
  });

  it("refuses evidence that is neither PDF nor image (by content) with 415", async () => {
    const before = certCount();
    const r = await create({ ...vietgap(), evidence: new Blob(["<html>not a pdf</html>"], { type: "application/pdf" }) });
    expect(r.status).toBe(415);
    expect(errors(r.data).evidence).toEqual(["errors.uploadType"]);
    expect(certCount()).toBe(before);
  });

  it("refuses oversized evidence with 413", async () => {
    const before = certCount();
    const big = new Blob(["%PDF-1.4\n", new Uint8Array(11 * 1024 * 1024)], { type: "application/pdf" });
    const r = await create({ ...vietgap(), evidence: big });
    expect(r.status).toBe(413);
    expect(certCount()).toBe(before);
  });

  it("refuses to cover another cooperative's product", async () => {
    const before = certCount();
    const theirs = db.select().from(schema.products).where(eq(schema.products.cooperativeId, otherCooperative().coop.id)).get()!;
    const r = await create({ ...vietgap(), productIds: String(theirs.id), evidence: pdfBlob() });
    expect(r.status).toBe(400);
    expect(errors(r.data).productIds).toEqual(["catalogue.errors.scopeProduct"]);
    expect(certCount()).toBe(before);
  });

  it("does not let a cooperative see, edit or delete another cooperative's certificate", async () => {
    const theirs = db.select().from(schema.certificates).where(eq(schema.certificates.cooperativeId, otherCooperative().coop.id)).get()!;
    const id = String(theirs.id);
    expect((await call(() => editLoader(args(get(`/dashboard/certificates/${id}`, htx()), { certificateId: id })))).status).toBe(404);
    const edit = await call(() => editAction(args(postMultipart(`/dashboard/certificates/${id}`, { ...vietgap(), productIds: [] }, htx()), { certificateId: id })));
    expect(edit.status).toBe(404);
    const del = await call(() => listAction(args(postForm("/dashboard/certificates", { intent: "delete", certificateId: id }, htx()))));
    expect(del.status).toBe(404);
    expect(db.select().from(schema.certificates).where(eq(schema.certificates.id, theirs.id)).get()).toEqual(theirs);
  });

  it("sends a verified certificate that its holder edits back to pending, hiding its badge", async () => {
    const demo = demoCooperative();
    const cert = db.select().from(schema.certificates).where(and(eq(schema.certificates.cooperativeId, demo.id), eq(schema.certificates.type, "vietgap"), eq(schema.certificates.status, "verified"))).get()!;
    const scope = db.select().from(schema.certificateProducts).where(eq(schema.certificateProducts.certificateId, cert.id)).all();
    const productId = scope[0]!.productId;
    expect(activeBadgesForProducts({ productIds: [productId] }).get(productId)?.some((b) => b.type === "vietgap")).toBe(true);
    const id = String(cert.id);
    const r = await call(() =>
      editAction(
        args(
          postMultipart(`/dashboard/certificates/${id}`, { type: "vietgap", number: cert.number, issuer: cert.issuer, issueDate: cert.issueDate, expiryDate: addDaysToDate(todayInVietnam(), 700), productIds: scope.map((s) => String(s.productId)) }, htx()),
          { certificateId: id },
        ),
      ),
    );
    expect(r.status).toBe(302);
    expect(db.select().from(schema.certificates).where(eq(schema.certificates.id, cert.id)).get()).toMatchObject({ status: "pending", decidedBy: null });
    expect(activeBadgesForProducts({ productIds: [productId] }).get(productId)?.some((b) => b.type === "vietgap") ?? false).toBe(false);
  });
});

describe("expiry warnings", () => {
  it("emails each certificate expiring within 90 days once, however often it runs", async () => {
    const today = todayInVietnam();
    const due = db
      .select()
      .from(schema.certificates)
      .where(and(eq(schema.certificates.status, "verified"), isNull(schema.certificates.expiryWarnedAt)))
      .all()
      .filter((c) => c.expiryDate && c.expiryDate >= today && c.expiryDate <= addDaysToDate(today, 90));
    expect(due.length).toBeGreaterThan(0);
    const outbox = () => db.select({ n: count() }).from(schema.outbox).get()!.n;
    const before = outbox();
    const first = await sendExpiryWarnings();
    expect(first.certificates).toBe(due.length);
    expect(first.sent).toBeGreaterThan(0);
    expect(outbox()).toBe(before + first.sent);
    const mail = db.select().from(schema.outbox).all().at(-1)!;
    expect(mail.subject).toMatch(/chứng nhận sắp hết hạn/);
    expect(mail.text).toMatch(/\/dashboard\/certificates/);
    const second = await sendExpiryWarnings();
    expect(second).toEqual({ sent: 0, failed: 0, certificates: 0 });
    expect(outbox()).toBe(before + first.sent);
    // Already past: no warning, and the badge is gone without any job.
    const expired = db.select().from(schema.certificates).where(eq(schema.certificates.status, "verified")).all().find((c) => c.expiryDate && c.expiryDate < today)!;
    expect(expired.expiryWarnedAt).toBeNull();
  });
});
