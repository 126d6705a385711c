import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as importAction } from "~/routes/dashboard.products.import";
import { loader as templateLoader } from "~/routes/dashboard.products.template[.csv]";
import { action as memberAction, loader as memberLoader } from "~/routes/dashboard.members.$memberId";
import { action as profileAction, loader as profileLoader } from "~/routes/dashboard.profile";
import { args, call, cookieFor, demoCooperative, get, otherCooperative, postForm, postMultipart } from "./catalogue-helpers";

const htx = () => cookieFor("htx@demo.chohtx.vn");
const productCount = () => db.select({ n: count() }).from(schema.products).get()!.n;
const header = "name_vi,category_code,unit,origin_province_code,price,min_order_qty,stock,gtin,tiers,status";
const csv = (...rows: string[]) => new Blob([[header, ...rows].join("\n")], { type: "text/csv" });

type Report = { stage: string; fileErrors: string[]; rows: { line: number; errors: { column: string; message: string }[] }[]; csv: string | null };

async function preview(file: Blob) {
  return call(() => importAction(args(postMultipart("/dashboard/products/import", { intent: "preview", file }, htx(), { file: "san-pham.csv" }))));
}

describe("CSV import", () => {
  it("serves a template whose example row would import", async () => {
    const res = (await templateLoader(args(get("/dashboard/products/template.csv", htx())))) as Response;
    expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A BOM, so spreadsheet programs read the diacritics as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("name_vi,")).toBe(true);
    const r = await preview(new Blob([text]));
    expect(r.status).toBe(200);
  });

  it("lists every invalid row with its reasons and imports nothing", async () => {
    const before = productCount();
    const r = await preview(
      csv(
        "Gạo ST25 túi 5 kg,I.2.a,tui,92,165000,10,500,,,published",
        "Gạo lỗi giá,I.2.a,kg,92,-5,10,500,,,draft",
        "Gạo lỗi GTIN,I.2.a,kg,92,30000,10,500,8934600000012,,draft",
        "Gạo lỗi bậc giá,I.2.a,kg,92,30000,10,500,,1000:29000;100:28000,draft",
        "Gạo lỗi MOQ,I.2.a,kg,92,30000,1000,500,,,draft",
        "Gạo lỗi nhóm,IX.9,kg,92,30000,10,500,,,draft",
      ),
    );
    expect(r.status).toBe(422);
    const report = r.data as Report;
    const invalid = report.rows.filter((row) => row.errors.length);
    expect(invalid.map((row) => row.line)).toEqual([3, 4, 5, 6, 7]);
    const reasons = invalid.map((row) => row.errors.map((e) => `${e.column}:${e.message}`).join("|"));
    expect(reasons[0]).toContain("price:catalogue.errors.negative");
    expect(reasons[1]).toContain("gtin:catalogue.errors.gtinCheck1");
    expect(reasons[2]).toContain("tiers:catalogue.errors.tierOrder");
    expect(reasons[3]).toContain("min_order_qty:catalogue.errors.moqAboveStock");
    expect(reasons[4]).toContain("category_code:catalogue.errors.category");
    expect(report.csv).toBeNull();
    expect(productCount()).toBe(before);
  });

  it("flags a GTIN repeated inside the file and one already taken", async () => {
    const taken = db.select({ gtin: schema.products.gtin }).from(schema.products).all().find((p) => p.gtin)!.gtin!.slice(1);
    const r = await preview(
      csv("A,I.2.a,kg,92,30000,10,500,8931234567897,,draft", "B,I.2.a,kg,92,30000,10,500,8931234567897,,draft", `C,I.2.a,kg,92,30000,10,500,${taken},,draft`),
    );
    expect(r.status).toBe(422);
    const rows = (r.data as Report).rows;
    expect(rows[1]!.errors).toEqual([{ column: "gtin", message: "catalogue.import.gtinRepeated:2" }]);
    expect(rows[2]!.errors).toEqual([{ column: "gtin", message: "catalogue.errors.gtinTaken" }]);
  });

  it("reads the semicolon-separated CSV that Excel writes in a Vietnamese locale", async () => {
    const r = await preview(new Blob([[header.replaceAll(",", ";"), "Chè Ô long;I.3.a;hop;68;250000;10;400;;;draft"].join("\r\n")]));
    expect(r.status).toBe(200);
    expect((r.data as Report).rows).toHaveLength(1);
  });

  it("refuses a file with the wrong header or binary content", async () => {
    expect((await preview(new Blob(["ten,gia\nA,1"]))).status).toBe(422);
    const binary = await preview(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])]));
    expect(binary.status).toBe(415);
  });

  it("imports a valid file only on confirmation, all rows at once", async () => {
    const before = productCount();
    const file = csv("Cà phê rang xay Ea Tu,I.3.b,tui,66,120000,10,800,8934600000028,50:110000;200:100000,published", "Cà phê nhân xanh,I.2.b,kg,66,95000,50,5000,,,draft");
    const r = await preview(file);
    expect(r.status).toBe(200);
    const report = r.data as Report;
    expect(report.stage).toBe("preview");
    expect(productCount()).toBe(before);
    const confirm = await call(() => importAction(args(postMultipart("/dashboard/products/import", { intent: "confirm", csv: report.csv! }, htx()))));
    expect(confirm.status).toBe(302);
    expect(confirm.response!.headers.get("Location")).toBe("/dashboard/products?imported=2");
    expect(productCount()).toBe(before + 2);
    const imported = db.select().from(schema.products).where(eq(schema.products.gtin, "08934600000028")).get()!;
    expect(imported).toMatchObject({ cooperativeId: demoCooperative().id, price: 120000, status: "published" });
    expect(db.select().from(schema.priceTiers).where(eq(schema.priceTiers.productId, imported.id)).all()).toHaveLength(2);
    // The same text again now collides with itself: nothing more is written.
    const again = await call(() => importAction(args(postMultipart("/dashboard/products/import", { intent: "confirm", csv: report.csv! }, htx()))));
    expect(again.status).toBe(422);
    expect(productCount()).toBe(before + 2);
  });
});

