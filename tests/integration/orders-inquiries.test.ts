import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { action as inquireAction, loader as inquireLoader } from "~/routes/products.$productId_.inquire";
import { action as contactAction, loader as contactLoader } from "~/routes/cooperatives.$slug_.contact";
import { action as threadAction, loader as threadLoader } from "~/routes/dashboard.inquiries.$threadId";
import { loader as threadsLoader } from "~/routes/dashboard.inquiries._index";
import { typicalResponseHours, unreadCount } from "~/models/thread.server";
import { cookieFor, demo, get, orgOf, otherBuyerEmail, otherCooperativeEmail, post, postMultipart, prepareProduct, run } from "./helpers/orders";

const messages = () => db.select({ n: count() }).from(schema.messages).get()!.n;
const outbox = () => db.select({ n: count() }).from(schema.outbox).get()!.n;
const pdfBytes = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("inquiries", () => {
  it("a buyer asks about a product with a PDF; the cooperative is mailed, sees it unread, answers; unread counts follow", async () => {
    const product = prepareProduct({ index: 4 });
    const coopId = orgOf(demo.cooperative).id;
    const buyerId = orgOf(demo.buyer).id;
    const coopUnread = unreadCount({ organisationId: coopId });
    const mails = outbox();
    const form = new FormData();
    form.set("subject", "Hỏi về bưởi da xanh loại 1");
    form.set("body", "HTX còn hàng loại 1 không ạ? Bên em cần 2 tấn.");
    form.set("attachment", new File([pdfBytes], "yeu-cau.pdf", { type: "application/pdf" }));
    const r = await run(inquireAction, postMultipart(`/products/${product.id}/inquire`, form, cookieFor(demo.buyer)), { productId: String(product.id) });
    expect(r.status).toBe(302);
    const threadId = Number(r.location!.match(/inquiries\/(\d+)/)![1]);
    expect(outbox()).toBeGreaterThan(mails);
    expect(unreadCount({ organisationId: coopId })).toBe(coopUnread + 1);

    const list = await run(threadsLoader, get("/dashboard/inquiries", cookieFor(demo.cooperative)));
    const row = (list.data as { threads: { id: number; unread: number }[] }).threads.find((t) => t.id === threadId)!;
    expect(row.unread).toBe(1);

    // Opening the thread reads it.
    const view = await run(threadLoader, get(`/dashboard/inquiries/${threadId}`, cookieFor(demo.cooperative)), { threadId: String(threadId) });
    const msgs = (view.data as { messages: { attachments: { mime: string; filename: string }[] }[] }).messages;
    expect(msgs[0]!.attachments[0]).toMatchObject({ mime: "application/pdf", filename: "yeu-cau.pdf" });
    expect(unreadCount({ organisationId: coopId })).toBe(coopUnread);

    const buyerUnread = unreadCount({ organisationId: buyerId });
    const reply = await run(threadAction, post(`/dashboard/inquiries/${threadId}`, { body: "Dạ còn ạ, HTX gửi báo giá ngay." }, cookieFor(demo.staff)), { threadId: String(threadId) });
    expect(reply.status).toBe(200);
    expect(unreadCount({ organisationId: buyerId })).toBe(buyerUnread + 1);
    expect(typicalResponseHours({ cooperativeId: coopId })).not.toBeNull();
  });

  it("answers 404 for another organisation's thread, for reading and for replying", async () => {
    const product = prepareProduct({ index: 4 });
    const r = await run(inquireAction, post(`/products/${product.id}/inquire`, { subject: "Riêng tư", body: "Nội dung riêng" }, cookieFor(demo.buyer)), { productId: String(product.id) });
    const threadId = Number(r.location!.match(/inquiries\/(\d+)/)![1]);
    const before = messages();
    for (const email of [otherBuyerEmail(), otherCooperativeEmail()]) {
      const cookie = cookieFor(email);
      expect((await run(threadLoader, get(`/dashboard/inquiries/${threadId}`, cookie), { threadId: String(threadId) })).status).toBe(404);
      expect((await run(threadAction, post(`/dashboard/inquiries/${threadId}`, { body: "xen vào" }, cookie), { threadId: String(threadId) })).status).toBe(404);
    }
    expect(messages()).toBe(before);
  });

  it("refuses an oversized attachment with 413 and a wrong type with 415, storing nothing", async () => {
    const product = prepareProduct({ index: 4 });
    const cookie = cookieFor(demo.buyer);
    const before = messages();
    const big = new FormData();
    big.set("subject", "Tệp lớn");
    big.set("body", "Xem tệp");
    big.set("attachment", new File([Buffer.concat([pdfBytes, Buffer.alloc(11 * 1024 * 1024)])], "lon.pdf", { type: "application/pdf" }));
    const tooBig = await run(inquireAction, postMultipart(`/products/${product.id}/inquire`, big, cookie), { productId: String(product.id) });
    expect(tooBig.status).toBe(413);

    const wrong = new FormData();
    wrong.set("subject", "Tệp lạ");
    wrong.set("body", "Xem tệp");
    wrong.set("attachment", new File(["just some text, not a PDF"], "ghi-chu.pdf", { type: "application/pdf" }));
    const badType = await run(inquireAction, postMultipart(`/products/${product.id}/inquire`, wrong, cookie), { productId: String(product.id) });
    expect(badType.status).toBe(415);
    expect(JSON.stringify(badType.data)).toMatch(/Loại tệp không được chấp nhận/);
    expect(messages()).toBe(before);
  });

  it("rejects an empty message with 400, and a cooperative cannot open an inquiry", async () => {
    const product = prepareProduct({ index: 4 });
    const before = messages();
    const empty = await run(inquireAction, post(`/products/${product.id}/inquire`, { subject: "", body: "" }, cookieFor(demo.buyer)), { productId: String(product.id) });
    expect(empty.status).toBe(400);
    const coop = await run(inquireAction, post(`/products/${product.id}/inquire`, { subject: "a", body: "b" }, cookieFor(otherCooperativeEmail())), { productId: String(product.id) });
    expect(coop.status).toBe(403);
    expect(messages()).toBe(before);
  });

  it("shows phone and Zalo to a signed-in buyer only, and contacts a cooperative without a product", async () => {
    const coop = db.select().from(schema.organisations).where(eq(schema.organisations.id, orgOf(demo.cooperative).id)).get()!;
    const anonymous = await run(contactLoader, get(`/cooperatives/${coop.slug}/contact`), { slug: coop.slug });
    expect((anonymous.data as { contact: unknown }).contact).toBeNull();
    const asBuyer = await run(contactLoader, get(`/cooperatives/${coop.slug}/contact`, cookieFor(demo.buyer)), { slug: coop.slug });
    expect((asBuyer.data as { contact: { phone: string } }).contact.phone).toBe(coop.phone);
    const asOtherCoop = await run(contactLoader, get(`/cooperatives/${coop.slug}/contact`, cookieFor(otherCooperativeEmail())), { slug: coop.slug });
    expect((asOtherCoop.data as { contact: unknown }).contact).toBeNull();
    const sent = await run(contactAction, post(`/cooperatives/${coop.slug}/contact`, { subject: "Hợp tác dài hạn", body: "Bên em muốn ký hợp đồng năm." }, cookieFor(demo.buyer)), { slug: coop.slug });
    expect(sent.status).toBe(302);
    // Logged out, the inquiry page sends to login.
    const product = prepareProduct({ index: 4 });
    const login = await run(inquireLoader, get(`/products/${product.id}/inquire`), { productId: String(product.id) });
    expect(login.status).toBe(302);
    expect(login.location).toMatch(/^\/login\?redirectTo=/);
  });
});
