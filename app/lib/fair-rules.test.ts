import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import { fairSchema, leadSchema } from "./fair-forms";
import { fairPhase, leadDedupeKey, parseFairCookie, registrationOpen, withBooth } from "./fair-rules";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("fair rules", () => {
  const fair = { startDate: "2026-12-10", endDate: "2026-12-12", registrationDeadline: "2026-12-01", state: "published" };

  it("places a fair before, during (dates inclusive) and after", () => {
    expect(fairPhase(fair, "2026-12-09")).toBe("upcoming");
    expect(fairPhase(fair, "2026-12-10")).toBe("running");
    expect(fairPhase(fair, "2026-12-12")).toBe("running");
    expect(fairPhase(fair, "2026-12-13")).toBe("past");
  });

  it("keeps registration open through the deadline day, for published fairs only", () => {
    expect(registrationOpen(fair, "2026-12-01")).toBe(true);
    expect(registrationOpen(fair, "2026-12-02")).toBe(false);
    expect(registrationOpen({ ...fair, state: "cancelled" }, "2026-11-20")).toBe(false);
    expect(registrationOpen({ ...fair, state: "draft" }, "2026-11-20")).toBe(false);
  });

  it("reads the attribution cookie defensively and moves the latest booth first", () => {
    expect(parseFairCookie(null)).toEqual([]);
    expect(parseFairCookie("__session=abc; chohtx_fair=12.7.x.99999999999.3")).toEqual([12, 7, 3]);
    expect(withBooth([12, 7, 3], 7)).toBe("7.12.3");
    expect(withBooth(Array.from({ length: 12 }, (_, i) => i + 1), 99).split(".")).toHaveLength(12);
  });

  it("dedupes on booth, contact and day, the phone before the email", () => {
    const a = leadDedupeKey({ boothId: 4, phone: "+84912345678", email: "a@b.vn", day: "2026-12-10" });
    expect(a).toBe(leadDedupeKey({ boothId: 4, phone: "+84912345678", email: null, day: "2026-12-10" }));
    expect(a).not.toBe(leadDedupeKey({ boothId: 4, phone: "+84912345678", day: "2026-12-11" }));
    expect(leadDedupeKey({ boothId: 4, email: "A@B.vn", day: "2026-12-10" })).toBe(leadDedupeKey({ boothId: 4, email: "a@b.vn", day: "2026-12-10" }));
  });
});

describe("fair forms", () => {
  const valid = { name: "Hội chợ", startDate: "2026-12-10", endDate: "2026-12-12", registrationDeadline: "2026-12-10", venue: "Nhà văn hóa" };

  it("accepts a fair whose deadline is its first day and refuses reversed dates or a late deadline", () => {
    expect(parseWithZod(form(valid), { schema: fairSchema }).status).toBe("success");
    const reversed = parseWithZod(form({ ...valid, endDate: "2026-12-09" }), { schema: fairSchema }).reply();
    expect(reversed.error?.endDate).toEqual(["fairs.errors.datesReversed"]);
    const late = parseWithZod(form({ ...valid, registrationDeadline: "2026-12-11" }), { schema: fairSchema }).reply();
    expect(late.error?.registrationDeadline).toEqual(["fairs.errors.deadlineAfterStart"]);
  });

  it("needs a phone or an email, a Vietnamese phone, and consent; normalises the phone", () => {
    const base = { name: "Lan", interest: "Bưởi", consent: "on" };
    const ok = parseWithZod(form({ ...base, phone: "091 234 5678" }), { schema: leadSchema });
    expect(ok.status === "success" && ok.value.phone).toBe("+84912345678");
    expect(parseWithZod(form({ ...base, email: "lan@example.vn" }), { schema: leadSchema }).status).toBe("success");
    expect(parseWithZod(form(base), { schema: leadSchema }).reply().error?.phone).toEqual(["fairs.errors.contactRequired"]);
    expect(parseWithZod(form({ ...base, phone: "12345" }), { schema: leadSchema }).reply().error?.phone).toEqual(["fairs.errors.phone"]);
    expect(parseWithZod(form({ name: "Lan", interest: "Bưởi", phone: "0912345678" }), { schema: leadSchema }).reply().error?.consent).toEqual(["fairs.errors.consent"]);
  });
});
