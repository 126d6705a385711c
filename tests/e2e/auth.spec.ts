import { demo, e2eDb, expect, expectAccessible, loginAs, test, uniqueEmail, uniqueTaxCode } from "./fixtures";

test.describe("accounts", () => {
  test("a cooperative signs up, lands on its dashboard, logs out and in again", async ({ page }) => {
    const email = uniqueEmail("htx");
    await page.goto("/signup");
    await page.getByLabel("Hợp tác xã / tổ hợp tác").check();
    await page.getByLabel("Tên tổ chức").fill("HTX Thử nghiệm Bưởi Xanh");
    await page.getByLabel("Loại hình").selectOption("htx");
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Tỉnh Vĩnh Long" });
    await page.getByLabel("Họ và tên").fill("Võ Thị Lan");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill("buoi-xanh-2026");
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("heading", { name: "HTX Thử nghiệm Bưởi Xanh" })).toBeVisible();
    await expect(page.getByText("Đang chờ Liên minh HTX xác minh")).toBeVisible();

    await page.getByLabel("Tài khoản của Võ Thị Lan").click();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page.getByText("Bạn đã đăng xuất.")).toBeVisible();

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill("buoi-xanh-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
  });

  test("a buyer with a malformed tax code is told so and keeps what they typed", async ({ page }) => {
    const email = uniqueEmail("buyer");
    await page.goto("/signup");
    await page.getByLabel("Doanh nghiệp thu mua").check();
    await page.getByLabel("Tên tổ chức").fill("Công ty TNHH Thử Mua");
    await page.getByLabel("Mã số thuế").fill("12345");
    await page.getByLabel("Loại doanh nghiệp").selectOption("supermarket");
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thành phố Hà Nội" });
    await page.getByLabel("Họ và tên").fill("Đỗ Quang Huy");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill("mua-hang-2026");
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(page.getByText(/Mã số thuế phải gồm 10 chữ số/)).toBeVisible();
    await expect(page.getByLabel("Tên tổ chức")).toHaveValue("Công ty TNHH Thử Mua");
    await page.getByLabel("Mã số thuế").fill(`${uniqueTaxCode()}-002`);
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("heading", { name: "Công ty TNHH Thử Mua" })).toBeVisible();
  });

  test("without JavaScript the server answers a duplicate email with 409 and keeps the input", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/signup");
    await page.getByLabel("Tên tổ chức").fill("HTX Trùng Email");
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Tỉnh Gia Lai" });
    await page.getByLabel("Họ và tên").fill("Người Thử");
    await page.getByLabel("Email").fill(demo.cooperative);
    await page.getByLabel("Mật khẩu").fill("trung-email-2026");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/signup") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Tạo tài khoản" }).click(),
    ]);
    expect(response.status()).toBe(409);
    await expect(page.getByText("Email này đã có tài khoản.", { exact: false })).toBeVisible();
    await expect(page.getByLabel("Tên tổ chức")).toHaveValue("HTX Trùng Email");
    await expect(page.getByLabel("Mật khẩu")).toHaveValue("");
    await context.close();
  });

  test("a wrong password is refused without saying whether the email exists", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("khong-ton-tai@e2e.chohtx.vn");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau-1");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByText("Email hoặc mật khẩu không đúng.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("khong-ton-tai@e2e.chohtx.vn");
  });

  test("repeated failures for one account are throttled with a time to retry", async ({ page, request }) => {
    const email = uniqueEmail("throttle");
    for (let i = 0; i < 5; i++) {
      const r = await request.post("/login", { form: { email, password: `wrong-pass-${i}` } });
      expect(r.status()).toBe(401);
    }
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill("wrong-pass-again-1");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/login") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Đăng nhập" }).click(),
    ]);
    expect(response.status()).toBe(429);
    await expect(page.getByText(/Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d{1,2}:\d{2}/)).toBeVisible();
  });

  test("a password reset goes through the outbox and the link works once", async ({ page, browser, request }) => {
    const email = uniqueEmail("reset");
    const signup = await request.post("/signup", {
      form: { kind: "buyer", orgName: "Công ty Quên Mật Khẩu", taxCode: uniqueTaxCode(), buyerType: "other", provinceCode: "01", name: "Người Quên", email, password: "mat-khau-cu-2026" },
      maxRedirects: 0,
    });
    expect(signup.status()).toBe(302);
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Gửi liên kết" }).click();
    await expect(page.getByText(/Nếu email này có tài khoản/)).toBeVisible();

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await loginAs(adminPage, demo.admin);
    await adminPage.goto("/admin/outbox");
    const mail = adminPage.getByRole("article", { name: "Đặt lại mật khẩu Chợ HTX" }).filter({ hasText: email }).first();
    const link = await mail.getByRole("link").first().getAttribute("href");
    expect(link).toMatch(/\/reset-password\//);
    await admin.close();

    const path = new URL(link!).pathname;
    await page.goto(path);
    await page.getByLabel("Mật khẩu mới").fill("short");
    await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
    await expect(page.getByText("Mật khẩu cần ít nhất 10 ký tự.")).toBeVisible();
    await page.getByLabel("Mật khẩu mới").fill("mat-khau-moi-2026");
    await page.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
    await expect(page.getByText("Đã đổi mật khẩu.", { exact: false })).toBeVisible();

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill("mat-khau-moi-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/dashboard/);

    // The same link cannot be used twice.
    const again = await page.goto(path);
    expect(again?.status()).toBe(400);
    await expect(page.getByText(/không hợp lệ, đã hết hạn hoặc đã được dùng/)).toBeVisible();
  });

  test("a redirectTo pointing to another site is not followed", async ({ page }) => {
    await page.goto("/login?redirectTo=https://evil.example/steal");
    await page.getByLabel("Email").fill(demo.cooperative);
    await page.getByLabel("Mật khẩu").fill(demo.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/dashboard/);
  });

  test("a POST from another origin is refused with 403 and writes nothing", async ({ request }) => {
    const email = uniqueEmail("csrf");
    const response = await request.post("/signup", {
      headers: { Origin: "https://evil.example" },
      form: { kind: "buyer", orgName: "Evil Co", taxCode: "0101010101", buyerType: "other", provinceCode: "01", name: "Evil", email, password: "evil-password-1" },
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("trang web khác");
    const db = e2eDb();
    expect(db.prepare("select count(*) n from users where email = ?").get(email)).toEqual({ n: 0 });
    db.close();
  });
});

test.describe("site", () => {
  test("the language switch persists and sets <html lang>", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await page.getByRole("button", { name: "Chuyển sang tiếng Anh" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Products" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Certified produce, bought straight from cooperatives");
    await page.getByRole("button", { name: "Switch to Vietnamese" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  });

  test("a first visit follows Accept-Language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await context.close();
  });

  test("an unknown page answers 404 with a helpful page", async ({ page }) => {
    const response = await page.goto("/khong-co-trang-nay");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Về trang chủ" })).toBeVisible();
  });

  test("health check answers after a database query", async ({ request }) => {
    const r = await request.get("/healthz");
    expect(r.status()).toBe(200);
    expect(await r.json()).toMatchObject({ status: "ok", database: "ok", provinces: 34 });
  });

  test("security headers are sent", async ({ request }) => {
    const r = await request.get("/");
    expect(r.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(r.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("key pages have no serious accessibility violations", async ({ page }) => {
    for (const path of ["/", "/login", "/signup", "/forgot-password"]) {
      await page.goto(path);
      await expectAccessible(page);
    }
    await loginAs(page, demo.cooperative);
    for (const path of ["/dashboard", "/dashboard/team", "/account"]) {
      await page.goto(path);
      await expectAccessible(page);
    }
  });

  test("@phone the header works at phone size", async ({ page }) => {
    await page.goto("/");
    const search = page.getByRole("searchbox", { name: "Tìm sản phẩm, hợp tác xã" });
    await expect(search).toBeVisible();
    await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expectAccessible(page);
  });
});
