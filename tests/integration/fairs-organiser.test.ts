import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { fairOutcome } from "~/models/fair-lead.server";
import { loader as listLoader } from "~/routes/alliance.fairs._index";
import { action as newAction, loader as newLoader } from "~/routes/alliance.fairs.new";
import { action as editAction, loader as editLoader } from "~/routes/alliance.fairs.$fairId.edit";
import { action as fairAction, loader as fairLoader } from "~/routes/alliance.fairs.$fairId._index";
import { loader as exportLoader } from "~/routes/alliance.fairs.$fairId.export[.]xlsx";
import { loader as posterLoader } from "~/routes/alliance.fairs.$fairId.booths.$boothId.poster[.]pdf";
import { cookieFor, demo, get, orgOf, post, run } from "./helpers/orders";
import { fairCounts, inDays, lienminh, makeBooth, makeFair, otherAllianceEmail } from "./fairs-helpers";

const valid = () => ({
  name: "Hội chợ Trái cây Vĩnh Long",
  startDate: inDays(30),
  endDate: inDays(32),
  registrationDeadline: inDays(20),
  venue: "Quảng trường Phường 1",
  description: "Trái cây miền Tây",
  state: "published",
});

const pastFair = () => db.select().from(schema.fairs).where(eq(schema.fairs.name, "Hội chợ Nông sản – OCOP Vĩnh Long 2026")).get()!;