describe("profile", () => {
  const fields = {
    name: "HTX Nông nghiệp Phú Ngãi",
    cooperativeType: "htx",
    provinceCode: "86",
    phone: "0912 345 678",
    bankBin: "970436",
    bankAccount: "0071000123456",
    bankHolder: "Hợp tác xã Phú Ngãi",
  };

  it("saves the profile with a bank from the list and audits the bank change", async () => {
    const r = await call(() => profileAction(args(postMultipart("/dashboard/profile", fields, htx()))));
    expect(r.status).toBe(302);
    const coop = db.select().from(schema.organisations).where(eq(schema.organisations.id, demoCooperative().id)).get()!;
    expect(coop).toMatchObject({ bankBin: "970436", bankAccount: "0071000123456", bankHolder: "HOP TAC XA PHU NGAI", phone: "0912345678" });
    expect(db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "bank_account_changed")).get()).toBeTruthy();
  });

  it("refuses a bank that is not in the list and incomplete bank details", async () => {
    const before = db.select().from(schema.organisations).where(eq(schema.organisations.id, demoCooperative().id)).get();
    const r = await call(() => profileAction(args(postMultipart("/dashboard/profile", { ...fields, bankBin: "123456" }, htx()))));
    expect(r.status).toBe(400);
    const partial = await call(() => profileAction(args(postMultipart("/dashboard/profile", { ...fields, bankAccount: "" }, htx()))));
    expect(partial.status).toBe(400);
    expect(db.select().from(schema.organisations).where(eq(schema.organisations.id, demoCooperative().id)).get()).toEqual(before);
  });

  it("puts a rejected cooperative back in the queue when it corrects its profile", async () => {
    const id = demoCooperative().id;
    db.update(schema.organisations).set({ verifiedAt: null, rejectionReason: "Thiếu giấy đăng ký" }).where(eq(schema.organisations.id, id)).run();
    const r = await call(() => profileAction(args(postMultipart("/dashboard/profile", { ...fields, registrationNumber: "8607100000" }, htx()))));
    expect(r.status).toBe(302);
    expect(db.select().from(schema.organisations).where(eq(schema.organisations.id, id)).get()).toMatchObject({ rejectionReason: null, verifiedAt: null });
  });

  it("is for the owner only", async () => {
    expect((await call(() => profileLoader(args(get("/dashboard/profile", cookieFor("nhanvien@demo.chohtx.vn")))))).status).toBe(403);
  });
});

describe("member households", () => {
  it("does not let a cooperative read, edit or delete another cooperative's member", async () => {
    const theirs = db.select().from(schema.members).where(eq(schema.members.cooperativeId, otherCooperative().coop.id)).get()!;
    const id = String(theirs.id);
    expect((await call(() => memberLoader(args(get(`/dashboard/members/${id}`, htx()), { memberId: id })))).status).toBe(404);
    expect((await call(() => memberAction(args(postForm(`/dashboard/members/${id}`, { name: "Đổi tên" }, htx()), { memberId: id })))).status).toBe(404);
    expect((await call(() => memberAction(args(postForm(`/dashboard/members/${id}`, { intent: "delete" }, htx()), { memberId: id })))).status).toBe(404);
    expect(db.select().from(schema.members).where(eq(schema.members.id, theirs.id)).get()).toEqual(theirs);
  });

  it("validates the area", async () => {
    const mine = db.select().from(schema.members).where(eq(schema.members.cooperativeId, demoCooperative().id)).get()!;
    const id = String(mine.id);
    const r = await call(() => memberAction(args(postForm(`/dashboard/members/${id}`, { name: mine.name, areaHa: "-2" }, htx()), { memberId: id })));
    expect(r.status).toBe(400);
    const ok = await call(() => memberAction(args(postForm(`/dashboard/members/${id}`, { name: mine.name, areaHa: "1,5", publicConsent: "on" }, htx()), { memberId: id })));
    expect(ok.status).toBe(302);
    expect(db.select().from(schema.members).where(eq(schema.members.id, mine.id)).get()).toMatchObject({ areaHa: "1.5", publicConsent: true });
  });
});
