import { describe, expect, it } from "vitest";
import { asciiNote, buildVietQr, crc16, hasValidCrc, orderTransferNote } from "./vietqr";

const vector1 =
  "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203";
const vector2 =
  "00020101021238500010A0000007270120000697041601065454460208QRIBFTTA53037045405801005802VN62250821Thanh toan anyLEARN 86304FA27";

describe("crc16 (CCITT-FALSE)", () => {
  it("gives the standard check value for 123456789", () => {
    expect(crc16("123456789")).toBe("29B1");
  });
  it("matches both DOMAIN.md vectors", () => {
    expect(crc16(vector1.slice(0, -4))).toBe("A203");
    expect(crc16(vector2.slice(0, -4))).toBe("FA27");
    expect(hasValidCrc(vector1)).toBe(true);
    expect(hasValidCrc(vector1.replace("180000", "180001"))).toBe(false);
  });
});

describe("buildVietQr", () => {
  it("reproduces vector 1 (card service, bill number and note)", () => {
    expect(
      buildVietQr({
        bankBin: "970403",
        accountNumber: "9704031101234567",
        service: "QRIBFTTC",
        amount: 180000,
        billNumber: "NPS6869",
        note: "thanh toan don hang",
      }),
    ).toBe(vector1);
  });

  it("reproduces vector 2 (account service)", () => {
    expect(buildVietQr({ bankBin: "970416", accountNumber: "545446", amount: 80100, note: "Thanh toan anyLEARN 8" })).toBe(vector2);
  });

  it("makes a static code without amount (01 = 11, no 54)", () => {
    const payload = buildVietQr({ bankBin: "970436", accountNumber: "0011001234567" });
    expect(payload.startsWith("000201010211")).toBe(true);
    expect(payload).not.toMatch(/5802VN.*54/);
    expect(hasValidCrc(payload)).toBe(true);
  });

  it("puts the order number in an ASCII note without diacritics", () => {
    const payload = buildVietQr({ bankBin: "970405", accountNumber: "7300205123456", amount: 1_250_000, note: orderTransferNote("CHX-2026-000123") });
    expect(payload).toContain("5407125000058");
    expect(payload).toContain("CHX-2026-000123 thanh toan don hang");
    expect(/^[\x20-\x7e]+$/.test(payload)).toBe(true);
    expect(hasValidCrc(payload)).toBe(true);
  });

  it("rejects a malformed BIN or amount", () => {
    expect(() => buildVietQr({ bankBin: "97040", accountNumber: "1" })).toThrow();
    expect(() => buildVietQr({ bankBin: "970405", accountNumber: "1", amount: 12.5 })).toThrow();
  });
});

describe("asciiNote", () => {
  it("drops diacritics and folds đ", () => {
    expect(asciiNote("Thanh toán đơn hàng Đồng Tháp")).toBe("Thanh toan don hang Dong Thap");
    expect(asciiNote("Phú Ngãi; ✓ #1")).toBe("Phu Ngai 1");
  });
});
