import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps local paths", () => {
    expect(safeRedirect("/dashboard?tab=1")).toBe("/dashboard?tab=1");
  });
  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, "/\nx"])(
    "refuses %s",
    (to) => {
      expect(safeRedirect(to as string, "/home")).toBe("/home");
    },
  );
});
