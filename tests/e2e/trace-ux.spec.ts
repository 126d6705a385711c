import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { e2eDbPath } from "../setup/paths";
import { demo, e2eDb, expect, expectAccessible, loginAs, test } from "./fixtures";

/*
 * Issue 13 (traceability, safety, alliance) and issue 12 (the trace page's weight and caching): each test was
 * written against a finding, at the size where it was found, and fails on the code before the fix.
 */

const BREACH = `exists (select 1 from lot_events s where s.lot_id = l.id and s.type = 'spraying' and s.pre_harvest_interval_days is not null
  and date(s.event_time, '+7 hours', '+' || s.pre_harvest_interval_days || ' days') >
      coalesce((select min(date(h.event_time, '+7 hours')) from lot_events h where h.lot_id = l.id and h.type = 'harvesting'), l.harvest_date))`;

type Lot = { id: number; code: string; harvest: string; name: string; coop: string; slug: string; serialised: number; unit: string };

function lots(where: string): Lot[] {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `select l.id, l.code, l.harvest_date harvest, p.name_vi name, o.name coop, o.slug, l.serialised, p.unit from lots l
         join products p on p.id = l.product_id join organisations o on o.id = l.cooperative_id where ${where} order by l.id`,
      )
      .all() as Lot[];
  } finally {
    db.close();
  }
}
const DEMO = "o.slug = 'htx-nong-nghiep-phu-ngai'";
const flaggedElsewhere = () => lots(`${BREACH} and not ${DEMO}`)[0]!;

function sql<T>(query: string, ...params: unknown[]): T[] {
  const db = e2eDb();
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}
function run(query: string, ...params: unknown[]) {
  const db = e2eDb();
  try {
    return db.prepare(query).run(...params);
  } finally {
    db.close();
  }
}
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test.describe("evidence beside the claim", () => {
  test("the alliance sees a PDF and an image of evidence inside the page, not the browser's error page", async ({ page }) => {
    // A pending Vĩnh Long certificate whose evidence is an uploaded PDF.
    const [cert] = sql<{ id: number }>(
      `select c.id from certificates c join organisations o on o.id = c.cooperative_id where c.status = 'pending' and o.province_code = '86' order by c.id desc limit 1`,
    );
    const dir = path.join(`${e2eDbPath}.uploads`, "documents");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "e2e-evidence.pdf");
    await new Promise<void>((resolve) => {
      const doc = new PDFDocument();
      const out = fs.createWriteStream(file);
      doc.pipe(out);
      doc.text("Giấy chứng nhận VietGAP (bản scan)");
      doc.end();
      out.on("finish", () => resolve());
    });
    const before = sql<{ p: string; m: string }>("select evidence_path p, evidence_mime m from certificates where id = ?", cert!.id)[0]!;
    run("update certificates set evidence_path = 'documents/e2e-evidence.pdf', evidence_mime = 'application/pdf' where id = ?", cert!.id);
    try {
      await loginAs(page, demo.alliance);
      const frameResponse = page.waitForResponse((r) => r.url().endsWith("/uploads/documents/e2e-evidence.pdf"));
      await page.goto(`/alliance/certificates/${cert!.id}`);
      const response = await frameResponse;
      expect(response.status()).toBe(200);
      // The evidence response lets the app's own pages frame it.
      expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
      const frame = page.locator("iframe.catalogue-evidence-frame");
      await expect(frame).toBeVisible();
      // A refused frame is navigated to Chromium's error page; a loaded one keeps the file's address.
      await expect.poll(() => page.frames().map((f) => f.url())).toContainEqual(expect.stringContaining("/uploads/documents/e2e-evidence.pdf"));
      expect(page.frames().some((f) => f.url().startsWith("chrome-error:"))).toBe(false);
    } finally {
      run("update certificates set evidence_path = ?, evidence_mime = ? where id = ?", before.p, before.m, cert!.id);
    }
    // An image evidence renders as an image with real pixels.
    await page.goto("/alliance");
    const img = page.locator(".catalogue-evidence img").first();
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  });
});

