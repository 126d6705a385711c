import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { expect, expectAccessible, loginAs, test } from "./fixtures";

/** The quarter before today's (Viet Nam date), as the dashboard's key: 2026-Q3. */
function lastQuarterKey() {
  const vn = new Date(Date.now() + 7 * 3600_000);
  const q = Math.floor(vn.getUTCMonth() / 3) + 1;
  return q === 1 ? `${vn.getUTCFullYear() - 1}-Q4` : `${vn.getUTCFullYear()}-Q${q - 1}`;
}

test.describe("alliance dashboard", () => {
  test("@phone the Vĩnh Long alliance admin switches to last quarter and downloads the report as XLSX and PDF", async ({ page }) => {
    await loginAs(page, "lienminh@demo.chohtx.vn");
    await page.goto("/alliance/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Bảng số liệu Tỉnh Vĩnh Long" })).toBeVisible();
    await page.getByRole("link", { name: "Quý trước" }).click();
    const key = lastQuarterKey();
    await expect(page).toHaveURL(new RegExp(`key=${key}`));
    await expect(page.getByLabel("Kỳ", { exact: true })).toHaveValue(key);
    const scansCard = page.locator('[data-figure="scans"]');
    await expect(scansCard).toContainText("Lượt quét của người tiêu dùng");
    const shownScans = Number((await scansCard.locator(".alliance-figure-value").textContent())!.replace(/\D/g, ""));
    expect(shownScans).toBeGreaterThan(0);
    // A chart is an image with a name, and its numbers sit in a table behind it.
    await expect(page.getByRole("img", { name: /Lượt quét theo tuần/ })).toBeVisible();

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alliance-"));
    const xlsxDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải báo cáo Excel (XLSX)" }).click();
    const xlsx = path.join(dir, "report.xlsx");
    await (await xlsxDownload).saveAs(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Hợp tác xã", "OCOP", "Đơn hàng theo tháng", "Lượt quét theo tuần", "Chứng nhận sắp hết hạn"]);
    const summary = wb.getWorksheet("Tổng hợp")!;
    expect(String(summary.getCell("A1").value)).toBe("Báo cáo kinh tế tập thể Tỉnh Vĩnh Long");
    let scansInBook: unknown = null;
    summary.eachRow((row) => {
      if (row.getCell(1).value === "Lượt quét của người tiêu dùng") scansInBook = row.getCell(2).value;
    });
    expect(scansInBook).toBe(shownScans);

    const pdfDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải báo cáo PDF" }).click();
    const pdf = path.join(dir, "report.pdf");
    await (await pdfDownload).saveAs(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    execFileSync("pdftoppm", ["-r", "40", "-f", "1", "-l", "2", "-png", pdf, path.join(dir, "page")]);
    const pages = fs.readdirSync(dir).filter((f) => f.endsWith(".png"));
    expect(pages.length).toBe(2);
    for (const file of pages) {
      const png = PNG.sync.read(fs.readFileSync(path.join(dir, file)));
      let inked = 0;
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200) inked++;
      // Text, table rules and the green bars: a blank page would have none.
      expect(inked / (png.width * png.height)).toBeGreaterThan(0.01);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("@phone the dashboard has no serious accessibility violations and works at 360 px", async ({ page }) => {
    await loginAs(page, "lienminh@demo.chohtx.vn");
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`/alliance/dashboard?key=${lastQuarterKey()}`);
    await expect(page.getByRole("heading", { level: 2, name: "Đơn hàng" })).toBeVisible();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
  });

  test("a reversed custom range is refused with the dates kept, and a figure opens its list", async ({ page }) => {
    await loginAs(page, "lienminh@demo.chohtx.vn");
    await page.goto("/alliance/dashboard");
    await page.getByLabel("Kỳ", { exact: true }).selectOption("custom");
    await page.getByLabel("Từ ngày").fill("2026-05-10");
    await page.getByLabel("Đến ngày").fill("2026-05-01");
    await page.getByRole("button", { name: "Xem số liệu" }).click();
    await expect(page.getByRole("alert")).toHaveText("Ngày kết thúc đứng trước ngày bắt đầu. Hãy đổi lại hai ngày.");
    await expect(page.getByLabel("Từ ngày")).toHaveValue("2026-05-10");
    await expect(page.getByLabel("Đến ngày")).toHaveValue("2026-05-01");

    await page.goto(`/alliance/dashboard?key=${lastQuarterKey()}`);
    const n = (await page.locator('[data-figure="lots"] .alliance-figure-value').textContent())!.replace(/\D/g, "");
    await page.getByRole("link", { name: "Xem danh sách: Lô hàng đã ghi" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lô hàng đã ghi trong kỳ" })).toBeVisible();
    await expect(page.getByText(`${n} dòng`)).toBeVisible();
    await expectAccessible(page);
  });

  test("@phone the dashboard works without JavaScript: the period form, the charts and their data tables", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await loginAs(page, "lienminh@demo.chohtx.vn");
    await page.goto("/alliance/dashboard");
    await page.getByLabel("Kỳ", { exact: true }).selectOption(lastQuarterKey());
    await page.getByRole("button", { name: "Xem số liệu" }).click();
    await expect(page).toHaveURL(new RegExp(`key=${lastQuarterKey()}`));
    const chart = page.getByRole("img", { name: /Giá trị đơn đã thanh toán theo tháng/ });
    await expect(chart).toBeVisible();
    const figure = page.locator("figure.chart").filter({ has: chart });
    await figure.getByText("Số liệu của biểu đồ").click();
    await expect(figure.getByRole("row")).toHaveCount(13);
    await context.close();
  });

  test("another province's dashboard is forbidden to the Vĩnh Long alliance admin", async ({ page }) => {
    await loginAs(page, "lienminh@demo.chohtx.vn");
    const r = await page.goto("/alliance/dashboard?province=79");
    expect(r?.status()).toBe(403);
  });
});

test.describe("national report", () => {
  test("the platform admin builds the national workbook in the background and downloads it", async ({ page }) => {
    await loginAs(page, "admin@demo.chohtx.vn");
    await page.goto("/alliance/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Bảng số liệu toàn quốc" })).toBeVisible();
    await expect(page.getByRole("region", { name: "So sánh 34 tỉnh, thành" }).getByRole("row")).toHaveCount(35);
    await page.goto("/alliance/reports");
    await page.getByLabel("Kỳ", { exact: true }).fill(lastQuarterKey());
    await page.getByRole("button", { name: "Tải báo cáo Excel (XLSX)" }).click();
    await expect(page).toHaveURL(/\/alliance\/reports\/\d+$/);
    // The page reloads itself (meta refresh) until the file is ready.
    await expect(page.getByRole("link", { name: /Tải tệp/ })).toBeVisible({ timeout: 20_000 });
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /Tải tệp/ }).click();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "national-")), "national.xlsx");
    await (await download).saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("34 tỉnh, thành")!.actualRowCount).toBe(4 + 34);
  });
});
