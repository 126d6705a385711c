import { describe, expect, it } from "vitest";
import { formatVietnamesePhone, normalisePhone, parseVietnamesePhone } from "./phone";

describe("Vietnamese phone numbers", () => {
  it.each([
    ["0912345678", "+84912345678"],
    ["0912 345 678", "+84912345678"],
    ["091.234.5678", "+84912345678"],
    ["091-234-5678", "+84912345678"],
    ["+84912345678", "+84912345678"],
    ["+84 912 345 678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["0356789012", "+84356789012"],
    ["0567890123", "+84567890123"],
    ["0789012345", "+84789012345"],
    ["0867890123", "+84867890123"],
  ])("accepts the mobile %s as %s", (input, e164) => {
    expect(parseVietnamesePhone(input)).toEqual({ e164, kind: "mobile" });
  });

  it.each([
    ["02838221111", "+842838221111"],
    ["(028) 3822 1111", "+842838221111"],
    ["0270 3822 111", "+842703822111"],
    ["+84 28 3822 1111", "+842838221111"],
    ["842838221111", "+842838221111"],
  ])("accepts the fixed line %s as %s", (input, e164) => {
    expect(parseVietnamesePhone(input)).toEqual({ e164, kind: "landline" });
  });

  it.each([
    ["", "empty"],
    ["091234567", "a mobile one digit short"],
    ["09123456789", "a mobile one digit long"],
    ["0112345678", "01x is no longer a prefix"],
    ["0412345678", "04x is not a mobile prefix"],
    ["0612345678", "06x is not a mobile prefix"],
    ["0283822111", "a fixed line one digit short"],
    ["912345678", "no trunk zero"],
    ["+14155550100", "another country"],
    ["+8409123456789", "+84 followed by a national 0 and too many digits"],
    ["0912abc678", "letters"],
    ["0912345678 ext 2", "an extension"],
  ])("refuses %s (%s)", (input) => {
    expect(parseVietnamesePhone(input)).toBeNull();
  });

  it("normalises both ways of writing the same number to one key", () => {
    expect(normalisePhone("+84 912 345 678")).toBe(normalisePhone("0912.345.678"));
  });

  it("formats for display", () => {
    expect(formatVietnamesePhone("+84912345678")).toBe("0912 345 678");
    expect(formatVietnamesePhone("+842838221111")).toBe("028 3822 1111");
  });
});
