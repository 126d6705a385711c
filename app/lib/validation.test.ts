import { describe, expect, it } from "vitest";
import { emailSchema, passwordSchema, taxCodeSchema } from "./validation";

describe("taxCodeSchema", () => {
  it.each(["0312345678", "0312345678-001"])("accepts %s", (v) => {
    expect(taxCodeSchema.safeParse(v).success).toBe(true);
  });
  it.each(["031234567", "0312345678-01", "03123456789", "abc", "0312345678001"])("rejects %s", (v) => {
    expect(taxCodeSchema.safeParse(v).success).toBe(false);
  });
});

describe("passwordSchema", () => {
  it("accepts a long password with letters and digits", () => {
    expect(passwordSchema.safeParse("chohtx-demo-2026").success).toBe(true);
  });
  it.each([
    ["short1", "errors.passwordShort"],
    ["onlyletterslong", "errors.passwordWeak"],
    ["password123", "errors.passwordCommon"],
  ])("rejects %s with %s", (v, key) => {
    const r = passwordSchema.safeParse(v);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(key);
  });
});

describe("emailSchema", () => {
  it("lower-cases and trims", () => {
    expect(emailSchema.parse("  Le.Van@Example.VN ")).toBe("le.van@example.vn");
  });
  it("rejects junk", () => {
    expect(emailSchema.safeParse("not-an-email").success).toBe(false);
  });
});
