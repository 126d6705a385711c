import fs from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildLinkset, GS1_VOC, normaliseLinkType } from "./linkset";

const ajv = new Ajv({ strict: false });
addFormats(ajv);
const schema = JSON.parse(fs.readFileSync("tests/schemas/gs1-linkset-schema.json", "utf8"));

const link = (href: string) => ({ href, title: "Truy xuất", type: "text/html", hreflang: ["vi", "en"] });

describe("linkset shape", () => {
  it("puts every link under the anchor and validates against GS1's linkset schema", () => {
    const set = buildLinkset({
      anchor: "https://chohtx.vn/01/08931234567897/10/L1",
      itemDescription: "Bưởi da xanh, lô L1",
      links: { [`${GS1_VOC}defaultLink`]: [link("https://chohtx.vn/t/1")], [`${GS1_VOC}pip`]: [link("https://chohtx.vn/products/1")] },
    });
    expect(set.linkset).toHaveLength(1);
    expect(set.linkset[0].anchor).toBe("https://chohtx.vn/01/08931234567897/10/L1");
    expect(set.linkset[0].itemDescription).toBe("Bưởi da xanh, lô L1");
    expect(ajv.validate(schema, set)).toBe(true);
    expect(ajv.validate(schema, { links: [] })).toBe(false);
  });

  it("refuses a linkset without exactly one default link or with non-GS1 link types", () => {
    expect(() => buildLinkset({ anchor: "https://x.vn/01/1", itemDescription: "x", links: {} })).toThrow();
    expect(() => buildLinkset({ anchor: "https://x.vn/01/1", itemDescription: " ", links: { [`${GS1_VOC}defaultLink`]: [link("a")] } })).toThrow();
    expect(() => buildLinkset({ anchor: "https://x.vn/01/1", itemDescription: "x", links: { [`${GS1_VOC}defaultLink`]: [link("a"), link("b")] } })).toThrow();
    expect(() => buildLinkset({ anchor: "https://x.vn/01/1", itemDescription: "x", links: { [`${GS1_VOC}defaultLink`]: [link("a")], pip: [link("b")] } })).toThrow();
  });

  it("reads short and long link type names alike", () => {
    expect(normaliseLinkType("gs1:pip")).toBe("https://gs1.org/voc/pip");
    expect(normaliseLinkType("http://gs1.org/voc/pip")).toBe("https://gs1.org/voc/pip");
    expect(normaliseLinkType("https://gs1.org/voc/pip")).toBe("https://gs1.org/voc/pip");
  });
});