test.describe("a food-safety breach", () => {
  test("@phone the consumer page of a lot sprayed inside its interval leads with a clear warning", async ({ page }) => {
    const lot = flaggedElsewhere();
    await page.goto(`/t/${lot.id}`);
    const alert = page.getByRole("alert").filter({ hasText: "Cảnh báo an toàn" });
    await expect(alert).toBeInViewport();
    await expect(alert).toContainText("Movento 150OD");
    await expect(alert).toContainText("thời gian cách ly 7 ngày");
    // The verdict comes before the regulatory list.
    const order = await page.evaluate(() => {
      const verdict = document.querySelector(".trace-verdict");
      const list = document.getElementById("trace-items");
      return !!verdict && !!list && !!(verdict.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    await expectAccessible(page);
  });

  test("a cooperative must confirm a spray inside its interval; the lot is flagged, cannot be labelled or sold until it is withheld", async ({ page, browser }) => {
    const lot = lots(`${DEMO} and l.serialised = 0 and not ${BREACH}`).at(-1)!;
    await loginAs(page, demo.cooperative);
    await page.goto(`/dashboard/lots/${lot.id}`);
    await page.getByLabel("Loại sự kiện").selectOption("spraying");
    await page.getByLabel("Thời gian", { exact: true }).fill(`${addDays(lot.harvest, -2)}T07:00`);
    await page.getByLabel("Xã, phường").fill("Phú Ngãi");
    await page.getByLabel("Người thực hiện").fill("Hộ ông Sáu");
    await page.getByLabel("Công việc").fill("Phun trừ sâu đục trái");
    await page.getByLabel("Thuốc BVTV (khi phun thuốc)").fill("Movento 150OD");
    await page.getByLabel("Thời gian cách ly (ngày)").fill("7");
    await page.getByRole("button", { name: "Lưu sự kiện" }).click();
    // Second step: nothing is saved until the cooperative says yes.
    const confirm = page.getByRole("alert").filter({ hasText: "nằm trong thời gian cách ly" });
    await expect(confirm).toBeVisible();
    expect(sql(`select 1 from lot_events where lot_id = ? and spray_product = 'Movento 150OD' and what = 'Phun trừ sâu đục trái'`, lot.id)).toHaveLength(0);
    await page.getByLabel("Tôi xác nhận thông tin này là đúng và hiểu lô sẽ bị gắn cờ").check();
    await page.getByRole("button", { name: "Xác nhận và lưu" }).click();
    await expect(page.getByRole("heading", { name: "Cảnh báo an toàn thực phẩm: phun thuốc trong thời gian cách ly" })).toBeVisible();
    await expect(page.getByText("Không in được nhãn: lô đang bị gắn cờ", { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: "Tải PDF nhãn" })).toHaveCount(0);
    await expectAccessible(page);

    // Labels and sales are refused with a message.
    const labels = await page.request.get(`/dashboard/lots/${lot.id}/labels.pdf?layout=3x8&count=24`);
    expect(labels.status()).toBe(409);
    expect(await labels.text()).toContain("thời gian cách ly");
    const [order] = sql<{ id: number }>(
      `select o.id from orders o join organisations c on c.id = o.cooperative_id where c.slug = 'htx-nong-nghiep-phu-ngai' and o.status not in ('rejected','cancelled','expired') order by o.id limit 1`,
    );
    const sale = await page.request.post(`/dashboard/orders/${order!.id}`, { form: { intent: "addLot", lotCode: lot.code } });
    expect(sale.status()).toBe(409);
    expect(sql("select 1 from order_lots where order_id = ? and lot_code = ?", order!.id, lot.code)).toHaveLength(0);

    // Flagged on the lots list and the dashboard home.
    await page.goto("/dashboard/lots");
    await expect(page.getByRole("row").filter({ hasText: lot.code }).getByText("Cảnh báo cách ly")).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: new RegExp(`Lô ${lot.code}`) })).toBeVisible();

    // The province's alliance sees it.
    const alliance = await browser.newContext({ locale: "vi-VN" });
    const ap = await alliance.newPage();
    await loginAs(ap, demo.alliance);
    await ap.goto("/alliance/safety");
    await expect(ap.getByRole("link", { name: new RegExp(lot.code) })).toBeVisible();
    await expectAccessible(ap);
    await alliance.close();

    // Withheld, with a note: audited, and the consumer is told.
    await page.goto(`/dashboard/lots/${lot.id}`);
    await page.getByLabel("Ghi chú (bắt buộc: lý do, ai kiểm tra)").nth(1).fill("Không bán lô này; tiêu hủy theo hướng dẫn của cán bộ kỹ thuật");
    await page.getByRole("button", { name: "Dừng bán lô này" }).click();
    await expect(page.getByRole("heading", { name: "Lô đã bị dừng bán" })).toBeVisible();
    expect(sql("select 1 from audit_log where entity = 'lot' and entity_id = ? and action = 'lot.safety.withheld'", lot.id)).toHaveLength(1);
    expect((await page.request.get(`/dashboard/lots/${lot.id}/labels.pdf?layout=3x8&count=24`)).status()).toBe(409);
    await page.goto(`/t/${lot.id}`);
    await expect(page.getByRole("alert").filter({ hasText: "Lô này đã bị HTX dừng bán" })).toContainText("tiêu hủy");
  });
});

