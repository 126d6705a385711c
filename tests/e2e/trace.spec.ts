import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { demo, e2eDb, expect, expectAccessible, loginAs, test } from "./fixtures";

type LotRow = { id: number; code: string; gtin: string; serialised: number; name: string; coop: string };

/** The demo cooperative's lots, found in the e2e database rather than assumed. */
function demoLots(): LotRow[] {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `select l.id, l.code, p.gtin, l.serialised, p.name_vi as name, o.name as coop from lots l
         join products p on p.id = l.product_id join organisations o on o.id = l.cooperative_id
         where o.slug = 'htx-nong-nghiep-phu-ngai' and p.gtin is not null order by l.id`,
      )
      .all() as LotRow[];
  } finally {
    db.close();
  }
}

const digitalLinkPath = (l: LotRow) => `/01/${l.gtin}/10/${encodeURIComponent(l.code)}`;

test.describe("traceability", () => {
  test("@phone a consumer scans a lot's QR URL and sees where it came from", async ({ page, request }) => {
    const lot = demoLots()[0]!;
    await page.goto(digitalLinkPath(lot));
    await expect(page).toHaveURL(new RegExp(`/t/${lot.id}`));
    await expect(page.getByRole("heading", { level: 1, name: lot.name })).toBeVisible();
    await expect(page.getByText(`Nguồn gốc: ${lot.coop}`, { exact: false })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Hộ thành viên đóng góp" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Dòng thời gian" })).toBeVisible();
    await expect(page.getByText("Thu hoạch", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Trang này là gì?" })).toBeVisible();
    await expectAccessible(page);

    // Small enough for a slow phone: the HTML and the stylesheets it links.
    const response = await request.get(`/t/${lot.id}`);
    const html = await response.text();
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    let bytes = Buffer.byteLength(html);
    for (const href of css) bytes += (await (await request.get(href)).body()).length;
    expect(bytes).toBeLessThan(60_000);
    expect(html).not.toMatch(/(src|href)="https?:\/\/(?!localhost)/);
  });

  test("@phone the trace page works with JavaScript off and warns about a copied serial", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN" });
    const page = await context.newPage();
    const lot = demoLots().find((l) => l.serialised)!;
    const db = e2eDb();
    const copied = db.prepare("select serial, count(*) n from scans where lot_id = ? and serial is not null group by serial order by n desc limit 1").get(lot.id) as { serial: string };
    db.close();
    await page.goto(`${digitalLinkPath(lot)}/21/${encodeURIComponent(copied.serial)}`);
    await expect(page.getByRole("alert").filter({ hasText: "có thể đã bị sao chép" })).toBeVisible();
    await page.getByLabel("Mô tả").fill("Mã QR trên túi giống hệt túi khác, nghi hàng giả.");
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    await expect(page.getByText("Báo cáo đã được gửi")).toBeVisible();
    await context.close();
  });

  test("a cooperative downloads a label PDF whose QR decodes back to the lot's Digital Link", async ({ page }) => {
    const lot = demoLots().find((l) => !l.serialised)!;
    await loginAs(page, demo.cooperative);
    await page.goto(`/dashboard/lots/${lot.id}`);
    await expect(page.getByRole("heading", { name: `Lô ${lot.code}` })).toBeVisible();
    await expectAccessible(page);
    const shown = (await page.locator("code.trace-link").first().textContent())!.trim();
    await page.getByLabel("Khổ nhãn").selectOption("2x5");
    await page.getByLabel("Số nhãn (1–5000)").fill("10");
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("button", { name: "Tải PDF nhãn" }).click();
    const download = await downloadPromise;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "labels-"));
    const pdf = path.join(dir, "labels.pdf");
    await download.saveAs(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    execFileSync("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", pdf, path.join(dir, "page")]);
    const file = fs.readdirSync(dir).find((f) => f.endsWith(".png"))!;
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, file)));
    // The first label only (105 × 59.4 mm at 150 dpi), so the decoder sees one code.
    const w = Math.round((105 / 25.4) * 150);
    const h = Math.round((59.4 / 25.4) * 150);
    const crop = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) crop.set(png.data.subarray((y * png.width) * 4, (y * png.width + w) * 4), y * w * 4);
    const code = jsQR(crop, w, h);
    expect(code?.data).toBe(shown);
    expect(shown).toContain(`/01/${lot.gtin}/10/`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a cooperative creating a lot with too much contributed is told so and keeps its input", async ({ page }) => {
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard/lots");
    await page.getByRole("link", { name: "Tạo lô mới" }).click();
    await page.getByRole("combobox", { name: "Sản phẩm", exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Mã lô").fill(`E2E-${Date.now() % 100000}`);
    await page.getByLabel("Ngày thu hoạch").fill("2026-11-01");
    await page.getByLabel("Ngày đóng gói").fill("2026-11-02");
    await page.getByLabel("Hạn sử dụng").fill("2027-11-02");
    await page.getByLabel("Số lượng", { exact: true }).fill("100");
    await page.getByLabel("Hộ thành viên 1").selectOption({ index: 1 });
    await page.locator("#c-0-qty").fill("150");
    await page.getByRole("button", { name: "Lưu lô hàng" }).click();
    await expect(page.getByText("Tổng số lượng các hộ đóng góp vượt quá số lượng của lô.")).toBeVisible();
    await expect(page.getByLabel("Số lượng", { exact: true })).toHaveValue("100");
    await page.locator("#c-0-qty").fill("90");
    await page.getByRole("button", { name: "Lưu lô hàng" }).click();
    await expect(page).toHaveURL(/\/dashboard\/lots\/\d+$/);
    await expect(page.getByRole("img", { name: /Mã QR GS1 Digital Link/ })).toBeVisible();
  });
});
