import { getDb } from "~/db.server";
import { env } from "~/env.server";

/** URLs per sitemap file; the protocol allows 50,000, fewer keeps each file small. */
export const SITEMAP_PAGE_SIZE = 10_000;

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function counts() {
  const c = getDb().$client;
  const products = c.prepare("SELECT count(*) FROM search_attrs").pluck().get() as number;
  const coops = c.prepare("SELECT count(*) FROM organisations WHERE kind = 'cooperative' AND status = 'active'").pluck().get() as number;
  return { products, coops };
}

/** The sitemap index: static pages, then product and cooperative pages in files of SITEMAP_PAGE_SIZE. */
export function sitemapIndex() {
  const { products, coops } = counts();
  const files = ["/sitemaps/static.xml"];
  for (let i = 1; i <= Math.max(1, Math.ceil(products / SITEMAP_PAGE_SIZE)); i++) files.push(`/sitemaps/products-${i}.xml`);
  for (let i = 1; i <= Math.max(1, Math.ceil(coops / SITEMAP_PAGE_SIZE)); i++) files.push(`/sitemaps/cooperatives-${i}.xml`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files
    .map((f) => `  <sitemap><loc>${xml(env.PUBLIC_ORIGIN + f)}</loc></sitemap>`)
    .join("\n")}\n</sitemapindex>\n`;
}

function urlset(entries: { loc: string; lastmod?: string | null }[]) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries
    .map((e) => `  <url><loc>${xml(env.PUBLIC_ORIGIN + e.loc)}</loc>${e.lastmod ? `<lastmod>${xml(e.lastmod.slice(0, 10))}</lastmod>` : ""}</url>`)
    .join("\n")}\n</urlset>\n`;
}

/** One sitemap file, or null when the name or page does not exist (404). */
export function sitemapFile(name: string): string | null {
  const c = getDb().$client;
  if (name === "static") {
    const provinces = c.prepare("SELECT slug FROM provinces ORDER BY slug").pluck().all() as string[];
    return urlset([{ loc: "/" }, { loc: "/search" }, { loc: "/cooperatives" }, { loc: "/provinces" }, ...provinces.map((s) => ({ loc: `/provinces/${s}` }))]);
  }
  const m = /^(products|cooperatives)-([1-9]\d{0,5})$/.exec(name);
  if (!m) return null;
  const page = Number(m[2]);
  const offset = (page - 1) * SITEMAP_PAGE_SIZE;
  if (m[1] === "products") {
    // Keyset on the primary key would be faster for very deep pages; OFFSET over an integer index is fine at this size.
    const rows = c
      .prepare("SELECT a.product_id AS id, coalesce(p.updated_at, a.published_at) AS lastmod FROM search_attrs a JOIN products p ON p.id = a.product_id ORDER BY a.product_id LIMIT ? OFFSET ?")
      .all(SITEMAP_PAGE_SIZE, offset) as { id: number; lastmod: string | null }[];
    if (!rows.length && page > 1) return null;
    return urlset(rows.map((r) => ({ loc: `/products/${r.id}`, lastmod: r.lastmod })));
  }
  const rows = c
    .prepare("SELECT slug, coalesce(updated_at, verified_at, created_at) AS lastmod FROM organisations WHERE kind = 'cooperative' AND status = 'active' ORDER BY id LIMIT ? OFFSET ?")
    .all(SITEMAP_PAGE_SIZE, offset) as { slug: string; lastmod: string | null }[];
  if (!rows.length && page > 1) return null;
  return urlset(rows.map((r) => ({ loc: `/cooperatives/${r.slug}`, lastmod: r.lastmod })));
}

export function robotsTxt() {
  return `User-agent: *\nAllow: /\nDisallow: /dashboard\nDisallow: /account\nDisallow: /admin\nDisallow: /alliance\nDisallow: /api/\nDisallow: /login\nDisallow: /signup\n\nSitemap: ${env.PUBLIC_ORIGIN}/sitemap.xml\n`;
}
