import { describe, expect, it } from "vitest";
import { addressLine } from "./address";

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
