import { expect, type Page } from "@playwright/test";
import { e2eDb } from "./fixtures";

/** Puts `quantity` (default: the minimum order) of a product into a buyer organisation's cart, straight in the database. */
export function putInCart(buyerId: number, product: { id: number; moq: number }, quantity = product.moq) {
  const db = e2eDb();
  try {
    db.prepare("insert into cart_items (buyer_id, product_id, quantity) values (?, ?, ?)").run(buyerId, product.id, quantity);
  } finally {
    db.close();
  }
}

/** Runs one read-only query on the e2e database. */
export function dbGet<T>(sql: string, ...params: unknown[]): T {
  const db = e2eDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

export function dbAll<T>(sql: string, ...params: unknown[]): T[] {
  const db = e2eDb();
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/**
 * Nothing on the page scrolls sideways: neither the document nor any scroll container inside it (a table in an
 * `overflow-x: auto` wrapper that is wider than the phone is the same problem, just hidden). The one exception is a
 * strip of tabs marked `data-scrolls="sideways"` (the dashboard's tabs on a phone), which scrolls by design and
 * keeps the current tab on screen (`expectCurrentTabOnScreen`).
 */
export async function expectNoSidewaysScroll(page: Page) {
  const offenders = await page.evaluate(() => {
    const out: string[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > window.innerWidth + 1) out.push(`document ${doc.scrollWidth}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("main *"))) {
      const style = getComputedStyle(el);
      if (!["auto", "scroll"].includes(style.overflowX) || el.dataset.scrolls === "sideways") continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
    }
    return out;
  });
  expect(offenders).toEqual([]);
}

/** Clicks as a person does: the pointer moves onto the element, presses, and releases where it pressed. */
export async function humanClick(page: Page, locator: ReturnType<Page["locator"]>) {
  await locator.scrollIntoViewIfNeeded();
  const box = (await locator.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.up();
}

/** The dashboard's current tab is on screen (on a phone the tabs are one sideways strip that brings it into view). */
export async function expectCurrentTabOnScreen(page: Page) {
  const current = page.locator(".dashboard-nav a[aria-current='page']");
  await expect(current).toHaveCount(1);
  await expect.poll(async () => {
    const box = await current.boundingBox();
    return !!box && box.x >= 0 && box.x + box.width <= page.viewportSize()!.width;
  }).toBe(true);
}

/** The whole element lies inside the viewport horizontally. */
export async function expectInsideViewport(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = (await locator.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}
