import crypto from "node:crypto";
import { withCheckDigit } from "../../app/lib/gtin";
import { demo, e2eDb, expect, expectAccessible, loginAs, test } from "./fixtures";

/** A GTIN-13 under Viet Nam's 893 prefix that no other test uses. */
function uniqueGtin() {
  return withCheckDigit(`893${String(crypto.randomInt(100_000_000, 999_999_999))}`);
}

function wrongCheckDigit(gtin: string) {
  const right = Number(gtin.at(-1));
  return { code: gtin.slice(0, -1) + String((right + 1) % 10), expected: right };
}

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const pdf = { name: "chung-nhan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") };

test.describe("catalogue", () => {
  test("a cooperative lists a product with a GTIN and a certificate; the alliance verifies it and the badge appears", async ({ page, browser }) => {
    // Two accounts, uploads and several pages: give it room on a busy machine.
    test.slow();
    const suffix = crypto.randomBytes(3).toString("hex");
    const name = `Bưởi da xanh E2E ${suffix}`;
    const gtin = uniqueGtin();
    await loginAs(page, demo.cooperative);

    await page.goto("/dashboard/products/new");
    await expectAccessible(page);
    await page.getByLabel("Tên sản phẩm (tiếng Việt)").fill(name);
    await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("I.1.a");
    await page.getByLabel("Giá bán (đồng / đơn vị)").fill("45.000");
    await page.getByLabel("Đơn hàng tối thiểu").fill("50");
    await page.getByLabel("Số lượng có thể bán").fill("5000");
    await page.getByLabel("Bậc 1: từ số lượng").fill("100");
    await page.getByLabel("Bậc 1: đơn giá (đồng)").fill("42000");
    await page.getByLabel("Bậc 2: từ số lượng").fill("1000");
    await page.getByLabel("Bậc 2: đơn giá (đồng)").fill("38000");
    const wrong = wrongCheckDigit(gtin);
    await page.getByLabel(/Mã GTIN/).fill(wrong.code);
    await page.getByLabel("Trạng thái").selectOption("published");
    await page.getByRole("button", { name: "Tạo sản phẩm" }).click();
    await expect(page.getByText(`Chữ số kiểm tra sai: chữ số cuối phải là ${wrong.expected}.`)).toBeVisible();
    await expect(page.getByLabel("Tên sản phẩm (tiếng Việt)")).toHaveValue(name);
    await page.getByLabel(/Mã GTIN/).fill(gtin);
    await page.getByRole("button", { name: "Tạo sản phẩm" }).click();
    await expect(page.getByText("Đã lưu sản phẩm.")).toBeVisible();
    const productId = page.url().match(/products\/(\d+)/)![1];

    await page.goto(`/products/${productId}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const summary = page.getByRole("region", { name });
    await expect(summary.getByText("45.000 ₫ / kg")).toBeVisible();
    await expect(summary.getByRole("img", { name: `Mã vạch của mã ${gtin}` })).toBeVisible();
    await expect(summary.getByRole("list", { name: "Chứng nhận còn hiệu lực" })).toHaveCount(0);

    const number = `HC-E2E-${suffix}`;
    await page.goto("/dashboard/certificates/new");
    await page.getByLabel("Loại chứng nhận").selectOption("organic");
    await page.getByLabel("Số chứng nhận / số quyết định").fill(number);
    await page.getByLabel("Cơ quan cấp").fill("Control Union Việt Nam");
    await page.getByLabel("Ngày cấp / ngày quyết định").fill(addDays(today(), -30));
    await page.getByLabel(/Ngày hết hạn/).fill(addDays(today(), 700));
    await page.getByLabel(name).check();
    await page.getByLabel(/Bản scan giấy chứng nhận/).setInputFiles(pdf);
    await page.getByRole("button", { name: "Gửi để xác minh" }).click();
    await expect(page.getByText("Đã gửi chứng nhận.", { exact: false })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(number) }).getByText("Chờ xác minh")).toBeVisible();

    const alliance = await browser.newContext();
    const admin = await alliance.newPage();
    await loginAs(admin, demo.alliance);
    await admin.goto("/alliance");
    await expectAccessible(admin);
    const claim = admin.getByRole("article", { name: `Hữu cơ ${number}` });
    await expect(claim.getByRole("link", { name: "Mở bản scan" })).toHaveAttribute("href", /\/uploads\/evidence\/.+\.pdf$/);
    await claim.getByLabel("Tôi đã đối chiếu bằng chứng với thông tin khai báo").check();
    await claim.getByRole("button", { name: `Xác minh Hữu cơ ${number}` }).click();
    await expect(admin.getByText("Đã ghi nhận quyết định.")).toBeVisible();
    await expect(admin.getByRole("article", { name: `Hữu cơ ${number}` })).toHaveCount(0);
    await alliance.close();

    await page.goto(`/products/${productId}`);
    await expect(page.getByRole("region", { name }).getByRole("list", { name: "Chứng nhận còn hiệu lực" }).getByText("Hữu cơ")).toBeVisible();
    const db = e2eDb();
    try {
      const audit = db.prepare("select action from audit_log where entity = 'certificate' and entity_id = (select id from certificates where number = ?)").get(number) as { action: string };
      expect(audit.action).toBe("certificate_verified");
    } finally {
      db.close();
    }
  });

  test("the cooperative's dashboard warns of certificates expiring within 90 days, and an email goes out", async ({ page, browser }) => {
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard");
    const warning = page.getByRole("status").filter({ hasText: "chứng nhận sắp hết hạn trong 90 ngày tới" });
    await expect(warning).toBeVisible();
    await expect(warning.getByText(/VietGAP số VietGAP-TT-.+còn \d+ ngày/)).toBeVisible();
    await page.goto("/dashboard/certificates");
    await expect(page.getByRole("status").filter({ hasText: "sắp hết hạn" })).toBeVisible();

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await loginAs(admin, demo.admin);
    await admin.goto("/admin/outbox");
    await expect(admin.getByRole("article", { name: /HTX Nông nghiệp Phú Ngãi: \d+ chứng nhận sắp hết hạn/ }).first()).toBeVisible();
    await adminContext.close();
  });

  test("a badge disappears on its certificate's expiry date without any job running", async ({ page }) => {
    const db = e2eDb();
    const suffix = crypto.randomBytes(3).toString("hex");
    let productId: number;
    let ocopId: number;
    try {
      const coop = db.prepare("select o.id from organisations o join memberships m on m.organisation_id = o.id join users u on u.id = m.user_id where u.email = ?").get(demo.cooperative) as { id: number };
      productId = Number(
        db
          .prepare("insert into products (cooperative_id, slug, name_vi, category_code, unit, origin_province_code, price, min_order_qty, stock, status, published_at) values (?, 'mat-ong', ?, 'I.3.c', 'chai', '86', 150000, 5, 100, 'published', ?)")
          .run(coop.id, `Mật ong hoa dừa ${suffix}`, new Date().toISOString()).lastInsertRowid,
      );
      const cert = db.prepare("insert into certificates (cooperative_id, type, ocop_stars, number, issuer, issue_date, expiry_date, status) values (?, ?, ?, ?, 'Kiểm thử', ?, ?, 'verified')");
      const expired = Number(cert.run(coop.id, "vietgap", null, `VG-${suffix}`, addDays(today(), -800), addDays(today(), -1)).lastInsertRowid);
      ocopId = Number(cert.run(coop.id, "ocop", 4, `OCOP-${suffix}`, addDays(today(), -300), today()).lastInsertRowid);
      const cover = db.prepare("insert into certificate_products (certificate_id, product_id) values (?, ?)");
      cover.run(expired, productId);
      cover.run(ocopId, productId);
    } finally {
      db.close();
    }
    await page.goto(`/products/${productId}`);
    const summary = page.getByRole("region", { name: `Mật ong hoa dừa ${suffix}` });
    const badges = summary.getByRole("list", { name: "Chứng nhận còn hiệu lực" });
    // Valid through its expiry day; the certificate that expired yesterday shows nothing.
    // Each badge opens onto its certificate (number, issuer…), so look for the badge itself, not any "OCOP" text.
    await expect(badges.locator(".badge", { hasText: "OCOP" })).toBeVisible();
    await expect(badges.getByText("VietGAP")).toHaveCount(0);

    const db2 = e2eDb();
    try {
      db2.prepare("update certificates set expiry_date = ? where id = ?").run(addDays(today(), -1), ocopId);
    } finally {
      db2.close();
    }
    await page.reload();
    await expect(summary.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(summary.getByRole("list", { name: "Chứng nhận còn hiệu lực" })).toHaveCount(0);
  });

  test("a second cooperative cannot open or change the first one's product", async ({ page }) => {
    const db = e2eDb();
    let product: { id: number; name_vi: string; price: number };
    let otherEmail: string;
    try {
      product = db
        .prepare("select p.id, p.name_vi, p.price from products p join memberships m on m.organisation_id = p.cooperative_id join users u on u.id = m.user_id where u.email = ? limit 1")
        .get(demo.cooperative) as typeof product;
      otherEmail = (
        db
          .prepare("select u.email from users u join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id where o.kind = 'cooperative' and m.role = 'owner' and u.email <> ? limit 1")
          .get(demo.cooperative) as { email: string }
      ).email;
    } finally {
      db.close();
    }
    await loginAs(page, otherEmail);
    const response = await page.goto(`/dashboard/products/${product.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();

    const post = await page.request.post(`/dashboard/products/${product.id}`, {
      multipart: { nameVi: "Sửa trộm", categoryCode: "I.1.a", unit: "kg", originProvinceCode: "86", price: "1", minOrderQty: "1", stock: "1", status: "published" },
    });
    expect(post.status()).toBe(404);
    const check = e2eDb();
    try {
      expect(check.prepare("select name_vi, price from products where id = ?").get(product.id)).toEqual({ name_vi: product.name_vi, price: product.price });
    } finally {
      check.close();
    }
  });

  test("a CSV import lists every invalid row, then imports a corrected file on confirmation", async ({ page }) => {
    const suffix = crypto.randomBytes(3).toString("hex");
    const header = "name_vi,category_code,unit,origin_province_code,price,min_order_qty,stock,gtin,tiers,status";
    const gtin = uniqueGtin();
    const good = `Dừa xiêm ${suffix},I.1.a,qua,86,12000,50,3000,${gtin},500:11000;2000:10000,published`;
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard/products/import");
    const template = await page.request.get("/dashboard/products/template.csv");
    expect(template.headers()["content-type"]).toMatch(/text\/csv/);

    await page.getByLabel("Tệp CSV").setInputFiles({
      name: "san-pham.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([header, good, `Dừa lỗi ${suffix},I.1.a,qua,86,-1,50,3000,,,draft`, `Dừa lỗi bậc ${suffix},I.1.a,qua,86,12000,50,3000,,2000:11000;500:10000,draft`].join("\n")),
    });
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(page.getByRole("heading", { name: "2 dòng có lỗi (1 dòng hợp lệ)" })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(`^3 Dừa lỗi ${suffix}`) })).toContainText("Không được là số âm.");
    await expect(page.getByRole("row", { name: new RegExp(`^4 Dừa lỗi bậc ${suffix}`) })).toContainText("Các bậc giá phải có số lượng tăng dần.");
    await expect(page.getByRole("button", { name: /Xác nhận nhập/ })).toHaveCount(0);

    await page.getByLabel("Tệp CSV").setInputFiles({ name: "san-pham.csv", mimeType: "text/csv", buffer: Buffer.from([header, good].join("\n")) });
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(page.getByRole("heading", { name: "Tệp hợp lệ: 1 sản phẩm sẵn sàng để nhập" })).toBeVisible();
    await page.getByRole("button", { name: "Xác nhận nhập 1 sản phẩm" }).click();
    await expect(page.getByText("Đã nhập 1 sản phẩm.")).toBeVisible();
    await expect(page.getByRole("link", { name: `Dừa xiêm ${suffix}` })).toBeVisible();
  });

  test("a photo that is not an image is refused with 415 and a message in the user's language", async ({ page }) => {
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard/products/new");
    await page.getByLabel("Tên sản phẩm (tiếng Việt)").fill("Ảnh giả");
    await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("I.1.a");
    await page.getByLabel("Giá bán (đồng / đơn vị)").fill("10000");
    await page.getByLabel("Số lượng có thể bán").fill("10");
    await page.getByLabel("Ảnh sản phẩm").setInputFiles({ name: "anh.jpg", mimeType: "image/jpeg", buffer: Buffer.from("day khong phai la anh") });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/dashboard/products/new") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Tạo sản phẩm" }).click(),
    ]);
    expect(response.status()).toBe(415);
    await expect(page.getByText("Loại tệp không được chấp nhận.", { exact: false })).toBeVisible();
    await expect(page.getByLabel("Tên sản phẩm (tiếng Việt)")).toHaveValue("Ảnh giả");
  });

  test("an alliance admin cannot review or decide on another province's certificate", async ({ page }) => {
    const db = e2eDb();
    let id: number;
    let status: string;
    try {
      const row = db
        .prepare("select c.id, c.status from certificates c join organisations o on o.id = c.cooperative_id where c.status = 'pending' and o.province_code <> '86' limit 1")
        .get() as { id: number; status: string };
      ({ id, status } = row);
    } finally {
      db.close();
    }
    await loginAs(page, demo.alliance);
    const view = await page.goto(`/alliance/certificates/${id}`);
    expect(view?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
    const post = await page.request.post(`/alliance/certificates/${id}`, { form: { decision: "verify" } });
    expect(post.status()).toBe(403);
    const check = e2eDb();
    try {
      expect((check.prepare("select status from certificates where id = ?").get(id) as { status: string }).status).toBe(status);
    } finally {
      check.close();
    }
  });

  test("the product page works at phone size @phone", async ({ page }) => {
    const db = e2eDb();
    let id: number;
    try {
      id = (
        db
          .prepare("select p.id from products p join organisations o on o.id = p.cooperative_id where p.status = 'published' and o.status = 'active' and p.gtin is not null and exists (select 1 from price_tiers t where t.product_id = p.id) limit 1")
          .get() as { id: number }
      ).id;
    } finally {
      db.close();
    }
    await page.goto(`/products/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Giá theo số lượng" })).toBeVisible();
    const barcode = page.getByRole("img", { name: /Mã vạch của mã 893/ });
    await expect(barcode).toBeVisible();
    const svg = await page.request.get(`/products/${id}/barcode.svg`);
    expect(svg.headers()["content-type"]).toBe("image/svg+xml");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole("link", { name: /^HTX/ }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: /^HTX/ })).toBeVisible();
    await expect(page.getByText("Đăng nhập để xem số điện thoại, Zalo và email của hợp tác xã.")).toBeVisible();
    await expectAccessible(page);
  });
});