describe("fair organiser pages", () => {
  it("the Vĩnh Long alliance creates a fair in its own province, organised by its alliance", async () => {
    const r = await run(newAction, post("/alliance/fairs/new", valid(), cookieFor(lienminh)));
    expect(r.status).toBe(302);
    const id = Number(r.location!.match(/fairs\/(\d+)/)![1]);
    const fair = db.select().from(schema.fairs).where(eq(schema.fairs.id, id)).get()!;
    expect(fair).toMatchObject({ name: "Hội chợ Trái cây Vĩnh Long", organiserId: orgOf(lienminh).id, provinceCode: "86", state: "published" });
  });

  it("a platform admin picks the province, whose alliance organises; no province is a 400", async () => {
    const admin = cookieFor("admin@demo.chohtx.vn");
    const before = fairCounts();
    const none = await run(newAction, post("/alliance/fairs/new", valid(), admin));
    expect(none.status).toBe(400);
    expect((none.data as { error: Record<string, string[]> }).error.provinceCode).toEqual(["errors.province"]);
    const unknown = await run(newAction, post("/alliance/fairs/new", { ...valid(), provinceCode: "99" }, admin));
    expect(unknown.status).toBe(400);
    expect(fairCounts()).toEqual(before);
    const r = await run(newAction, post("/alliance/fairs/new", { ...valid(), provinceCode: "79" }, admin));
    expect(r.status).toBe(302);
    const fair = db.select().from(schema.fairs).where(eq(schema.fairs.id, Number(r.location!.match(/fairs\/(\d+)/)![1]))).get()!;
    const organiser = db.select().from(schema.organisations).where(eq(schema.organisations.id, fair.organiserId)).get()!;
    expect(organiser).toMatchObject({ kind: "alliance", provinceCode: "79" });
    // An alliance admin's province field is ignored: its fairs stay in its province.
    const own = await run(newAction, post("/alliance/fairs/new", { ...valid(), provinceCode: "79" }, cookieFor(lienminh)));
    const ownFair = db.select().from(schema.fairs).where(eq(schema.fairs.id, Number(own.location!.match(/fairs\/(\d+)/)![1]))).get()!;
    expect(ownFair.provinceCode).toBe("86");
  });

  it("answers reversed dates and a deadline after the start with 400, the typed values kept and nothing written", async () => {
    const before = fairCounts();
    const reversed = await run(newAction, post("/alliance/fairs/new", { ...valid(), startDate: inDays(32), endDate: inDays(30) }, cookieFor(lienminh)));
    expect(reversed.status).toBe(400);
    const data = reversed.data as { error: Record<string, string[]>; initialValue: Record<string, string> };
    expect(data.error.endDate).toEqual(["fairs.errors.datesReversed"]);
    expect(data.initialValue.name).toBe("Hội chợ Trái cây Vĩnh Long");
    const late = await run(newAction, post("/alliance/fairs/new", { ...valid(), registrationDeadline: inDays(31) }, cookieFor(lienminh)));
    expect(late.status).toBe(400);
    expect((late.data as { error: Record<string, string[]> }).error.registrationDeadline).toEqual(["fairs.errors.deadlineAfterStart"]);
    const missing = await run(newAction, post("/alliance/fairs/new", { ...valid(), name: "", startDate: "31/12/2026" }, cookieFor(lienminh)));
    expect(missing.status).toBe(400);
    // Editing is held to the same rules.
    const fair = makeFair();
    const edit = await run(editAction, post(`/alliance/fairs/${fair.id}/edit`, { ...valid(), startDate: inDays(40), endDate: inDays(39) }, cookieFor(lienminh)), { fairId: String(fair.id) });
    expect(edit.status).toBe(400);
    expect(db.select().from(schema.fairs).where(eq(schema.fairs.id, fair.id)).get()!.name).toBe(fair.name);
    expect(fairCounts().fairs).toBe(before.fairs + 1);
  });

  it("refuses cooperatives and buyers on every organiser page with 403, writing nothing", async () => {
    const fair = pastFair();
    const booth = db.select().from(schema.fairBooths).where(eq(schema.fairBooths.fairId, fair.id)).get()!;
    const before = fairCounts();
    for (const email of [demo.cooperative, demo.buyer]) {
      const cookie = cookieFor(email);
      const p = { fairId: String(fair.id) };
      expect((await run(listLoader, get("/alliance/fairs", cookie))).status).toBe(403);
      expect((await run(newLoader, get("/alliance/fairs/new", cookie))).status).toBe(403);
      expect((await run(newAction, post("/alliance/fairs/new", valid(), cookie))).status).toBe(403);
      expect((await run(fairLoader, get(`/alliance/fairs/${fair.id}`, cookie), p)).status).toBe(403);
      expect((await run(fairAction, post(`/alliance/fairs/${fair.id}`, { intent: "invite", cooperativeId: orgOf(demo.cooperative).id }, cookie), p)).status).toBe(403);
      expect((await run(editAction, post(`/alliance/fairs/${fair.id}/edit`, valid(), cookie), p)).status).toBe(403);
      expect((await run(exportLoader, get(`/alliance/fairs/${fair.id}/export.xlsx`, cookie), p)).status).toBe(403);
      expect((await run(posterLoader, get(`/alliance/fairs/${fair.id}/booths/${booth.id}/poster.pdf`, cookie), { ...p, boothId: String(booth.id) })).status).toBe(403);
    }
    // Not signed in: to the login page.
    const anonymous = await run(newLoader, get("/alliance/fairs/new"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    expect(fairCounts()).toEqual(before);
  });

  it("refuses another province's alliance admin with 403 on the fair, its edit, invitations and export", async () => {
    const fair = pastFair();
    const cookie = cookieFor(otherAllianceEmail());
    const p = { fairId: String(fair.id) };
    const before = fairCounts();
    expect((await run(fairLoader, get(`/alliance/fairs/${fair.id}`, cookie), p)).status).toBe(403);
    expect((await run(editLoader, get(`/alliance/fairs/${fair.id}/edit`, cookie), p)).status).toBe(403);
    expect((await run(editAction, post(`/alliance/fairs/${fair.id}/edit`, { ...valid(), name: "Chiếm quyền" }, cookie), p)).status).toBe(403);
    expect((await run(fairAction, post(`/alliance/fairs/${fair.id}`, { intent: "invite", cooperativeId: orgOf(demo.cooperative).id }, cookie), p)).status).toBe(403);
    expect((await run(exportLoader, get(`/alliance/fairs/${fair.id}/export.xlsx`, cookie), p)).status).toBe(403);
    expect(db.select().from(schema.fairs).where(eq(schema.fairs.id, fair.id)).get()!.name).toBe(fair.name);
    expect(fairCounts()).toEqual(before);
    // Its own list does not show Vĩnh Long's fairs.
    const list = await run(listLoader, get("/alliance/fairs", cookie));
    expect((list.data as { fairs: { id: number }[] }).fairs.some((f) => f.id === fair.id)).toBe(false);
  });

  it("answers an unknown or malformed fair and booth with 404", async () => {
    const cookie = cookieFor(lienminh);
    for (const fairId of ["999999", "abc", "0", "-1"]) {
      expect((await run(fairLoader, get(`/alliance/fairs/${fairId}`, cookie), { fairId })).status).toBe(404);
      expect((await run(editAction, post(`/alliance/fairs/${fairId}/edit`, valid(), cookie), { fairId })).status).toBe(404);
    }
    const fair = pastFair();
    expect((await run(posterLoader, get(`/alliance/fairs/${fair.id}/booths/999999/poster.pdf`, cookie), { fairId: String(fair.id), boothId: "999999" })).status).toBe(404);
    // A booth of another fair is not this fair's.
    const { booth } = makeBooth(orgOf(demo.cooperative).id);
    expect((await run(posterLoader, get(`/alliance/fairs/${fair.id}/booths/${booth.id}/poster.pdf`, cookie), { fairId: String(fair.id), boothId: String(booth.id) })).status).toBe(404);
  });

  it("edits a fair; province and organiser stay", async () => {
    const fair = makeFair();
    const r = await run(editAction, post(`/alliance/fairs/${fair.id}/edit`, { ...valid(), name: "Tên mới", state: "cancelled" }, cookieFor(lienminh)), { fairId: String(fair.id) });
    expect(r.status).toBe(302);
    const after = db.select().from(schema.fairs).where(eq(schema.fairs.id, fair.id)).get()!;
    expect(after).toMatchObject({ name: "Tên mới", state: "cancelled", provinceCode: fair.provinceCode, organiserId: fair.organiserId });
  });

  it("invites a cooperative once, gives booth numbers, refuses a taken number with 409 and a malformed one with 400", async () => {
    const coop = orgOf(demo.cooperative).id;
    const fair = makeFair();
    const cookie = cookieFor(lienminh);
    const p = { fairId: String(fair.id) };
    const search = await run(fairLoader, get(`/alliance/fairs/${fair.id}?q=phu ngai`, cookie), p);
    expect((search.data as { candidates: { id: number; name: string }[] }).candidates.map((c) => c.name)).toContain("HTX Nông nghiệp Phú Ngãi");
    const mails = () => db.select().from(schema.outbox).all().filter((m) => m.subject.includes(fair.name)).length;
    expect((await run(fairAction, post(`/alliance/fairs/${fair.id}`, { intent: "invite", cooperativeId: coop }, cookie), p)).status).toBe(200);
    const invitedMails = mails();
    expect(invitedMails).toBeGreaterThan(0);
    expect((await run(fairAction, post(`/alliance/fairs/${fair.id}`, { intent: "invite", cooperativeId: coop }, cookie), p)).status).toBe(200);
    expect(db.select().from(schema.fairInvitations).where(eq(schema.fairInvitations.fairId, fair.id)).all()).toHaveLength(1);
    // Inviting again mails no one again.
    expect(mails()).toBe(invitedMails);
    const unknown = await run(fairAction, post(`/alliance/fairs/${fair.id}`, { intent: "invite", cooperativeId: orgOf(demo.buyer).id }, cookie), p);
    expect(unknown.status).toBe(404);

    const { booth: a } = makeBooth(coop, fair.id);
    const other = db.select().from(schema.organisations).where(eq(schema.organisations.slug, "htx-keo-dua-mo-cay")).get() ?? db.select().from(schema.organisations).where(eq(schema.organisations.kind, "cooperative")).all().find((o) => o.id !== coop)!;
    const { booth: b } = makeBooth(other.id, fair.id);
    expect((await run(fairAction, post(`/alliance/fairs/${fair.id}`, { intent: "booth-number", boothId: a.id, boothNumber: "c07" }, cookie), p)).status).toBe(200);
    expect(db.select().from(schema.fairBooths).where(eq(schema.fairBooths.id, a.id)).get()!.boothNumber).toBe("C07");
    const taken = await run(fairAction, post(`/alliance/fairs/${fair.id}`, { intent: "booth-number", boothId: b.id, boothNumber: "C07" }, cookie), p);
    expect(taken.status).toBe(409);
    expect(taken.data).toMatchObject({ ok: false, value: "C07", error: "Số gian hàng này đã được gán cho hợp tác xã khác." });
    const bad = await run(fairAction, post(`/alliance/fairs/${fair.id}`, { intent: "booth-number", boothId: b.id, boothNumber: "A 1; drop" }, cookie), p);
    expect(bad.status).toBe(400);
    expect(db.select().from(schema.fairBooths).where(eq(schema.fairBooths.id, b.id)).get()!.boothNumber).toBe(b.boothNumber);
  });

  it("exports the fair's results as XLSX whose figures equal the page's", async () => {
    const fair = pastFair();
    const r = await run(exportLoader, get(`/alliance/fairs/${fair.id}/export.xlsx`, cookieFor(lienminh)), { fairId: String(fair.id) });
    expect(r.status).toBe(200);
    expect(r.response!.headers.get("Content-Type")).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await r.response!.arrayBuffer()) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Gian hàng", "Khách để lại liên hệ", "Hỏi hàng", "Đơn hàng"]);
    const outcome = fairOutcome({ fairId: fair.id });
    expect(outcome.totals.leads).toBe(7);
    expect(outcome.totals.orders).toBe(2);
    const summary = book.getWorksheet("Tổng hợp")!;
    const figure = (label: string) => summary.getColumn(1).values.findIndex((v) => v === label);
    expect(summary.getRow(figure("Khách để lại liên hệ")).getCell(2).value).toBe(outcome.totals.leads);
    expect(summary.getRow(figure("Đơn hàng từ hội chợ")).getCell(2).value).toBe(outcome.totals.orders);
    expect(summary.getRow(figure("Giá trị đơn hàng")).getCell(2).value).toBe(outcome.totals.orderValue);
    const leads = book.getWorksheet("Khách để lại liên hệ")!;
    expect(leads.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(leads.getRow(2).getCell(1).value).toBe("Thời gian");
    expect(leads.rowCount).toBe(2 + outcome.totals.leads);
    expect(leads.getRow(3).getCell(1).value).toBeInstanceOf(Date);
    expect(leads.getRow(3).getCell(1).numFmt).toBe("dd/mm/yyyy hh:mm");
    const orders = book.getWorksheet("Đơn hàng")!;
    expect(orders.getRow(3).getCell(6).numFmt).toContain("₫");
  });

  it("prints a booth poster as an A4 PDF", async () => {
    const fair = pastFair();
    const booth = db.select().from(schema.fairBooths).where(eq(schema.fairBooths.fairId, fair.id)).get()!;
    const r = await run(posterLoader, get(`/alliance/fairs/${fair.id}/booths/${booth.id}/poster.pdf`, cookieFor(lienminh)), { fairId: String(fair.id), boothId: String(booth.id) });
    expect(r.status).toBe(200);
    const pdf = Buffer.from(await r.response!.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
  });
});