/** Words of page 1 of a PDF with their boxes (pdftotext -bbox), in points. */
function pdfWords(pdf: Buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "labels-"));
  const file = path.join(dir, "l.pdf");
  fs.writeFileSync(file, pdf);
  const html = execFileSync("pdftotext", ["-bbox", "-f", "1", "-l", "1", file, "-"]).toString();
  fs.rmSync(dir, { recursive: true, force: true });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, text: m[5]! }));
}

test.describe("labels", () => {
  test("every label carries the producer's name and address, inside its own cell on the 3×8 and 2×5 sheets", async ({ page }) => {
    const lot = lots(`${DEMO} and l.serialised = 0 and not ${BREACH}`)[0]!;
    await loginAs(page, demo.cooperative);
    const MM = 72 / 25.4;
    for (const [layout, count, cols, rows, w, h, top] of [
      ["3x8", 24, 3, 8, 70, 37, 0.5],
      ["2x5", 10, 2, 5, 105, 59.4, 0],
    ] as const) {
      const res = await page.request.get(`/dashboard/lots/${lot.id}/labels.pdf?layout=${layout}&count=${count}`);
      expect(res.status()).toBe(200);
      const words = pdfWords(await res.body());
      // "Sản xuất:" starts the producer line: once per label.
      const starts = words.filter((wd, i) => wd.text === "Sản" && words[i + 1]?.text === "xuất:");
      expect(starts).toHaveLength(count);
      const cells = new Set(starts.map((s) => `${Math.floor(s.x0 / (w * MM))},${Math.floor((s.y0 - top * MM) / (h * MM))}`));
      expect(cells.size).toBe(cols * rows);
      // The producer's name and the province, and no word spills out of its label.
      const text = words.map((wd) => wd.text).join(" ");
      expect(text.split("Phú Ngãi").length - 1).toBeGreaterThanOrEqual(count * 2);
      expect(text.split("Vĩnh Long").length - 1).toBeGreaterThanOrEqual(count);
      for (const wd of words) {
        const col = Math.floor((wd.x0 + 0.5) / (w * MM));
        const row = Math.floor((wd.y0 + 0.5 - top * MM) / (h * MM));
        expect(wd.x1, `${wd.text} inside column ${col}`).toBeLessThanOrEqual((col + 1) * w * MM + 0.5);
        expect(wd.y1, `${wd.text} inside row ${row}`).toBeLessThanOrEqual(top * MM + (row + 1) * h * MM + 0.5);
      }
    }
  });
});

