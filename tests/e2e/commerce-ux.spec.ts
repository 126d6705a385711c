import { demo, expect, expectAccessible, loginAs, test } from "./fixtures";
import { createBuyer, demoProduct } from "./orders-helpers";
import { dbAll, dbGet, expectInsideViewport, expectNoSidewaysScroll, humanClick, putInCart } from "./commerce-helpers";

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
});
