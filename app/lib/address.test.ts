import { describe, expect, it } from "vitest";
import { joinAddress, localiseAddress } from "./address";

describe("addresses", () => {
  it("translates the former-province note in English and leaves Vietnamese alone", () => {
    expect(localiseAddress("Xã Phú Ngãi (trước đây tỉnh Bến Tre)", "en")).toBe("Xã Phú Ngãi (formerly Bến Tre province)");
    expect(localiseAddress("Phường 1 (trước đây thành phố Cần Thơ)", "en")).toBe("Phường 1 (formerly Cần Thơ city)");
    expect(localiseAddress("Xã Phú Ngãi (trước đây tỉnh Bến Tre)", "vi")).toBe("Xã Phú Ngãi (trước đây tỉnh Bến Tre)");
    expect(localiseAddress("Ấp 3, xã Tân Phú", "en")).toBe("Ấp 3, xã Tân Phú");
  });

  it("does not repeat a part an earlier one names", () => {
    expect(joinAddress(["Xã Phú Ngãi (trước đây tỉnh Bến Tre)", "Xã Phú Ngãi", "Vĩnh Long", null])).toBe("Xã Phú Ngãi (trước đây tỉnh Bến Tre), Vĩnh Long");
  });
});