test.describe("the consumer trace page", () => {
  test("@phone its first screen answers genuine? from where? safe? with a short code, not a raw URL", async ({ page }) => {
    const lot = lots(`${DEMO} and l.serialised = 0 and not ${BREACH}`)[0]!;
    await page.goto(`/t/${lot.id}`);
    await expect(page.getByText("Nhật ký không ghi nhận vi phạm thời gian cách ly")).toBeInViewport();
    const glance = page.locator(".trace-glance");
    await expect(glance.getByText("Hàng thật?")).toBeVisible();
    await expect(glance.getByText(`Lô ${lot.code} do ${lot.coop} đăng ký`, { exact: false })).toBeVisible();
    await expect(glance.getByText("Từ đâu?")).toBeVisible();
    await expect(glance).toContainText("Tỉnh Vĩnh Long");
    await expect(glance.getByText("Chứng nhận")).toBeVisible();
    await expect(glance.getByText(/VietGAP · còn hiệu lực|OCOP/).first()).toBeVisible();
    await expect(glance.locator("code", { hasText: lot.code })).toBeVisible();
    // The full Digital Link is one tap away, not printed as the code.
    const visibleText = await page.locator("main").evaluate((el) => (el as HTMLElement).innerText);
    expect(visibleText).not.toMatch(/https?:\/\//);
    await expectAccessible(page);
  });

  test("@phone after reporting a problem without JavaScript the confirmation is where the reader looks", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN", viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const lot = lots(`${DEMO}`)[1]!;
    await page.goto(`/t/${lot.id}`);
    await page.getByLabel("Mô tả").fill("Bao bì bị rách, trái bị dập nhiều.");
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    await expect(page).toHaveURL(/#trace-report$/);
    await expect(page.getByText("Báo cáo đã được gửi")).toBeInViewport();
    await context.close();
  });

  test("@phone a cold first visit loads no script and weighs at most 60 KB", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "vi-VN", isMobile: true });
    const page = await context.newPage();
    const responses: { url: string; type: string; bytes: Promise<number> }[] = [];
    page.on("requestfinished", (request) => {
      responses.push({ url: request.url(), type: request.resourceType(), bytes: request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize) });
    });
    const lot = flaggedElsewhere();
    await page.goto(`/t/${lot.id}`, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const sizes = await Promise.all(responses.map((r) => r.bytes));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(responses.filter((r) => r.type === "script"), "scripts").toEqual([]);
    expect(await page.locator("script").count()).toBe(0);
    expect(total, responses.map((r, i) => `${r.url} ${sizes[i]}`).join("\n")).toBeLessThanOrEqual(60_000);
    await context.close();
  });

  test("is revalidated with an ETag (304) and never served stale after a recall or a certificate decision", async ({ request }) => {
    const lot = lots(`not ${DEMO} and exists (select 1 from certificate_products cp join certificates c on c.id = cp.certificate_id where cp.product_id = l.product_id and c.status = 'verified')`).at(-1)!;
    const first = await request.get(`/t/${lot.id}`);
    expect(first.status()).toBe(200);
    const etag = first.headers()["etag"]!;
    expect(etag).toBeTruthy();
    expect(first.headers()["cache-control"]).toContain("no-cache");
    const again = await request.get(`/t/${lot.id}`, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect((await again.body()).length).toBe(0);

    // A certificate revoked: the page changes, so does its ETag.
    const [cert] = sql<{ id: number; status: string; decided_at: string | null }>(
      `select c.id, c.status, c.decided_at from certificate_products cp join certificates c on c.id = cp.certificate_id join lots l on l.product_id = cp.product_id where l.id = ? and c.status = 'verified' limit 1`,
      lot.id,
    );
    run("update certificates set status = 'revoked', decided_at = ? where id = ?", new Date(Date.now() - 86_400_000).toISOString(), cert!.id);
    let etag2 = "";
    try {
      const revoked = await request.get(`/t/${lot.id}`, { headers: { "If-None-Match": etag } });
      expect(revoked.status()).toBe(200);
      etag2 = revoked.headers()["etag"]!;
      expect(etag2).not.toBe(etag);
      expect(await revoked.text()).toContain("Đã thu hồi");
    } finally {
      run("update certificates set status = ?, decided_at = ? where id = ?", cert!.status, cert!.decided_at, cert!.id);
    }
    // A lot withheld (recalled) by its cooperative: a new ETag and the warning.
    const [coop] = sql<{ id: number }>("select cooperative_id id from lots where id = ?", lot.id);
    const inserted = run("insert into lot_safety_decisions (lot_id, cooperative_id, kind, note) values (?, ?, 'withheld', 'Thu hồi thử nghiệm')", lot.id, coop!.id);
    try {
      const recalled = await request.get(`/t/${lot.id}`, { headers: { "If-None-Match": etag } });
      expect(recalled.status()).toBe(200);
      expect(recalled.headers()["etag"]).not.toBe(etag);
      expect(await recalled.text()).toContain("Thu hồi thử nghiệm");
    } finally {
      run("delete from lot_safety_decisions where id = ?", inserted.lastInsertRowid);
    }
  });

  test("in English the former-province note is translated", async ({ page }) => {
    await page.context().addCookies([{ name: "lang", value: "en", url: test.info().project.use.baseURL! }]);
    const lot = lots(DEMO)[0]!;
    await page.goto(`/t/${lot.id}`);
    await expect(page.getByText("(formerly Bến Tre province)").first()).toBeVisible();
    await expect(page.locator("main")).not.toContainText("trước đây");
    await page.goto(`/cooperatives/${lot.slug}`);
    await expect(page.locator("main")).not.toContainText("trước đây");
  });
});

