import jsQR from "jsqr";
import { PNG } from "pngjs";
import { demo, expect, expectAccessible, loginAs, test } from "./fixtures";
import { createBuyer, demoProduct, orderStatus } from "./orders-helpers";
import { hasValidCrc } from "../../app/lib/vietqr";

test.describe("orders", () => {
  test("a buyer asks, the cooperative answers, the buyer orders and pays by card through the Stripe fake, and the cooperative ships", async ({ page, browser }) => {
    const buyer = createBuyer("Công ty Thẻ Xanh");
    const product = demoProduct(6);
    await loginAs(page, buyer.email);

    // Inquiry from the product.
    await page.goto(`/products/${product.id}/inquire`);
    await page.getByLabel("Tiêu đề").fill("Hỏi về hàng loại 1");
    await page.getByLabel("Nội dung").fill("HTX còn hàng loại 1 không ạ? Bên em cần giao trong tuần.");
    await page.getByRole("button", { name: "Gửi tin nhắn" }).click();
    await expect(page).toHaveURL(/\/dashboard\/inquiries\/\d+$/);
    await expect(page.getByText("HTX còn hàng loại 1 không ạ?")).toBeVisible();
    await expectAccessible(page);
    const threadUrl = page.url();

    // The cooperative sees it among its inquiries and answers.
    const coopContext = await browser.newContext();
    const coop = await coopContext.newPage();
    await loginAs(coop, demo.cooperative);
    await coop.goto("/dashboard/inquiries");
    await coop.getByRole("link", { name: "Hỏi về hàng loại 1" }).first().click();
    await coop.getByLabel("Tin nhắn của bạn").fill("Dạ còn ạ. Anh chị đặt trên hệ thống, HTX giao trong 3 ngày.");
    await coop.getByRole("button", { name: "Gửi tin nhắn" }).click();
    await expect(coop.getByText("Dạ còn ạ. Anh chị đặt trên hệ thống")).toBeVisible();

    await page.goto(threadUrl);
    await expect(page.getByText("Dạ còn ạ. Anh chị đặt trên hệ thống")).toBeVisible();

    // Add to cart and check out, paying by card.
    await page.goto(`/products/${product.id}/inquire`);
    await page.getByLabel(/^Số lượng/).fill(String(product.moq));
    await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
    await expect(page.getByText("Đã thêm vào giỏ.")).toBeVisible();
    await page.goto("/cart");
    await expect(page.getByRole("heading", { name: "Từ HTX Nông nghiệp Phú Ngãi" })).toBeVisible();
    await page.getByLabel("Xã, phường").fill("Phường Thủ Đức");
    await page.getByLabel("Địa chỉ (số nhà, đường, kho)").fill("Kho số 3, đường số 9");
    await page.getByLabel("Thẻ (Stripe)").check();
    await page.getByRole("button", { name: "Đặt 1 đơn hàng" }).click();
    await expect(page).toHaveURL(/\/dashboard\/orders\/\d+/);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText("Đã đặt");
    const number = (await heading.textContent())!.match(/CHX-\d{4}-\d{6}/)![0];
    const orderUrl = page.url().split("?")[0]!;

    // The cooperative confirms.
    await coop.goto(orderUrl);
    await coop.getByRole("button", { name: "Xác nhận đơn" }).click();
    await expect(coop.getByRole("heading", { level: 1 })).toContainText("Đã xác nhận");

    // The buyer pays on the fake hosted page; the signed webhook marks the order paid.
    await page.goto(orderUrl);
    await page.getByRole("button", { name: "Thanh toán bằng thẻ" }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/pay\/cs_test_/);
    await page.getByRole("button", { name: "Thanh toán" }).click();
    await expect(page).toHaveURL(new RegExp(`${orderUrl.replace(/[/.]/g, "\\$&")}\\?paid=1`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã thanh toán");
    expect(orderStatus(number)).toBe("paid");

    // The cooperative packs and ships with carrier and tracking number.
    await coop.goto(orderUrl);
    await coop.getByRole("button", { name: "Đánh dấu đã đóng gói" }).click();
    await expect(coop.getByRole("heading", { level: 1 })).toContainText("Đã đóng gói");
    await coop.getByLabel("Đơn vị vận chuyển").fill("Giao Hàng Nhanh");
    await coop.getByLabel("Mã vận đơn").fill("GHN-E2E-001");
    await coop.getByRole("button", { name: "Giao cho đơn vị vận chuyển" }).click();
    await expect(coop.getByRole("heading", { level: 1 })).toContainText("Đang giao");
    await coopContext.close();

    await page.goto(orderUrl);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đang giao");
    await expect(page.getByText("Vận chuyển: Giao Hàng Nhanh, mã vận đơn GHN-E2E-001")).toBeVisible();
    // Too late to cancel now: no cancel button.
    await expect(page.getByRole("button", { name: "Hủy đơn" })).toHaveCount(0);
  });

  test("a buyer pays by VietQR transfer and the cooperative confirms receipt", async ({ page, browser }) => {
    const buyer = createBuyer("Công ty Chuyển Khoản");
    const product = demoProduct(5);
    await loginAs(page, buyer.email);
    await page.goto(`/products/${product.id}/inquire`);
    await page.getByLabel(/^Số lượng/).fill(String(product.moq));
    await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
    await expect(page.getByText("Đã thêm vào giỏ.")).toBeVisible();
    await page.goto("/cart");
    await expectAccessible(page);
    await page.getByLabel("Xã, phường").fill("Phường Bến Thành");
    await page.getByLabel("Địa chỉ (số nhà, đường, kho)").fill("12 Lê Lợi");
    await expect(page.getByLabel("Chuyển khoản VietQR")).toBeChecked();
    await page.getByRole("button", { name: "Đặt 1 đơn hàng" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã đặt");
    const number = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/CHX-\d{4}-\d{6}/)![0];
    const orderUrl = page.url().split("?")[0]!;

    // The QR on the page decodes to a VietQR payload with a valid CRC, the amount and the order number.
    const qr = page.getByRole("img", { name: /Mã VietQR chuyển/ });
    await expect(qr).toBeVisible();
    const src = (await qr.getAttribute("src"))!;
    const png = PNG.sync.read(Buffer.from(src.split(",")[1]!, "base64"));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded).not.toBeNull();
    expect(hasValidCrc(decoded!.data)).toBe(true);
    expect(decoded!.data).toContain(`${number} thanh toan don hang`);
    expect(decoded!.data).toMatch(/^000201010212/);
    await expect(page.getByText(`Nội dung: ${number} thanh toan don hang`)).toBeVisible();
    await expect(page.getByText(/^Số tài khoản: \d+/)).toBeVisible();

    const coopContext = await browser.newContext();
    const coop = await coopContext.newPage();
    await loginAs(coop, demo.cooperative);
    await coop.goto("/dashboard/orders");
    await coop.getByRole("link", { name: number }).click();
    await coop.getByRole("button", { name: "Xác nhận đơn" }).click();
    await expect(coop.getByRole("heading", { level: 1 })).toContainText("Đã xác nhận");
    await coop.getByRole("button", { name: "Xác nhận đã nhận chuyển khoản" }).click();
    await expect(coop.getByRole("heading", { level: 1 })).toContainText("Đã thanh toán");
    await expect(coop.getByRole("listitem").filter({ hasText: "Đã thanh toán" }).filter({ hasText: "HTX Nông nghiệp Phú Ngãi" })).toBeVisible();
    await coopContext.close();

    await page.goto(orderUrl);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã thanh toán");
    // Paid: the QR is gone.
    await expect(page.getByRole("img", { name: /Mã VietQR chuyển/ })).toHaveCount(0);
    const pdf = await page.request.get(`${orderUrl}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  });

  test("a quantity under the minimum order is refused with the minimum, and the cart keeps nothing", async ({ page }) => {
    const buyer = createBuyer("Công ty Ít Hàng");
    const product = demoProduct(4);
    test.skip(product.moq < 2, "needs a product with a minimum order above 1");
    await loginAs(page, buyer.email);
    await page.goto(`/products/${product.id}/inquire`);
    const quantity = page.getByLabel(/^Số lượng/);
    await quantity.fill(String(product.moq - 1));
    await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
    // The browser already holds the form back (min = MOQ)...
    expect(await quantity.evaluate((el: HTMLInputElement) => el.validity.rangeUnderflow)).toBe(true);
    // ...and the server, asked directly, answers 409 with the minimum.
    const response = await page.request.post("/cart", { form: { intent: "add", productId: String(product.id), quantity: String(product.moq - 1) } });
    expect(response.status()).toBe(409);
    expect(await response.text()).toContain(`đơn tối thiểu là ${product.moq}`);
    await page.goto("/cart");
    await expect(page.getByText("Giỏ hàng đang trống.")).toBeVisible();
  });

  test("@phone the demo buyer reads an order with its VietQR and the orders list on a phone", async ({ page }) => {
    await loginAs(page, demo.buyer);
    await page.goto("/dashboard/orders?status=confirmed");
    const link = page.getByRole("link", { name: /^CHX-\d{4}-\d{6}$/ }).first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã xác nhận");
    const qr = page.getByRole("img", { name: /Mã VietQR chuyển/ });
    await expect(qr).toBeVisible();
    const box = await qr.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    await expect(page.getByText(/^Chủ tài khoản:/)).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("quotes", () => {
  test("a buyer asks for a quote, the cooperative prices it, and accepting it places an order at the quoted price", async ({ page, browser }) => {
    const buyer = createBuyer("Công ty Báo Giá");
    const product = demoProduct(3);
    await loginAs(page, buyer.email);
    await page.goto(`/products/${product.id}/quote`);
    await page.getByLabel(/^Số lượng/).fill(String(product.moq * 2));
    await page.getByLabel("Tỉnh, thành phố nhận hàng").selectOption({ label: "Thành phố Hồ Chí Minh" });
    await page.getByLabel("Ngày cần hàng").fill("2099-03-01");
    await page.getByRole("button", { name: "Gửi yêu cầu báo giá" }).click();
    await expect(page.getByText("Đã gửi yêu cầu báo giá.")).toBeVisible();
    const quoteUrl = page.url().split("?")[0]!;

    const coopContext = await browser.newContext();
    const coop = await coopContext.newPage();
    await loginAs(coop, demo.cooperative);
    await coop.goto(quoteUrl);
    await coop.getByLabel(/^Đơn giá/).fill("12345");
    await coop.getByLabel("Hiệu lực đến ngày").fill("2099-02-01");
    await coop.getByLabel(/^Điều kiện/).fill("Giao trong 5 ngày.");
    await coop.getByRole("button", { name: "Gửi báo giá" }).click();
    await expect(coop.getByText("Đã gửi báo giá cho bên mua.")).toBeVisible();
    await coopContext.close();

    await page.goto(quoteUrl);
    await expect(page.getByText(/12\.345\s₫/).first()).toBeVisible();
    await page.getByLabel("Xã, phường").fill("Phường Thủ Đức");
    await page.getByLabel("Địa chỉ (số nhà, đường, kho)").fill("Kho số 3");
    await page.getByRole("button", { name: "Chấp nhận và đặt hàng" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã đặt");
    await expect(page.getByTestId("order-total")).toHaveText(new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(12345 * product.moq * 2));
    await expect(page.getByText("(theo báo giá)")).toBeVisible();
  });
});
