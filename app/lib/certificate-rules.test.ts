import { describe, expect, it } from "vitest";
import { certificateSchema, defaultExpiry } from "./certificate-rules";

const vietgap = { type: "vietgap", number: "VietGAP-TT-13-09-68-0096", issuer: "VIETCERT", issueDate: "2026-01-15", expiryDate: "2028-01-14" };

function errorsOf(input: Record<string, unknown>) {
  const r = certificateSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("certificate expiry defaults", () => {
  it("gives OCOP 36 months from the decision date", () => {
    expect(defaultExpiry("ocop", "2025-03-10")).toBe("2028-03-10");
    expect(defaultExpiry("ocop", "2024-02-29")).toBe("2027-02-28");
  });
  it("gives VietGAP and others no default: the printed expiry is required", () => {
    expect(defaultExpiry("vietgap", "2025-03-10")).toBeNull();
    expect(errorsOf({ ...vietgap, expiryDate: undefined })).toEqual([{ path: "expiryDate", message: "catalogue.errors.expiryRequired" }]);
  });
  it("fills the OCOP expiry when left empty and keeps one that was typed", () => {
    const r = certificateSchema.parse({ type: "ocop", ocopStars: "4", number: "1234/QĐ-UBND", issuer: "UBND tỉnh Vĩnh Long", issueDate: "2025-06-01" });
    expect(r).toMatchObject({ ocopStars: 4, expiryDate: "2028-06-01" });
    expect(certificateSchema.parse({ type: "ocop", ocopStars: "3", number: "1/QĐ-UBND", issuer: "UBND", issueDate: "2025-06-01", expiryDate: "2027-01-01" }).expiryDate).toBe("2027-01-01");
  });
  it("lets a geographical indication run without expiry", () => {
    expect(certificateSchema.parse({ type: "gi", number: "CDĐL-00012", issuer: "Cục Sở hữu trí tuệ", issueDate: "2019-05-10" }).expiryDate).toBeNull();
  });
});

describe("certificateSchema", () => {
  it("refuses an expiry on or before the issue date", () => {
    expect(errorsOf({ ...vietgap, expiryDate: "2025-12-31" })).toEqual([{ path: "expiryDate", message: "catalogue.errors.expiryBeforeIssue" }]);
    expect(errorsOf({ ...vietgap, expiryDate: vietgap.issueDate })).toEqual([{ path: "expiryDate", message: "catalogue.errors.expiryBeforeIssue" }]);
  });
  it("requires stars 3–5 for OCOP and drops stars from other types", () => {
    expect(errorsOf({ ...vietgap, type: "ocop" })).toContainEqual({ path: "ocopStars", message: "catalogue.errors.ocopStars" });
    expect(errorsOf({ ...vietgap, type: "ocop", ocopStars: "2" })).toContainEqual({ path: "ocopStars", message: "catalogue.errors.ocopStars" });
    expect(certificateSchema.parse({ ...vietgap, ocopStars: "5" }).ocopStars).toBeNull();
  });
  it("refuses impossible dates", () => {
    expect(errorsOf({ ...vietgap, issueDate: "2026-02-30" })).toEqual([{ path: "issueDate", message: "catalogue.errors.date" }]);
  });
  it("deduplicates the products in scope", () => {
    expect(certificateSchema.parse({ ...vietgap, productIds: ["3", "3", "5"] }).productIds).toEqual([3, 5]);
    expect(certificateSchema.parse({ ...vietgap, productIds: "7" }).productIds).toEqual([7]);
  });
});
