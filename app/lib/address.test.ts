import { describe, expect, it } from "vitest";
import { addressLine, joinAddress, localiseAddress } from "./address";

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


describe("addressLine", () => {
  it("says a ward once when the street already ends with it", () => {
    expect(addressLine(["12 Nguyễn Huệ, Phường Sài Gòn", "Phường Sài Gòn", "Thành phố Hồ Chí Minh"])).toBe("12 Nguyễn Huệ, Phường Sài Gòn, Thành phố Hồ Chí Minh");
  });
  it("compares without case or extra spaces, and drops empty parts", () => {
    expect(addressLine(["Kho 3,  phường  thủ đức", "Phường Thủ Đức", null, ""])).toBe("Kho 3, phường  thủ đức");
  });
  it("keeps distinct parts in order", () => {
    expect(addressLine(["Kho số 3", "Phường Thủ Đức", "Thành phố Hồ Chí Minh"])).toBe("Kho số 3, Phường Thủ Đức, Thành phố Hồ Chí Minh");
  });
});
