import { describe, expect, it } from "vitest";
import { fold, normaliseVietnamese, provinceShortName, slugify } from "./text";

describe("fold", () => {
  it("removes diacritics and folds đ", () => {
    expect(fold("Cà phê Đắk Lắk")).toBe("ca phe dak lak");
    expect(fold("Đồng Tháp")).toBe("dong thap");
  });
  it("folds decomposed input the same as composed", () => {
    expect(fold("cà phê".normalize("NFD"))).toBe(fold("cà phê"));
  });
  it("makes dừa, dứa and dưa collide, as users expect of a folded search", () => {
    expect(new Set([fold("dừa"), fold("dứa"), fold("dưa")]).size).toBe(1);
  });
});

describe("normaliseVietnamese", () => {
  it("treats old and new tone placement as one", () => {
    expect(normaliseVietnamese("hoà")).toBe(normaliseVietnamese("hòa"));
    expect(normaliseVietnamese("thuỷ")).toBe(normaliseVietnamese("thủy"));
  });
  it("leaves qu- and non-final clusters alone", () => {
    expect(normaliseVietnamese("quý")).toBe("quý");
    expect(normaliseVietnamese("thuyền")).toBe("thuyền");
  });
  it("keeps diacritics", () => {
    expect(normaliseVietnamese("hoà")).toBe("hòa");
  });
});

describe("slugify", () => {
  it("makes ASCII slugs", () => {
    expect(slugify("HTX Nông nghiệp Phú Ngãi")).toBe("htx-nong-nghiep-phu-ngai");
  });
  it("strips province prefixes", () => {
    expect(provinceShortName("Thành phố Hồ Chí Minh")).toBe("Hồ Chí Minh");
    expect(provinceShortName("Tỉnh Vĩnh Long")).toBe("Vĩnh Long");
  });
});
