import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { demo, e2eDb, expect, expectAccessible, loginAs, test } from "./fixtures";
import { createBuyer } from "./orders-helpers";

function ownerOf(cooperative: string) {
  const db = e2eDb();
  try {
    return (
      db
        .prepare("select u.email from users u join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id where o.name = ? and m.role = 'owner'")
        .get(cooperative) as { email: string }
    ).email;
  } finally {
    db.close();
  }
}

/** Enough stock on both cooperatives' bưởi for this run's acceptances (runs share the e2e database). */
function stockUp() {
  const db = e2eDb();
  try {
    db.prepare("update products set stock = max(stock, 20000) where unit = 'kg' and name_vi like 'Bưởi%' and cooperative_id in (select id from organisations where name in ('HTX Nông nghiệp Phú Ngãi', 'HTX Bưởi Năm Roi Bình Minh'))").run();
  } finally {
    db.close();
  }
}

function orderLines(requestTitle: string) {
  const db = e2eDb();
  try {
    return db
      .prepare("select o.number, org.name as cooperative, l.quantity, l.unit_price as unitPrice from orders o join order_lines l on l.order_id = o.id join organisations org on org.id = o.cooperative_id where o.notes like ? order by org.name")
      .all(`%${requestTitle}%`) as { number: string; cooperative: string; quantity: number; unitPrice: number }[];
  } finally {
    db.close();
  }
}

async function sendOffer(page: Page, title: string, quantity: string, price: string, product?: string) {
  await page.goto("/dashboard/requests");
  const card = page.getByRole("listitem").filter({ hasText: title });
  await expect(card.getByText(/VietGAP hợp lệ đến/)).toBeVisible();
  await expectAccessible(page);
  await card.getByRole("link", { name: "Gửi chào giá" }).click();
  await expect(page.getByRole("heading", { name: `Chào giá cho: ${title}` })).toBeVisible();
  // Other specs add products to the same cooperative; name the one offered so the comparison is about it.
  if (product) await page.getByLabel("Sản phẩm", { exact: true }).selectOption({ label: product });
  await page.getByLabel("Số lượng có thể cung cấp").fill(quantity);
  await page.getByLabel("Giá (đồng/đơn vị)").fill(price);
  await page.getByRole("button", { name: "Gửi chào giá" }).click();
  await expect(page.getByText("Đã gửi chào giá.")).toBeVisible();
}

async function accept(page: Page, cooperative: string) {
  const card = page.getByRole("listitem", { name: cooperative });
  await card.getByText("Chấp nhận, tạo đơn hàng", { exact: true }).first().click();
  await card.getByLabel("Xã/phường nhận hàng").fill("Phường Thủ Đức");
  await card.getByLabel("Địa chỉ nhận hàng").fill("Kho số 3, đường số 9");
  await card.getByLabel("Thanh toán").selectOption("card");
  await card.getByRole("button", { name: "Chấp nhận, tạo đơn hàng" }).click();
  await expect(page.getByText(/Đã tạo đơn CHX-/)).toBeVisible();
}

