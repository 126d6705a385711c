import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parseQueryText } from "./search.server";

describe("parseQueryText", () => {
  it("builds an exact and a folded expression, the last word a prefix", () => {
    expect(parseQueryText("Cà phê")).toMatchObject({ exact: 'x : ("cà" AND "phê"*)', folded: 'f : ("ca" AND "phe"*)' });
  });
  it("folds đ by hand", () => {
    expect(parseQueryText("Đồng Tháp").folded).toBe('f : ("dong" AND "thap"*)');
  });
  it("accepts both tone placements in the exact expression", () => {
    expect(parseQueryText("hoà").exact).toBe('x : (("hòa"* OR "hoà"*))');
    expect(parseQueryText("thủy").exact).toBe('x : (("thủy"* OR "thuỷ"*))');
  });
  it("keeps FTS syntax out of the expression", () => {
    for (const q of ['"', "*", "(", ")", ":", "-", "^", "{}", '"gạo" NEAR/2 dừa', "col:gạo"]) {
      const { exact, folded } = parseQueryText(q);
      for (const expr of [exact, folded]) {
        if (!expr) continue;
        // Only quoted terms, AND/OR between them, one column filter and prefix stars.
        expect(expr.replace(/"[^"]*"\*?/g, "T")).toMatch(/^[xf] : \((\(?T( OR T)*\)?)( AND \(?T( OR T)*\)?)*\)$/);
      }
    }
    expect(parseQueryText("NEAR AND OR NOT").folded).toBe('f : ("near" AND "and" AND "or" AND "not"*)');
    expect(parseQueryText('" * ( ) -').exact).toBeNull();
  });
  it("does not make a one-letter prefix (it would match half the index)", () => {
    expect(parseQueryText("sầu r").folded).toBe('f : ("sau" AND "r")');
  });
  it("cuts long input and limits the number of terms", () => {
    const r = parseQueryText("gạo ".repeat(300));
    expect(r.truncated).toBe(true);
    expect(r.terms.length).toBe(10);
  });
});

describe("cursors", () => {
  it("round-trips and rejects garbage", () => {
    expect(decodeCursor(encodeCursor({ tier: 1, last: 42, value: 12000 }))).toEqual({ tier: 1, last: 42, value: 12000 });
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from('{"tier":"x"}').toString("base64url"))).toBeNull();
  });
});
