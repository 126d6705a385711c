import type { Browser, Page } from "@playwright/test";
import crypto from "node:crypto";
import { demo, expect, expectAccessible, loginAs, test } from "./fixtures";
import { dbGet, putInCart } from "./commerce-helpers";
import { addDemoProduct, createBuyer } from "./orders-helpers";

/*
 * Money after a cancellation (issue 12), in the browser: a paid order is cancelled only by agreement; a card payment
 * is refunded through Stripe (the local fake, whose signed charge.refunded webhook confirms it), a bank transfer is
 * owed until the cooperative marks it returned; the stock comes back once.
 */

/** A product of the demo cooperative that only this test orders, so its stock can be checked exactly. */
const ownProduct = (name: string) => addDemoProduct(`hoan-tien-${crypto.randomBytes(4).toString("hex")}`, name);

const stockOf = (productId: number) => dbGet<{ stock: number }>("select stock from products where id = ?", productId).stock;

async function checkout(page: Page, buyerId: number, product: { id: number; moq: number }, method: "Thẻ (Stripe)" | "Chuyển khoản VietQR") {
  putInCart(buyerId, product);
  await page.goto("/cart");
  await page.getByLabel("Xã, phường").fill("Phường Thủ Đức");
  await page.getByLabel("Địa chỉ (số nhà, đường, kho)").fill("Kho số 5, đường số 2");
  await page.getByLabel(method).check();
  await page.getByRole("button", { name: "Đặt 1 đơn hàng" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã đặt");
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/CHX-\d{4}-\d{6}/)![0];
  return { number, url: page.url().split("?")[0]! };
}

async function cooperativePage(browser: Browser, viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await loginAs(page, demo.cooperative);
  return { page, close: () => context.close() };
}

test.describe("cancelling a paid order", () => {
  test("card: the buyer asks with a reason, the cooperative agrees, Stripe refunds once and the stock comes back once", async ({ page, browser }) => {
    const buyer = createBuyer("Công ty Hoàn Thẻ");
    const product = ownProduct("Bưởi da xanh hoàn tiền thẻ");
    const before = stockOf(product.id);
    await loginAs(page, buyer.email);
    const order = await checkout(page, buyer.organisationId, product, "Thẻ (Stripe)");
    expect(stockOf(product.id)).toBe(before - product.moq);

    const coop = await cooperativePage(browser);
    await coop.page.goto(order.url);
    await coop.page.getByRole("button", { name: "Xác nhận đơn" }).click();
    await expect(coop.page.getByRole("heading", { level: 1 })).toContainText("Đã xác nhận");

    await page.goto(order.url);
    await page.getByRole("button", { name: "Thanh toán bằng thẻ" }).click();
    await page.getByRole("button", { name: "Thanh toán" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã thanh toán");

    // Paid: no cancelling alone, only asking; a reason is required (the browser keeps the empty form from posting).
    await expect(page.getByRole("button", { name: "Hủy đơn", exact: true })).toHaveCount(0);
    await expect(page.getByText("Đơn đã thanh toán hoặc đã đóng gói chỉ hủy được khi hợp tác xã đồng ý.")).toBeVisible();
    await page.getByLabel("Lý do hủy").fill("Khách của công ty hủy hợp đồng, xin HTX thông cảm.");
    await page.getByRole("button", { name: "Yêu cầu hủy đơn" }).click();
    await expect(page.getByText("Đang chờ hợp tác xã trả lời yêu cầu hủy.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã thanh toán");
    await expectAccessible(page);

    await coop.page.goto(order.url);
    await expect(coop.page.getByText(/Người mua đã yêu cầu hủy đơn .*Khách của công ty hủy hợp đồng/)).toBeVisible();
    await coop.page.getByLabel("Ghi chú cho người mua (không bắt buộc)").fill("HTX đồng ý, hẹn lần sau.");
    await coop.page.getByRole("button", { name: "Đồng ý hủy và hoàn tiền" }).click();
    await expect(coop.page.getByRole("heading", { level: 1 })).toContainText("Đã hủy");
    await coop.close();

    // The fake's signed charge.refunded webhook confirms the refund; the buyer's page says so.
    await expect(async () => {
      await page.goto(order.url);
      await expect(page.getByText(/Đã hoàn .+ về thẻ/)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Đã hủy");
    const refund = dbGet<{ n: number; status: string; stripe: string | null }>(
      "select count(*) as n, max(r.status) as status, max(r.stripe_refund_id) as stripe from refunds r join orders o on o.id = r.order_id where o.number = ?",
      order.number,
    );
    expect(refund).toEqual({ n: 1, status: "succeeded", stripe: expect.stringMatching(/^re_/) });
    expect(stockOf(product.id)).toBe(before);
    await expect(page.getByRole("button", { name: "Yêu cầu hủy đơn" })).toHaveCount(0);
  });

  test("@phone bank transfer: refused first, then agreed; the refund is owed until the cooperative marks it returned", async ({ page, browser }) => {
    const buyer = createBuyer("Công ty Hoàn Chuyển Khoản");
    const product = ownProduct("Bưởi da xanh hoàn tiền chuyển khoản");
    const before = stockOf(product.id);
    await loginAs(page, buyer.email);
    const order = await checkout(page, buyer.organisationId, product, "Chuyển khoản VietQR");

    const coop = await cooperativePage(browser, page.viewportSize() ?? undefined);
    await coop.page.goto(order.url);
    await coop.page.getByRole("button", { name: "Xác nhận đơn" }).click();
    await expect(coop.page.getByRole("heading", { level: 1 })).toContainText("Đã xác nhận");
    await coop.page.getByRole("button", { name: "Xác nhận đã nhận chuyển khoản" }).click();
    await expect(coop.page.getByRole("heading", { level: 1 })).toContainText("Đã thanh toán");

    // First ask: refused with a note; the order goes on, paid, stock still taken.
    await page.goto(order.url);
    await page.getByLabel("Lý do hủy").fill("Đặt nhầm số lượng.");
    await page.getByRole("button", { name: "Yêu cầu hủy đơn" }).click();
    await expect(page.getByText("Đang chờ hợp tác xã trả lời yêu cầu hủy.")).toBeVisible();
    await coop.page.goto(order.url);
    await coop.page.getByLabel("Ghi chú cho người mua (không bắt buộc)").fill("Hàng đã đóng thùng theo đơn.");
    await coop.page.getByRole("button", { name: "Từ chối yêu cầu hủy" }).click();
    await expect(coop.page.getByText(/Yêu cầu hủy bị từ chối .*Hàng đã đóng thùng theo đơn\./)).toBeVisible();
    await expect(coop.page.getByRole("heading", { level: 1 })).toContainText("Đã thanh toán");
    expect(stockOf(product.id)).toBe(before - product.moq);

    // Second ask: agreed. Nothing moves through Stripe; the cooperative owes the money back.
    await page.goto(order.url);
    await expect(page.getByText(/Yêu cầu hủy bị từ chối/)).toBeVisible();
    await page.getByLabel("Lý do hủy").fill("Công ty đổi kế hoạch thu mua, xin hủy.");
    await page.getByRole("button", { name: "Yêu cầu hủy đơn" }).click();
    await expect(page.getByText("Đang chờ hợp tác xã trả lời yêu cầu hủy.")).toBeVisible();
    await coop.page.goto(order.url);
    await coop.page.getByRole("button", { name: "Đồng ý hủy và hoàn tiền" }).click();
    await expect(coop.page.getByRole("heading", { level: 1 })).toContainText("Đã hủy");
    await expect(coop.page.getByText(/Hợp tác xã cần chuyển trả .+ cho người mua bằng chuyển khoản\./)).toBeVisible();
    expect(stockOf(product.id)).toBe(before);

    await page.goto(order.url);
    await expect(page.getByText(/Hợp tác xã cần chuyển trả .+ cho người mua/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Đã chuyển trả tiền" })).toHaveCount(0);

    await coop.page.getByRole("button", { name: "Đã chuyển trả tiền" }).click();
    await expect(coop.page.getByText(/Đã chuyển trả .+ cho người mua/)).toBeVisible();
    await expect(coop.page.getByRole("button", { name: "Đã chuyển trả tiền" })).toHaveCount(0);
    await coop.close();

    await page.goto(order.url);
    await expect(page.getByText(/Đã chuyển trả .+ cho người mua/)).toBeVisible();
    await expectAccessible(page);
    expect(stockOf(product.id)).toBe(before);
    const refund = dbGet<{ n: number; status: string }>(
      "select count(*) as n, max(r.status) as status from refunds r join orders o on o.id = r.order_id where o.number = ?",
      order.number,
    );
    expect(refund).toEqual({ n: 1, status: "returned" });
  });
});
