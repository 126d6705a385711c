import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { devices } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { demo, e2eDb, expect, expectAccessible, loginAs, test } from "./fixtures";

const vnDate = (offsetDays: number) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Renders page 1 of a PDF and decodes the QR code on it. */
function qrOfPdf(file: string) {
  const dir = path.dirname(file);
  execFileSync("pdftoppm", ["-r", "100", "-f", "1", "-l", "1", "-png", file, path.join(dir, "page")]);
  const png = PNG.sync.read(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith(".png"))!)));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

test.describe("trade fairs", () => {
  test("an alliance creates a fair, a cooperative registers, a visitor scans the poster's QR on a phone and leaves a lead that reaches the inbox @phone", async ({ page, browser, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    const name = `Hội chợ Dừa Bến Tre ${testInfo.project.name} ${Date.now() % 100000}`;

    // The Vĩnh Long alliance creates the fair; a reversed date range is refused first, keeping what was typed.
    await loginAs(page, demo.alliance);
    await page.goto("/alliance/fairs");
    await page.getByRole("link", { name: "Tạo hội chợ" }).click();
    await page.getByLabel("Tên hội chợ").fill(name);
    await page.getByLabel("Ngày bắt đầu").fill(vnDate(20));
    await page.getByLabel("Ngày kết thúc").fill(vnDate(18));
    await page.getByLabel("Hạn đăng ký gian hàng").fill(vnDate(10));
    await page.getByLabel("Địa điểm").fill("Nhà văn hóa Phường An Hội, Vĩnh Long");
    await page.getByRole("button", { name: "Lưu hội chợ" }).click();
    await expect(page.getByText("Ngày kết thúc phải cùng hoặc sau ngày bắt đầu.")).toBeVisible();
    await expect(page.getByLabel("Tên hội chợ")).toHaveValue(name);
    await page.getByLabel("Ngày kết thúc").fill(vnDate(22));
    await page.getByRole("button", { name: "Lưu hội chợ" }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText("Đã lưu hội chợ.")).toBeVisible();

    // …and invites the demo cooperative.
    await page.getByLabel("Tìm hợp tác xã theo tên").fill("Phú Ngãi");
    await page.getByRole("button", { name: "Tìm hợp tác xã" }).click();
    await page.getByRole("button", { name: "Mời HTX Nông nghiệp Phú Ngãi" }).click();
    await expect(page.getByText("Đã gửi lời mời.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Đã mời (1)" })).toBeVisible();
    await expectAccessible(page);
    const fairUrl = page.url();

    // The cooperative registers with two of its products.
    await page.context().clearCookies();
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard/fairs");
    await page.getByRole("link", { name }).click();
    const boxes = page.getByRole("group", { name: /Sản phẩm trưng bày/ }).getByRole("checkbox");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const shown = (await boxes.nth(0).locator("xpath=..").textContent())!.trim();
    await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await expect(page.getByText("Đã đăng ký gian hàng.")).toBeVisible();

    // Its booth poster's QR code leads to the booth page.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải áp phích gian hàng (PDF A4)" }).click();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fair-poster-"));
    const pdf = path.join(dir, "poster.pdf");
    await (await downloading).saveAs(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const boothUrl = qrOfPdf(pdf);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(boothUrl).toMatch(new RegExp(`^${baseURL}/fairs/\\d+/booths/\\d+$`));

    // A visitor without an account scans it on a phone.
    const phone = await browser.newContext({ ...devices["Pixel 7"], locale: "vi-VN" });
    const visitor = await phone.newPage();
    await visitor.goto(boothUrl!);
    await expect(visitor.getByRole("heading", { name: "HTX Nông nghiệp Phú Ngãi", level: 1 })).toBeVisible();
    await expect(visitor.getByRole("link", { name: shown, exact: true })).toBeVisible();
    await expectAccessible(visitor);
    const lead = `Chị Thảo ${Date.now() % 100000}`;
    await visitor.getByLabel("Họ và tên").fill(lead);
    await visitor.getByLabel("Doanh nghiệp, cửa hàng (nếu có)").fill("Cửa hàng Trái cây Thảo");
    await visitor.getByLabel("Số điện thoại").fill("0123 45");
    await visitor.getByLabel("Bạn quan tâm đến gì?").fill("Bưởi da xanh 100 kg mỗi tuần");
    await visitor.getByRole("checkbox", { name: /Tôi đồng ý/ }).check();
    await visitor.getByRole("button", { name: "Gửi liên hệ" }).click();
    await expect(visitor.getByText(/Số điện thoại không đúng định dạng Việt Nam/)).toBeVisible();
    await expect(visitor.getByLabel("Họ và tên")).toHaveValue(lead);
    await visitor.getByLabel("Số điện thoại").fill("0912 345 678");
    await visitor.getByRole("button", { name: "Gửi liên hệ" }).click();
    await expect(visitor.getByText("Đã gửi. HTX Nông nghiệp Phú Ngãi sẽ liên hệ lại với bạn.")).toBeVisible();
    // The fair page lists the booth; it is checked for accessibility on the phone too.
    await visitor.getByRole("link", { name: /^← / }).click();
    await expect(visitor.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(visitor.getByRole("link", { name: "HTX Nông nghiệp Phú Ngãi" })).toBeVisible();
    await expectAccessible(visitor);
    await phone.close();

    // The lead is in the cooperative's inbox.
    await page.goto("/dashboard/inquiries");
    await page.getByRole("link", { name: `Khách hội chợ: ${lead} tại ${name}` }).click();
    await expect(page.getByText("0912 345 678")).toBeVisible();

    // And the organiser sees it among the fair's results.
    await page.context().clearCookies();
    await loginAs(page, demo.alliance);
    await page.goto(fairUrl);
    await expect(page.getByRole("region", { name: "Khách để lại liên hệ" }).getByText(lead)).toBeVisible();
    const db = e2eDb();
    try {
      const row = db.prepare("select l.phone, l.consent from fair_leads l join fairs f on f.id = l.fair_id where f.name = ? and l.name = ?").get(name, lead) as { phone: string; consent: number };
      expect(row).toEqual({ phone: "+84912345678", consent: 1 });
    } finally {
      db.close();
    }
  });

  test("the public fair page filters booths and the organiser's page refuses a cooperative", async ({ page }) => {
    await page.goto("/fairs");
    await page.getByRole("link", { name: "Hội chợ Nông sản – OCOP Vĩnh Long 2026" }).click();
    await expect(page.getByText("5 trên 5 gian hàng")).toBeVisible();
    await page.getByText("Lọc gian hàng").click();
    await page.getByLabel("Tên hợp tác xã hoặc sản phẩm").fill("keo dua");
    await page.getByRole("button", { name: "Lọc", exact: true }).click();
    await expect(page.getByText("1 trên 5 gian hàng")).toBeVisible();
    await expect(page.getByRole("link", { name: "HTX Kẹo dừa Mỏ Cày" })).toBeVisible();
    await expectAccessible(page);
    await loginAs(page, demo.cooperative);
    const response = await page.goto("/alliance/fairs");
    expect(response?.status()).toBe(403);
  });
});
