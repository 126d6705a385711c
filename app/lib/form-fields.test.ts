import { describe, expect, it } from "vitest";
import { singleFields } from "./form-fields";

function form(pairs: [string, string | Blob][]) {
  const f = new FormData();
  for (const [k, v] of pairs) f.append(k, v);
  return f;
}

describe("singleFields", () => {
  it("returns each field once", () => {
    expect(singleFields(form([["intent", "add"], ["quantity", "3"]]))).toEqual({ intent: "add", quantity: "3" });
  });
  it("refuses a repeated field", () => {
    expect(singleFields(form([["intent", "confirm"], ["intent", "cancel"]]))).toBeNull();
  });
  it("refuses a file where text is expected", () => {
    expect(singleFields(form([["intent", new Blob(["x"])]]))).toBeNull();
  });
  it("keeps __proto__ as a plain field", () => {
    const fields = singleFields(form([["__proto__", "x"]]))!;
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.hasOwn(fields, "__proto__")).toBe(true);
  });
  it("does not treat inherited names as repeats", () => {
    expect(singleFields(form([["constructor", "a"], ["toString", "b"]]))).toEqual({ constructor: "a", toString: "b" });
  });
});