test.describe("supply–demand board", () => {
  test("@phone a buyer posts a VietGAP request in Bến Tre; two cooperatives offer; the buyer compares, accepts both; the third is told", async ({ page, browser }) => {
    test.setTimeout(120_000);
    stockUp();
    const tag = crypto.randomBytes(3).toString("hex");
    const title = `Bưởi da xanh Tết ${tag}`;
    const buyer = createBuyer(`Công ty Cầu ${tag}`);
    await loginAs(page, buyer.email);

    // The buyer posts a public request requiring VietGAP, naming the former province "Bến Tre".
    await page.goto("/requests/new");
    await expect(page.getByRole("heading", { name: "Đăng nhu cầu mua" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Cần mua gì").fill(title);
    await page.getByLabel("Danh mục OCOP").selectOption("I.1.a");
    await page.getByLabel("Số lượng", { exact: true }).fill("4,5");
    await page.getByLabel("Đơn vị", { exact: true }).selectOption("tan");
    await page.getByRole("checkbox", { name: "VietGAP" }).check();
    await page.getByLabel(/^Vùng ưu tiên/).fill("Bến Tre");
    await page.getByRole("button", { name: "Đăng yêu cầu" }).click();
    await expect(page).toHaveURL(/\/dashboard\/requests\/\d+/);
    await expect(page.getByText("Đã đăng yêu cầu.")).toBeVisible();
    const manageUrl = page.url();
    const matches = page.getByRole("region", { name: "HTX phù hợp" }).or(page.locator("section[aria-labelledby=matches-title]"));
    await expect(matches.getByRole("link", { name: "HTX Nông nghiệp Phú Ngãi" })).toBeVisible();
    await expect(matches.getByText(/VietGAP hợp lệ đến/).first()).toBeVisible();
    await expectAccessible(page);

    // The public board finds it by the former province name and unaccented words.
    await page.goto(`/requests?province=${encodeURIComponent("Bến Tre")}&q=${encodeURIComponent(`buoi da xanh tet ${tag}`)}`);
    await expect(page.getByText("“Bến Tre” nay thuộc Vĩnh Long.")).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await expectAccessible(page);

    // The demo cooperative sees it among its matches and offers 3 t.
    const coopContext = await browser.newContext({ ...(page.viewportSize() ? { viewport: page.viewportSize()! } : {}) });
    const coop = await coopContext.newPage();
    await loginAs(coop, demo.cooperative);
    await sendOffer(coop, title, "3000", "41000", "Bưởi da xanh loại 1 (kg)");
    await expectAccessible(coop);

    // A second cooperative offers part of it (1.5 t), a third offers too.
    const second = await coopContext.browser()!.newContext();
    const secondPage = await second.newPage();
    await loginAs(secondPage, ownerOf("HTX Bưởi Năm Roi Bình Minh"));
    await secondPage.goto(manageUrl.replace(/\/dashboard\/requests\/(\d+).*/, "/requests/$1"));
    // The public page shows the buyer as a business type and province, not by name.
    await expect(secondPage.getByText("Nhà phân phối ở Hồ Chí Minh")).toBeVisible();
    await expect(secondPage.getByText(`Công ty Cầu ${tag}`)).toHaveCount(0);
    await expectAccessible(secondPage);
    await secondPage.getByRole("link", { name: "Gửi chào giá" }).click();
    await secondPage.getByLabel("Số lượng có thể cung cấp").fill("1500");
    await secondPage.getByLabel("Giá (đồng/đơn vị)").fill("38000");
    await secondPage.getByRole("button", { name: "Gửi chào giá" }).click();
    await expect(secondPage.getByText("Đã gửi chào giá.")).toBeVisible();
    const third = await coopContext.browser()!.newContext();
    const thirdPage = await third.newPage();
    const thirdEmail = ownerOf("HTX Bưởi Phúc Trạch");
    await loginAs(thirdPage, thirdEmail);
    await thirdPage.goto(manageUrl.replace(/\/dashboard\/requests\/(\d+).*/, "/requests/$1/offer"));
    await thirdPage.getByLabel("Số lượng có thể cung cấp").fill("2000");
    await thirdPage.getByLabel("Giá (đồng/đơn vị)").fill("40000");
    await thirdPage.getByRole("button", { name: "Gửi chào giá" }).click();
    await expect(thirdPage.getByText("Đã gửi chào giá.")).toBeVisible();

    // The buyer compares side by side and accepts both (split sourcing).
    await page.goto(manageUrl.split("?")[0]!);
    const phuNgai = page.getByRole("listitem", { name: "HTX Nông nghiệp Phú Ngãi" });
    await expect(phuNgai.getByText("41.000 ₫/kg")).toBeVisible();
    await expect(phuNgai.getByText(/VietGAP ✓ đến/)).toBeVisible();
    await expect(page.getByRole("listitem", { name: "HTX Bưởi Năm Roi Bình Minh" }).getByText("(một phần)")).toBeVisible();
    await expectAccessible(page);
    await accept(page, "HTX Nông nghiệp Phú Ngãi");
    await accept(page, "HTX Bưởi Năm Roi Bình Minh");
    await expect(page.getByText("Đã đủ hàng").first()).toBeVisible();

    // Two orders at the offered prices.
    expect(orderLines(title)).toEqual([
      expect.objectContaining({ cooperative: "HTX Bưởi Năm Roi Bình Minh", quantity: 1500, unitPrice: 38000 }),
      expect.objectContaining({ cooperative: "HTX Nông nghiệp Phú Ngãi", quantity: 3000, unitPrice: 41000 }),
    ]);
    await page.goto("/dashboard/orders");
    for (const l of orderLines(title)) await expect(page.getByText(l.number)).toBeVisible();

    // The third cooperative is told, politely, in-app.
    await thirdPage.goto("/notifications");
    await expect(thirdPage.getByRole("button", { name: new RegExp(`“${title}” đã đóng\\. Cảm ơn HTX đã chào giá`) })).toBeVisible();
    await expectAccessible(thirdPage);
    await Promise.all([coopContext.close(), second.close(), third.close()]);
  });
});