test.describe("polish", () => {
  test("the language button's accessible name contains its visible label", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("button", { name: /^English/ })).toBeVisible();
  });

  test("diary times on the lot page are shown without seconds", async ({ page }) => {
    const lot = lots(DEMO)[0]!;
    await loginAs(page, demo.cooperative);
    await page.goto(`/dashboard/lots/${lot.id}`);
    const times = await page.locator(".trace-timeline li > p:first-child").allInnerTexts();
    expect(times.length).toBeGreaterThan(2);
    for (const line of times) expect(line).not.toMatch(/\d{1,2}:\d{2}:\d{2}/);
  });

  test("a new lot of a product sold per hộp counts in hộp unless told otherwise", async ({ page }) => {
    const [product] = sql<{ id: number }>(`select p.id from products p join organisations o on o.id = p.cooperative_id where ${DEMO} and p.unit = 'hop' order by p.id limit 1`);
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard/lots/new");
    await page.getByRole("combobox", { name: "Sản phẩm", exact: true }).selectOption(String(product!.id));
    const code = `HOP-${Date.now() % 100000}`;
    await page.getByLabel("Mã lô").fill(code);
    await page.getByLabel("Ngày thu hoạch").fill("2026-11-01");
    await page.getByLabel("Ngày đóng gói").fill("2026-11-02");
    await page.getByLabel("Hạn sử dụng").fill("2027-01-02");
    await page.getByLabel("Số lượng", { exact: true }).fill("120");
    await page.getByRole("button", { name: "Lưu lô hàng" }).click();
    await expect(page).toHaveURL(/\/dashboard\/lots\/\d+$/);
    await expect(page.getByText("120 hộp")).toBeVisible();
  });

  test("verifying asks for a checked box and a note, and goes on to the next item of the queue", async ({ page }) => {
    const pending = sql<{ id: number }>(`select c.id from certificates c join organisations o on o.id = c.cooperative_id where c.status = 'pending' and o.province_code = '86' order by c.created_at, c.id`);
    expect(pending.length).toBeGreaterThan(1);
    const id = pending[0]!.id;
    await loginAs(page, demo.alliance);
    await page.goto(`/alliance/certificates/${id}`);
    await page.getByRole("button", { name: /^Xác minh/ }).click();
    // Nothing happens without the box ticked.
    await expect(page).toHaveURL(new RegExp(`/alliance/certificates/${id}$`));
    expect(sql<{ status: string }>("select status from certificates where id = ?", id)[0]!.status).toBe("pending");
    await page.getByLabel("Ghi chú khi xác minh (không bắt buộc)").fill("Đối chiếu số quyết định với cổng của Sở");
    await page.getByLabel("Tôi đã đối chiếu bằng chứng với thông tin khai báo").check();
    await page.getByRole("button", { name: /^Xác minh/ }).click();
    await expect(page.getByText("Đã ghi nhận quyết định")).toBeVisible();
    await expect(page).toHaveURL(/\/alliance\/certificates\/\d+\?done=certificate-verify$/);
    expect(page.url()).not.toContain(`/alliance/certificates/${id}?`);
    const row = sql<{ status: string; decision_reason: string }>("select status, decision_reason from certificates where id = ?", id)[0]!;
    expect(row).toEqual({ status: "verified", decision_reason: "Đối chiếu số quyết định với cổng của Sở" });
  });
});

test.describe("phones", () => {
  test("@phone the lots list is one readable card per lot: nothing scrolls sideways, scan counts on screen", async ({ page }) => {
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard/lots");
    const width = page.viewportSize()!.width;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const scans = page.locator('td[data-label="Lượt quét"]');
    expect(await scans.count()).toBeGreaterThan(2);
    for (const cell of await scans.all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await expectAccessible(page);
  });

  test("@phone the lot form starts with three member rows and adds one without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN", viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await loginAs(page, demo.cooperative);
    await page.goto("/dashboard/lots/new");
    await expect(page.getByRole("combobox", { name: /^Hộ thành viên \d+$/ })).toHaveCount(3);
    const before = sql<{ n: number }>("select count(*) n from lots")[0]!.n;
    await page.getByLabel("Mã lô").fill("ROWS-E2E");
    await page.getByRole("button", { name: "+ Thêm thành viên" }).click();
    await expect(page.getByRole("combobox", { name: /^Hộ thành viên \d+$/ })).toHaveCount(4);
    await expect(page.getByLabel("Mã lô")).toHaveValue("ROWS-E2E");
    await page.getByRole("button", { name: "Bỏ dòng 2", exact: true }).click();
    await expect(page.getByRole("combobox", { name: /^Hộ thành viên \d+$/ })).toHaveCount(3);
    expect(sql<{ n: number }>("select count(*) n from lots")[0]!.n).toBe(before);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
