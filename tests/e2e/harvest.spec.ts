import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { demo, e2eDb, expect, expectAccessible, loginAs, test } from "./fixtures";
import { addDemoProduct, createBuyer, demoProduct } from "./orders-helpers";
import { e2eBaseURL, e2eDbPath, root } from "../setup/paths";

const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.parse(`${vnToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test.describe("harvest announcements @phone", () => {
  test("a cooperative announces, a following buyer reserves part, the cooperative confirms, packs a lot and turns it into an order the buyer can trace", async ({ page, browser }) => {
    const product = demoProduct(0);
    const buyer = createBuyer("Công ty Đặt Trước");

    // The cooperative announces the harvest.
    const coopContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined, isMobile: false });
    const coop = await coopContext.newPage();
    await loginAs(coop, demo.cooperative);
    await coop.goto("/dashboard/harvests");
    await coop.getByRole("link", { name: "Đăng tin mùa vụ" }).click();
    await expect(coop.getByRole("heading", { level: 1, name: "Đăng tin mùa vụ" })).toBeVisible();
    await coop.getByRole("combobox", { name: "Sản phẩm" }).selectOption(String(product.id));
    await coop.getByLabel(/^Sản lượng dự kiến/).fill("2,5");
    await coop.getByLabel("Thu hoạch từ ngày").fill(inDays(30));
    await coop.getByLabel("Đến ngày").fill(inDays(10));
    await coop.getByLabel(/^Giá dự kiến/).fill("40000");
    await coop.getByRole("button", { name: "Đăng tin" }).click();
    // Bad input is explained next to the field and nothing is posted.
    await expect(coop.getByText("Ngày kết thúc phải từ ngày bắt đầu trở đi.")).toBeVisible();
    await coop.getByLabel("Đến ngày").fill(inDays(40));
    await coop.getByLabel(/^Sản lượng dự kiến/).fill("2000");
    await coop.getByRole("button", { name: "Đăng tin" }).click();
    await expect(coop).toHaveURL(/\/dashboard\/harvests\/\d+\?created=1$/);
    await expect(coop.getByText("Đã đăng tin mùa vụ.")).toBeVisible();
    await expectAccessible(coop);
    const announcementId = Number(coop.url().match(/harvests\/(\d+)/)![1]);

    // The buyer follows the cooperative and finds the harvest on the board.
    await loginAs(page, buyer.email);
    await page.goto("/cooperatives/htx-nong-nghiep-phu-ngai");
    await page.getByRole("button", { name: "Theo dõi HTX này" }).click();
    await expect(page.getByRole("button", { name: "Bỏ theo dõi" })).toBeVisible();
    await page.goto("/account/follows");
    await expect(page.getByRole("link", { name: "HTX Nông nghiệp Phú Ngãi" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/harvests?province=Bến Tre");
    await expect(page.getByText("“Bến Tre” nay thuộc Vĩnh Long.")).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/harvests/${announcementId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(product.name);
    await expectAccessible(page);

    // It reserves part of it; over the remaining quantity is refused with what is left.
    await page.getByLabel(/^Số lượng/).fill("2500");
    await page.getByLabel("Xã, phường").fill("Phường Thủ Đức");
    await page.getByLabel("Địa chỉ (số nhà, đường, kho)").fill("Kho số 3, đường số 9");
    await page.getByRole("combobox", { name: "Cách thanh toán" }).selectOption("card");
    await page.getByRole("button", { name: "Gửi yêu cầu đặt trước" }).click();
    await expect(page.getByText("Chỉ còn 2000")).toBeVisible();
    await page.getByLabel(/^Số lượng/).fill("300");
    await page.getByRole("button", { name: "Gửi yêu cầu đặt trước" }).click();
    await expect(page).toHaveURL(/\/dashboard\/reservations\/\d+/);
    await expect(page.getByText("Đã gửi yêu cầu đặt trước.")).toBeVisible();
    await expectAccessible(page);
    const reservationUrl = page.url().split("?")[0]!;

    // The cooperative confirms with the agreed price.
    await coop.goto("/dashboard/reservations");
    await expectAccessible(coop);
    await coop.goto(reservationUrl);
    await expectAccessible(coop);
    await coop.getByLabel(/^Giá chốt/).fill("39500");
    await coop.getByRole("button", { name: "Xác nhận đặt trước" }).click();
    await expect(coop.getByText("Đã xác nhận đặt trước.")).toBeVisible();

    // It records the lot when it packs the harvest…
    const code = `HV${crypto.randomInt(100000, 999999)}`;
    await coop.goto("/dashboard/lots/new");
    await coop.getByRole("combobox", { name: "Sản phẩm", exact: true }).selectOption(String(product.id));
    await coop.getByLabel("Mã lô").fill(code);
    await coop.getByLabel("Ngày thu hoạch").fill(vnToday());
    await coop.getByLabel("Ngày đóng gói").fill(vnToday());
    await coop.getByLabel("Hạn sử dụng").fill(inDays(60));
    await coop.getByLabel("Số lượng", { exact: true }).fill("500");
    await coop.getByLabel("Hộ thành viên 1").selectOption({ index: 1 });
    await coop.locator("#c-0-qty").fill("500");
    await coop.getByRole("button", { name: "Lưu lô hàng" }).click();
    await expect(coop).toHaveURL(/\/dashboard\/lots\/\d+$/);
    const lotId = Number(coop.url().match(/lots\/(\d+)/)![1]);

    // …and turns the reservation into an order with that lot.
    await coop.goto(reservationUrl);
    await coop.getByRole("combobox", { name: "Lô hàng" }).selectOption(String(lotId));
    await coop.getByRole("button", { name: "Tạo đơn hàng với lô này" }).click();
    await expect(coop).toHaveURL(/\/dashboard\/orders\/\d+/);
    await expect(coop.getByRole("heading", { level: 1 })).toContainText("Đã đặt");
    const orderUrl = coop.url().split("?")[0]!;

    // The buyer sees the order at the agreed price, with the lot linked to its trace page.
    await page.goto(reservationUrl);
    await expect(page.getByText("Đã thành đơn hàng").first()).toBeVisible();
    await page.goto(orderUrl);
    await expect(page.getByText("39.500").first()).toBeVisible();
    const lotLink = page.locator(`a[href="/t/${lotId}"]`).first();
    await expect(lotLink).toContainText(code);
    await lotLink.click();
    await expect(page).toHaveURL(new RegExp(`/t/${lotId}`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(product.name);
    await coopContext.close();
  });

  test("a buyer saves a search, the digest arrives in the outbox, and its link unsubscribes without logging in", async ({ page, browser }) => {
    const buyer = createBuyer("Công ty Tìm Kiếm");
    const word = `e2e${crypto.randomBytes(4).toString("hex")}`;
    await loginAs(page, buyer.email);
    await page.goto(`/search?q=${word}&province=Bến Tre`);
    await page.getByLabel("Tên tìm kiếm").fill(`Theo dõi ${word}`);
    await page.getByRole("button", { name: "Lưu tìm kiếm này" }).click();
    await expect(page).toHaveURL(/\/account\/saved-searches/);
    await expect(page.getByText("Đã lưu tìm kiếm.")).toBeVisible();
    await expect(page.getByRole("link", { name: `Theo dõi ${word}` })).toBeVisible();
    await expectAccessible(page);

    // A cooperative publishes a matching product; the alert job (npm run alerts:run) mails the digest.
    addDemoProduct(`buoi-${word}`, `Bưởi ${word} vụ mới`);
    const job = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/alerts-run.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: e2eDbPath, PUBLIC_ORIGIN: e2eBaseURL, NODE_ENV: "production" },
      encoding: "utf8",
    });
    expect(job.status, job.stderr).toBe(0);
    const read = e2eDb();
    let text: string;
    try {
      const mail = read.prepare("select subject, text from outbox where \"to\" = ? order by id desc limit 1").get(buyer.email) as { subject: string; text: string } | undefined;
      expect(mail?.subject).toContain(`Theo dõi ${word}`);
      text = mail!.text;
    } finally {
      read.close();
    }
    expect(text).toContain(`Bưởi ${word} vụ mới`);
    const link = text.match(/https?:\/\/\S+\/alerts\/unsubscribe\/[A-Za-z0-9_-]+/)![0];

    // Opened where nobody is logged in: a confirmation page first, then the alerts stop.
    const anonymous = await browser.newContext();
    const mailPage = await anonymous.newPage();
    await mailPage.goto(new URL(link).pathname);
    await expect(mailPage.getByRole("heading", { level: 1, name: "Tắt thư báo cho tìm kiếm đã lưu" })).toBeVisible();
    await expectAccessible(mailPage);
    await mailPage.getByRole("button", { name: "Tắt thư báo" }).click();
    await expect(mailPage.getByText(`Đã tắt thư báo cho “Theo dõi ${word}”`)).toBeVisible();
    await anonymous.close();

    await page.goto("/account/saved-searches");
    await expect(page.getByText("Đã tắt thư báo")).toBeVisible();
  });
});
