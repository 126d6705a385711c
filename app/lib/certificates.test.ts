import { describe, expect, it } from "vitest";
import { daysUntil, isCertificateActive, ocopExpiry, ocopStarsFromScore, todayInVietnam } from "./certificates";

describe("certificate validity", () => {
  it("is active while verified and on or before the expiry date", () => {
    expect(isCertificateActive({ status: "verified", expiryDate: "2026-12-01" }, "2026-12-01")).toBe(true);
    expect(isCertificateActive({ status: "verified", expiryDate: "2026-11-30" }, "2026-12-01")).toBe(false);
    expect(isCertificateActive({ status: "pending", expiryDate: "2030-01-01" }, "2026-12-01")).toBe(false);
    expect(isCertificateActive({ status: "revoked", expiryDate: null }, "2026-12-01")).toBe(false);
  });
  it("uses Viet Nam's date", () => {
    expect(todayInVietnam(new Date("2026-11-30T18:00:00Z"))).toBe("2026-12-01");
  });
  it("maps OCOP scores to stars", () => {
    expect([49, 50, 69, 70, 89, 90, 100].map(ocopStarsFromScore)).toEqual([null, 3, 3, 4, 4, 5, 5]);
  });
  it("gives OCOP 36 months", () => {
    expect(ocopExpiry("2024-03-15")).toBe("2027-03-15");
    expect(ocopExpiry("2024-02-29")).toBe("2027-02-28");
  });
  it("counts days", () => {
    expect(daysUntil("2027-03-01", "2026-12-01")).toBe(90);
  });
});
