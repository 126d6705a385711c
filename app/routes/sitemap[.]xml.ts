import { sitemapIndex } from "~/models/sitemap.server";

export async function loader() {
  return new Response(sitemapIndex(), { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
