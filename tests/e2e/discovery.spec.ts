import crypto from "node:crypto";
import { e2eDb, expect, expectAccessible, test } from "./fixtures";

/** A product of the demo cooperative with a word no other test uses; the triggers index it on insert. */
function insertProduct(nameVi: string, extra: { certificate?: { type: string; expiry: string } } = {}) {
  const db = e2eDb();
  try {
    const coop = db.prepare("select id, province_code from organisations where slug = 'htx-nong-nghiep-phu-ngai'").get() as { id: number; province_code: string };
    const id = Number(
      db
        .prepare(
          "insert into products (cooperative_id, slug, name_vi, category_code, unit, origin_province_code, price, min_order_qty, stock, status, published_at) values (?, ?, ?, 'I.1.a', 'kg', ?, 42000, 10, 500, 'published', ?)",
        )
        .run(coop.id, `e2e-${crypto.randomBytes(4).toString("hex")}`, nameVi, coop.province_code, new Date().toISOString()).lastInsertRowid,
    );
    if (extra.certificate) {
      const cert = Number(
        db
          .prepare("insert into certificates (cooperative_id, type, number, issuer, issue_date, expiry_date, status) values (?, ?, ?, 'FITES', '2024-01-01', ?, 'verified')")
          .run(coop.id, extra.certificate.type, `E2E-${id}`, extra.certificate.expiry).lastInsertRowid,
      );
      db.prepare("insert into certificate_products (certificate_id, product_id) values (?, ?)").run(cert, id);
    }
    return id;
  } finally {
    db.close();
  }
}

const word = () => `Thửnghiệm${crypto.randomBytes(3).toString("hex")}`;
const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").toLowerCase();

test.describe("discovery", () => {
  test("a buyer searches without diacritics, filters by province and certificate, and opens a product", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Tìm sản phẩm, hợp tác xã" }).fill("ca phe");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=ca\+phe/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả cho “ca phe”");
    const results = page.getByRole("list", { name: "Kết quả tìm kiếm" });
    await expect(results.getByRole("link", { name: /Cà phê/ }).first()).toBeVisible();

    // Filters are a plain GET form: the URL holds the whole state.
    await page.goto("/search");
    await page.getByLabel("Tỉnh, thành phố").selectOption("86");
    await page.getByLabel("Chứng nhận", { exact: true }).selectOption("vietgap");
    await page.getByLabel("Chỉ hợp tác xã đã xác minh").check();
    await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
    await expect(page).toHaveURL(/province=86/);
    await expect(page).toHaveURL(/cert=vietgap/);
    await expect(page.getByRole("heading", { name: /\d+ sản phẩm/ })).toBeVisible();
    await expect(page.getByLabel("Tỉnh, thành phố")).toHaveValue("86");
    // Facet counts sit next to the filter values.
    await expect(page.getByLabel("Tỉnh, thành phố").locator("option[value='86']")).toHaveText(/Vĩnh Long \(\d+\)/);
    const first = results.getByRole("article").first();
    await expect(first.getByText("VietGAP")).toBeVisible();
    await expectAccessible(page);

    await first.getByRole("heading").getByRole("link").click();
    await expect(page).toHaveURL(/\/products\/\d+$/);
  });

  test("new products are found by folded text, exact diacritics first, and expired certificates do not count", async ({ page }) => {
    const w = word();
    const coconut = insertProduct(`Dừa sáp ${w}`, { certificate: { type: "globalgap", expiry: "2020-01-01" } });
    const melon = insertProduct(`Dưa lưới ${w}`);
    await page.goto(`/search?q=${encodeURIComponent(`dừa ${w}`)}`);
    const links = page.getByRole("list", { name: "Kết quả tìm kiếm" }).getByRole("heading").getByRole("link");
    await expect(links).toHaveText([`Dừa sáp ${w}`, `Dưa lưới ${w}`]);
    await page.goto(`/search?q=${encodeURIComponent(fold(`dua ${w}`))}`);
    await expect(links).toHaveCount(2);
    expect([coconut, melon].length).toBe(2);
    await page.goto(`/search?q=${encodeURIComponent(fold(w))}&cert=globalgap`);
    await expect(page.getByText("Không tìm thấy sản phẩm phù hợp.")).toBeVisible();
  });

  test("former province names resolve with a notice, bad input is explained", async ({ page }) => {
    await page.goto("/search?province=B%E1%BA%BFn%20Tre");
    await expect(page.getByText("Bến Tre nay thuộc tỉnh Vĩnh Long.")).toBeVisible();
    await expect(page.getByLabel("Tỉnh, thành phố")).toHaveValue("86");

    const res = await page.goto("/search?q=%22*NEAR(-%3A&province=Atlantis&priceMin=900&priceMax=10&page=2");
    expect(res?.status()).toBe(400);
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Không có tỉnh, thành phố “Atlantis”");
    await expect(alert).toContainText("Giá “từ” lớn hơn giá “đến”");

    const past = await page.goto("/search?q=gao&page=300");
    expect(past?.status()).toBe(404);
    await expect(page.getByText(/Trang 300 vượt quá số trang/)).toBeVisible();

    const api = await page.request.get("/api/v1/products?stars=9");
    expect(api.status()).toBe(400);
    expect((await api.json()).error.parameter).toBe("stars");
  });

  test("the cooperative directory and province pages filter by old and new names", async ({ page }) => {
    await page.goto("/cooperatives?province=binh%20duong");
    await expect(page.getByText("Bình Dương nay thuộc thành phố Hồ Chí Minh.")).toBeVisible();
    await expect(page.getByRole("heading", { name: /\d+ hợp tác xã/ })).toBeVisible();
    await page.goto("/provinces");
    await page.getByRole("link", { name: "Tỉnh Đồng Tháp" }).click();
    await expect(page).toHaveURL(/\/provinces\/dong-thap$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nông sản tỉnh Đồng Tháp");
    await page.goto("/provinces/ben-tre");
    await expect(page).toHaveURL(/\/provinces\/vinh-long\?from=ben-tre/);
    await expect(page.getByText("Bến Tre nay thuộc tỉnh Vĩnh Long.")).toBeVisible();
  });

  test("a buyer on a phone searches and filters @phone", async ({ page }) => {
    await page.goto("/search?q=xoai");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả cho “xoai”");
    await expect(page.getByRole("list", { name: "Kết quả tìm kiếm" }).getByRole("link", { name: /Xoài/ }).first()).toBeVisible();
    await page.getByLabel("Còn hàng").check();
    await page.getByLabel("OCOP tối thiểu").selectOption("3");
    await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
    await expect(page).toHaveURL(/inStock=1/);
    await expect(page).toHaveURL(/stars=3/);
    await expect(page.getByRole("heading", { name: /\d+ sản phẩm/ })).toBeVisible();
    const layout = await page.locator(".discovery-layout").boundingBox();
    expect(layout!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  });
});

test.describe("discovery without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the search form is a plain GET form", async ({ page }) => {
    await page.goto("/search");
    await page.getByLabel("Từ khóa").fill("gao");
    await page.getByLabel("Sắp xếp").selectOption("price_asc");
    await page.getByRole("button", { name: "Áp dụng bộ lọc" }).click();
    await expect(page).toHaveURL(/q=gao.*sort=price_asc/);
    await expect(page.getByRole("list", { name: "Kết quả tìm kiếm" }).getByRole("article").first()).toBeVisible();
  });
});
