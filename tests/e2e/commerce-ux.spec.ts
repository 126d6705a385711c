import jsQR from "jsqr";
import { PNG } from "pngjs";
import { demo, e2eDb, expect, expectAccessible, loginAs, test } from "./fixtures";
import { createBuyer, demoProduct } from "./orders-helpers";
import { dbAll, dbGet, expectCurrentTabOnScreen, expectInsideViewport, expectNoSidewaysScroll, humanClick, putInCart } from "./commerce-helpers";

/**
 * Issue 13, the buyer and cooperative-commerce findings: each test at the size where the finding was made
 * (1280×800 or 360×780), written to fail on the code before the fix.
 */
test.describe("commerce at 1280×800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the first checkout click after a field error places the order (the pointer presses and releases on the button)", async ({ page }) => {
    const buyer = createBuyer("Công ty Bấm Một Lần");
    putInCart(buyer.organisationId, demoProduct(2));
    await loginAs(page, buyer.email);
    await page.goto("/cart");
    await page.getByLabel("Địa chỉ (số nhà, đường, kho)").fill("Kho số 7, đường số 2");
    const place = page.getByRole("button", { name: "Đặt 1 đơn hàng" });
    await place.click();
    const commune = page.getByLabel("Xã, phường");
    await expect(page.getByText("Vui lòng điền mục này.")).toBeVisible();
    // The person types the ward, then reaches for the button: the field blurs on mousedown.
    await commune.click();
    await page.keyboard.type("Phường Thủ Đức");
    await humanClick(page, place);
    await expect(page).toHaveURL(/\/dashboard\/orders\/\d+\?placed=1$/);
    expect(dbGet<{ n: number }>("select count(*) n from orders where buyer_id = ?", buyer.organisationId).n).toBe(1);
  });

  test("every seeded product has a picture on search cards and on its page, and titles tell cooperatives apart", async ({ page }) => {
    await page.goto("/search?q=b%C6%B0%E1%BB%9Fi");
    const cards = page.locator("article.product-card");
    await expect(cards.first()).toBeVisible();
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < count; i++) {
      const img = cards.nth(i).locator("img").first();
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    }
    // Three cooperatives' pomelos: no two cards read the same.
    const titles = await cards.locator(".product-card-title").allTextContents();
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.filter((t) => t.trim() === "Bưởi")).toEqual([]);

    // The product page: a real picture, and the cooperative in the document title.
    const product = dbGet<{ id: number; name: string; coop: string }>(
      "select p.id, p.name_vi name, o.name coop from products p join organisations o on o.id = p.cooperative_id where p.name_vi like 'Bưởi Phúc Trạch%' and p.status = 'published' order by p.id limit 1",
    );
    await page.goto(`/products/${product.id}`);
    const photo = page.locator(".catalogue-gallery img").first();
    await expect.poll(() => photo.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    await expect(page).toHaveTitle(new RegExp(`${product.name}.*${product.coop}`));
  });

  test("a product without a photo shows its category's picture, not an empty box", async ({ page }) => {
    const product = dbGet<{ id: number; category: string }>("select p.id, p.category_code category from products p where p.status = 'published' and p.name_vi like 'Cà phê%' order by p.id limit 1");
    const db = e2eDb();
    try {
      db.prepare("delete from product_photos where product_id = ?").run(product.id);
    } finally {
      db.close();
    }
    await page.goto(`/products/${product.id}`);
    const art = page.locator(".catalogue-gallery img").first();
    await expect(art).toHaveAttribute("src", new RegExp(`/art/category/${product.category.replace(/\./g, "\\.")}`));
    await expect.poll(() => art.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    const response = await page.request.get(`/art/category/${product.category}?unit=kg`);
    expect(response.headers()["content-type"]).toBe("image/svg+xml");
    expect((await page.request.get("/art/category/nonsense")).status()).toBe(404);
  });

  test("the header shows a signed-in buyer's cart with its count on every page", async ({ page }) => {
    const buyer = createBuyer("Công ty Giỏ Đầy");
    const first = demoProduct(1);
    putInCart(buyer.organisationId, first);
    await loginAs(page, buyer.email);
    for (const url of ["/", "/search?q=dua", "/cooperatives", `/products/${first.id}`, "/dashboard/orders"]) {
      await page.goto(url);
      await expect(page.getByRole("banner").getByRole("link", { name: "Giỏ hàng: 1 sản phẩm" })).toBeVisible();
    }
    // Adding a second product updates the count without a reload.
    const second = demoProduct(3);
    await page.goto(`/products/${second.id}`);
    await page.getByLabel(/^Số lượng/).fill(String(second.moq));
    await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Giỏ hàng: 2 sản phẩm" })).toBeVisible();
    await page.getByRole("banner").getByRole("link", { name: "Giỏ hàng: 2 sản phẩm" }).click();
    await expect(page).toHaveURL(/\/cart$/);

    // Cooperatives have no cart, and nothing is shown to them.
    await loginAs(page, demo.cooperative);
    await page.goto("/");
    await expect(page.getByRole("banner").getByRole("link", { name: /^Giỏ hàng/ })).toHaveCount(0);
  });

  test("card payment: said before ordering, the buyer is told by mail and in the app when the cooperative confirms, and sees success on return", async ({ page, browser }) => {
    const buyer = createBuyer("Công ty Trả Thẻ");
    putInCart(buyer.organisationId, demoProduct(2));
    await loginAs(page, buyer.email);
    await page.goto("/cart");
    await page.getByLabel("Xã, phường").fill("Phường Thủ Đức");
    await page.getByLabel("Địa chỉ (số nhà, đường, kho)").fill("Kho số 3");
    const note = page.getByText("bạn chỉ thanh toán sau khi HTX xác nhận đơn");
    await expect(note).toBeHidden();
    await page.getByLabel("Thẻ (Stripe)").check();
    await expect(note).toBeVisible();
    await page.getByRole("button", { name: "Đặt 1 đơn hàng" }).click();
    await expect(page).toHaveURL(/\/dashboard\/orders\/\d+/);
    const number = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/CHX-\d{4}-\d{6}/)![0];
    const orderUrl = page.url().split("?")[0]!;

    const coopContext = await browser.newContext();
    const coop = await coopContext.newPage();
    await loginAs(coop, demo.cooperative);
    await coop.goto(orderUrl);
    await coop.getByRole("button", { name: "Xác nhận đơn" }).click();
    await expect(coop.getByRole("heading", { level: 1 })).toContainText("Đã xác nhận");
    await coopContext.close();

    const mail = dbGet<{ subject: string; text: string } | undefined>("select subject, text from outbox where \"to\" = ? order by id desc limit 1", buyer.email);
    expect(mail?.subject).toBe(`Đơn ${number} đã được xác nhận: mời thanh toán bằng thẻ`);
    expect(mail?.text).toContain(orderUrl.replace(/^http:\/\/localhost:\d+/, ""));

    await page.goto("/dashboard/orders");
    const notice = page.getByRole("region", { name: "Đơn đã được xác nhận, chờ bạn thanh toán bằng thẻ" });
    await expect(notice).toContainText(number);
    await notice.getByRole("link", { name: `Thanh toán ${number}` }).click();
    await page.getByRole("button", { name: "Thanh toán bằng thẻ" }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/pay\/cs_test_/);
    await page.getByRole("button", { name: "Thanh toán" }).click();
    await expect(page).toHaveURL(/\?paid=1/);
    await expect(page.getByRole("status").filter({ hasText: "Thanh toán thành công" })).toBeVisible();
    await page.goto("/dashboard/orders");
    await expect(page.getByRole("region", { name: "Đơn đã được xác nhận, chờ bạn thanh toán bằng thẻ" })).toHaveCount(0);
  });

  test("VietQR: copy buttons, a downloadable QR, and “Tôi đã chuyển khoản” tells the cooperative once; cancel is not the loudest button", async ({ page, browser, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const buyer = createBuyer("Công ty Báo Chuyển");
    putInCart(buyer.organisationId, demoProduct(4));
    await loginAs(page, buyer.email);
    await page.goto("/cart");
    await page.getByLabel("Xã, phường").fill("Phường Bến Thành");
    await page.getByLabel("Địa chỉ (số nhà, đường, kho)").fill("12 Lê Lợi");
    await page.getByRole("button", { name: "Đặt 1 đơn hàng" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã đặt");
    const number = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/CHX-\d{4}-\d{6}/)![0];
    const orderId = Number(page.url().match(/orders\/(\d+)/)![1]);

    // Copy: the account number reaches the clipboard.
    const account = (await page.locator(".commerce-transfer code").first().textContent())!;
    expect(account).toMatch(/^\d+$/);
    await page.getByRole("button", { name: "Sao chép số tài khoản" }).click();
    await expect(page.getByText("Đã sao chép")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(account);
    await expect(page.getByRole("button", { name: "Sao chép nội dung chuyển khoản" })).toBeVisible();

    // The QR as a PNG file that decodes to the same payment.
    const link = page.getByRole("link", { name: "Tải mã QR (PNG)" });
    const png = await page.request.get((await link.getAttribute("href"))!);
    expect(png.headers()["content-type"]).toBe("image/png");
    const image = PNG.sync.read(Buffer.from(await png.body()));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toContain(`${number} thanh toan don hang`);

    // Cancel is an outline button, the report is the filled one.
    const cancel = page.getByRole("button", { name: "Hủy đơn" });
    const report = page.getByRole("button", { name: "Tôi đã chuyển khoản" });
    const bg = (l: typeof cancel) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg(cancel)).toBe("rgb(255, 255, 255)");
    expect(await bg(report)).toBe("rgb(31, 111, 67)");

    await report.click();
    await expect(page.getByText("Đã báo HTX. Cảm ơn bạn!")).toBeVisible();
    await expect(page.getByText(/Bạn đã báo chuyển khoản lúc/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Tôi đã chuyển khoản" })).toHaveCount(0);
    // A second report (a double submit) records and mails nothing more.
    const again = await page.request.post(`/dashboard/orders/${orderId}`, { form: { intent: "reportTransfer" }, maxRedirects: 0 });
    expect(again.status()).toBe(302);
    expect(dbGet<{ n: number }>("select count(*) n from order_events where order_id = ? and note = 'transfer:reported'", orderId).n).toBe(1);
    const coopEmail = demo.cooperative;
    expect(dbAll<{ subject: string }>("select subject from outbox where \"to\" = ? and subject = ?", coopEmail, `Đơn ${number}: bên mua báo đã chuyển khoản`)).toHaveLength(1);

    const coopContext = await browser.newContext();
    const coop = await coopContext.newPage();
    await loginAs(coop, demo.cooperative);
    await coop.goto(`/dashboard/orders/${orderId}`);
    await expect(coop.getByText(/Bên mua báo đã chuyển khoản lúc/)).toBeVisible();
    await expect(coop.getByRole("listitem").filter({ hasText: "Bên mua báo đã chuyển khoản" })).toBeVisible();
    await coopContext.close();
  });

  test("each certificate badge on the product page opens its number, issuer, validity and scan", async ({ page }) => {
    const cert = dbGet<{ productId: number; number: string; issuer: string }>(
      `select cp.product_id productId, c.number, c.issuer from certificates c join certificate_products cp on cp.certificate_id = c.id
       join products p on p.id = cp.product_id where c.type = 'ocop' and c.status = 'verified' and c.expiry_date >= date('now') and p.status = 'published' order by c.id limit 1`,
    );
    await page.goto(`/products/${cert.productId}`);
    const number = page.getByText(`Số: ${cert.number}`);
    await expect(number).toBeHidden();
    await page.locator(".commerce-certs summary").filter({ hasText: "OCOP" }).click();
    await expect(number).toBeVisible();
    await expect(page.getByText(`Cơ quan cấp: ${cert.issuer}`)).toBeVisible();
    await expect(page.getByText(/^Hiệu lực: /).first()).toBeVisible();
    const scan = page.getByRole("link", { name: "Xem bản scan chứng nhận" }).first();
    expect((await page.request.get((await scan.getAttribute("href"))!)).status()).toBe(200);
    await expectAccessible(page);
  });

  test("the cooperative dashboard home says what is waiting and this month's figures, each a link", async ({ page }) => {
    await loginAs(page, demo.cooperative);
    const coopId = dbGet<{ id: number }>("select m.organisation_id id from memberships m join users u on u.id = m.user_id where u.email = ?", demo.cooperative).id;
    const placed = dbGet<{ n: number }>("select count(*) n from orders where cooperative_id = ? and status = 'placed'", coopId).n;
    const quotes = dbGet<{ n: number }>("select count(*) n from quotes where cooperative_id = ? and status = 'requested'", coopId).n;
    await page.goto("/dashboard");
    const waiting = page.getByRole("region", { name: "Việc đang chờ" });
    const newOrders = waiting.getByRole("link", { name: new RegExp(`^${placed} Đơn mới chờ xác nhận`) });
    await expect(newOrders).toBeVisible();
    await expect(waiting.getByRole("link", { name: new RegExp(`^${quotes} Yêu cầu báo giá chưa trả lời`) })).toHaveAttribute("href", "/dashboard/quotes");
    await expect(waiting.getByRole("link", { name: /Tin nhắn chưa đọc/ })).toHaveAttribute("href", "/dashboard/inquiries");
    await expect(waiting.getByRole("link", { name: /Chứng nhận sắp hết hạn/ })).toHaveAttribute("href", "/dashboard/certificates");
    const month = page.getByRole("region", { name: "Tháng này" });
    await expect(month.getByRole("link", { name: /Lượt quét QR/ })).toBeVisible();
    await expect(month.getByRole("link", { name: /Doanh số đã thanh toán/ })).toContainText("₫");
    await newOrders.click();
    await expect(page).toHaveURL(/\/dashboard\/orders\?status=placed$/);
    await expectAccessible(page);
  });

  // Could not be reproduced in this tree (the I.6 facet already counted the four coffee products): kept as a guard.
  test("polish: the coffee category counts the coffee that “ca phe” finds", async ({ page }) => {
    await page.goto("/search?q=ca+phe");
    const found = Number((await page.getByText(/^\d+ sản phẩm$/).first().textContent())!.match(/\d+/)![0]);
    expect(found).toBeGreaterThan(0);
    await expect(page.getByRole("option", { name: `I.6 Cà phê, ca cao (${found})` })).toBeAttached();
  });

  test("polish: a quote for 2,000 units reads “2.000” in the list and on the quote", async ({ page }) => {
    const buyer = createBuyer("Công ty Hai Nghìn");
    const product = demoProduct(0);
    const db = e2eDb();
    let quoteId: number;
    try {
      const coopId = (db.prepare("select cooperative_id id from products where id = ?").get(product.id) as { id: number }).id;
      quoteId = (db
        .prepare("insert into quotes (buyer_id, cooperative_id, product_id, quantity, delivery_province_code, delivery_date, status) values (?, ?, ?, 2000, '79', '2099-01-01', 'requested') returning id")
        .get(buyer.organisationId, coopId, product.id) as { id: number }).id;
    } finally {
      db.close();
    }
    await loginAs(page, buyer.email);
    await page.goto("/dashboard/quotes");
    await expect(page.getByRole("cell", { name: /^2\.000 / })).toBeVisible();
    await page.goto(`/dashboard/quotes/${quoteId}`);
    await expect(page.getByText(/· 2\.000 \S+, giao đến/)).toBeVisible();
  });

  test("polish: a delivery address names its ward once", async ({ page }) => {
    await loginAs(page, demo.buyer);
    const order = dbGet<{ id: number }>(
      "select o.id from orders o join memberships m on m.organisation_id = o.buyer_id join users u on u.id = m.user_id where u.email = ? order by o.id limit 1",
      demo.buyer,
    );
    await page.goto(`/dashboard/orders/${order.id}`);
    const delivery = page.getByRole("region", { name: "Giao hàng" });
    const text = (await delivery.locator("p").first().textContent())!;
    expect(text.match(/Phường|Xã/g)).toHaveLength(1);
  });
});

test.describe("commerce on a 360×780 phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "phone layout: run in the phone project");
  });

  test("@phone the cart reads as cards: nothing scrolls sideways, totals and “Xóa” are whole", async ({ page }) => {
    const buyer = createBuyer("Công ty Điện Thoại");
    putInCart(buyer.organisationId, demoProduct(1));
    putInCart(buyer.organisationId, demoProduct(2));
    await loginAs(page, buyer.email);
    await page.goto("/cart");
    await expectNoSidewaysScroll(page);
    const remove = page.getByRole("button", { name: /^Xóa / }).first();
    await expect(remove).toHaveText("Xóa");
    await expectInsideViewport(page, remove);
    const lineTotal = page.locator("td[data-label='Thành tiền']").first();
    await expectInsideViewport(page, lineTotal);
    await expect(lineTotal).toContainText("₫");
    await expectInsideViewport(page, page.getByText(/^Tổng đơn /).first());
    await expectAccessible(page);
  });

  test("@phone the cooperative's orders, products, certificates, quotes and members lists fit the phone", async ({ page }) => {
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard/orders");
    await expectNoSidewaysScroll(page);
    const total = page.locator("td[data-label='Tổng tiền']").first();
    await expectInsideViewport(page, total);
    await expect(total).toContainText("₫");
    // The tabs are one sideways strip on a phone; the current one is brought into view, even the last.
    for (const url of ["/dashboard/products", "/dashboard/certificates", "/dashboard/quotes", "/dashboard/members", "/dashboard/team"]) {
      await page.goto(url);
      await expectNoSidewaysScroll(page);
      await expectCurrentTabOnScreen(page);
    }
    const strip = await page.locator(".dashboard-nav").boundingBox();
    expect(strip!.height).toBeLessThan(80);
  });

  test("@phone the product form is in sections with its save button always on screen", async ({ page }) => {
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard/products/new");
    await expect(page.getByRole("group", { name: "Giá và bán hàng" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Mã vạch và trạng thái" })).toBeAttached();
    const save = page.getByRole("button", { name: "Tạo sản phẩm" });
    await expect(save).toBeInViewport();
    await page.getByLabel("Th6", { exact: true }).scrollIntoViewIfNeeded();
    await expect(save).toBeInViewport();
    await expectNoSidewaysScroll(page);
    // Saving from the middle of the form works and answers with the errors.
    await save.click();
    await expect(page.getByText("Vui lòng điền mục này.").first()).toBeVisible();
  });

  test("@phone the dashboard home and the product page fit the phone", async ({ page }) => {
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard");
    await expect(page.getByRole("region", { name: "Việc đang chờ" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    const product = demoProduct(0);
    await page.goto(`/products/${product.id}`);
    await expectNoSidewaysScroll(page);
    await expect.poll(() => page.locator(".catalogue-gallery img").first().evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  });
});
