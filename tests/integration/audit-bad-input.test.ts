import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as cartAction } from "~/routes/cart";
import { action as newCertificateAction } from "~/routes/dashboard.certificates.new";
import { action as inquiryAction } from "~/routes/dashboard.inquiries.$threadId";
import { action as importAction } from "~/routes/dashboard.products.import";
import { action as newProductAction } from "~/routes/dashboard.products.new";
import { action as loginAction } from "~/routes/login";
import { action as setLanguageAction } from "~/routes/set-language";
import { action as signupAction } from "~/routes/signup";
import { action as cooperativeDecisionAction } from "~/routes/alliance.cooperatives.$cooperativeId";
import { ORIGIN, args, call, cookieFor, postForm } from "./catalogue-helpers";

const products = () => db.select({ n: count() }).from(schema.products).get()!.n;
const certificates = () => db.select({ n: count() }).from(schema.certificates).get()!.n;

function postRaw(path: string, body: string, contentType: string, cookie?: string) {
  return new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { "Content-Type": contentType, ...(cookie ? { Cookie: cookie } : {}) } });
}

const garbledMultipart = (path: string, cookie?: string) =>
  postRaw(path, '--XX\r\nContent-Disposition: form-data; name="intent"\r\n\r\nadd\r\n--XX', "multipart/form-data; boundary=XX", cookie);

describe("audit: bodies that are not a readable form", () => {
  it("answers a JSON body to the product form with 415, not 500, and writes nothing", async () => {
    const cookie = cookieFor("htx@demo.chohtx.vn");
    const before = products();
    const r = await call(() => newProductAction(args(postRaw("/dashboard/products/new", '{"nameVi":"x"', "application/json", cookie))));
    expect(r.status).toBe(415);
    expect(products()).toBe(before);
  });

  it("answers an urlencoded product form with field errors (400), not 500", async () => {
    const cookie = cookieFor("htx@demo.chohtx.vn");
    const before = products();
    const r = await call(() => newProductAction(args(postForm("/dashboard/products/new", { nameVi: "Bưởi thử" }, cookie))));
    expect(r.status).toBe(400);
    expect(products()).toBe(before);
  });

  it("answers a garbled multipart certificate form with 400 and writes nothing", async () => {
    const cookie = cookieFor("htx@demo.chohtx.vn");
    const before = certificates();
    const r = await call(() => newCertificateAction(args(garbledMultipart("/dashboard/certificates/new", cookie))));
    expect(r.status).toBe(400);
    expect(certificates()).toBe(before);
  });

  it("answers an urlencoded or JSON CSV import with 400/415, not 500", async () => {
    const cookie = cookieFor("htx@demo.chohtx.vn");
    const form = await call(() => importAction(args(postForm("/dashboard/products/import", { intent: "preview" }, cookie))));
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    const json = await call(() => importAction(args(postRaw("/dashboard/products/import", "{}", "application/json", cookie))));
    expect(json.status).toBe(415);
  });

  it("answers JSON and garbled multipart to text forms with 415/400 and a translated message", async () => {
    const buyer = cookieFor("buyer@demo.chohtx.vn");
    const json = await call(() => cartAction(args(postRaw("/cart", '{"productId":1', "application/json", buyer))));
    expect(json.status).toBe(415);
    expect(json.data).toContain("biểu mẫu");
    const garbled = await call(() => cartAction(args(garbledMultipart("/cart", buyer))));
    expect(garbled.status).toBe(400);
    const english = new Request(`${ORIGIN}/login`, { method: "POST", body: "{}", headers: { "Content-Type": "application/json", Cookie: "lang=en" } });
    const login = await call(() => loginAction(args(english)));
    expect(login.status).toBe(415);
    const signup = await call(() => signupAction(args(garbledMultipart("/signup"))));
    expect(signup.status).toBe(400);
    const thread = db.select().from(schema.threads).get()!;
    const reply = await call(() => inquiryAction(args(postRaw(`/dashboard/inquiries/${thread.id}`, "[]", "application/json", buyer), { threadId: String(thread.id) })));
    expect(reply.status).toBe(415);
  });

  it("refuses an oversized urlencoded body with 413 before reading it", async () => {
    const body = `email=a%40b.vn&password=${"x".repeat(1_200_000)}`;
    const request = new Request(`${ORIGIN}/login`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) },
    });
    const r = await call(() => loginAction(args(request)));
    expect(r.status).toBe(413);
  });
});

describe("audit: streamed bodies", () => {
  it("refuses a streamed (chunked) form body over the cap with 413, without a Content-Length", async () => {
    const piece = new TextEncoder().encode(`x=${"y".repeat(64 * 1024)}&`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 64 MB if nobody stops reading; the reader must give up after about 1 MB.
        if (sent++ > 1000) controller.close();
        else controller.enqueue(piece);
      },
    });
    const request = new Request(`${ORIGIN}/login`, {
      method: "POST",
      body: stream,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as RequestInit);
    const r = await call(() => loginAction(args(request)));
    expect(r.status).toBe(413);
    expect(sent).toBeLessThan(100);
  });

  it("still reads an ordinary urlencoded form with malformed percent escapes", async () => {
    const r = await call(() => loginAction(args(postRaw("/login", "email=%ZZ%&password=%", "application/x-www-form-urlencoded"))));
    expect(r.status).toBe(400);
  });
});

describe("audit: set-language", () => {
  it("answers an unknown language with 400 (a resource route ignores data() statuses)", async () => {
    const response = await setLanguageAction(args(postForm("/set-language", { lang: "fr", redirectTo: "/" })));
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(400);
    expect(await (response as Response).text()).not.toBe("errors.invalid");
  });
});

describe("audit: alliance decision redirect", () => {
  it("never follows a returnTo that normalises off-site", async () => {
    const coop = db.select().from(schema.organisations).where(eq(schema.organisations.slug, "htx-nong-nghiep-phu-ngai")).get()!;
    const admin = cookieFor("lienminh@demo.chohtx.vn");
    for (const returnTo of ["/alliance/..//evil.example", "/alliance/../\\evil.example", "/alliance/%2e%2e//evil.example/x"]) {
      const r = await call(() =>
        cooperativeDecisionAction(args(postForm(`/alliance/cooperatives/${coop.id}`, { decision: "verify", returnTo }, admin), { cooperativeId: String(coop.id) })),
      );
      expect(r.status).toBe(302);
      const location = r.response!.headers.get("Location")!;
      expect(location.startsWith("/alliance")).toBe(true);
      expect(location.startsWith("//")).toBe(false);
    }
  });

  it("keeps a returnTo inside /alliance", async () => {
    const coop = db.select().from(schema.organisations).where(eq(schema.organisations.slug, "htx-nong-nghiep-phu-ngai")).get()!;
    const admin = cookieFor("lienminh@demo.chohtx.vn");
    const r = await call(() =>
      cooperativeDecisionAction(args(postForm(`/alliance/cooperatives/${coop.id}`, { decision: "verify", returnTo: "/alliance?tab=coops" }, admin), { cooperativeId: String(coop.id) })),
    );
    expect(r.response!.headers.get("Location")).toBe("/alliance?tab=coops&done=cooperative-verify");
  });
});
