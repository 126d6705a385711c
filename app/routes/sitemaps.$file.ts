import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapFile } from "~/models/sitemap.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const m = /^(.+)\.xml$/.exec(params.file ?? "");
  const body = m ? sitemapFile(m[1]!) : null;
  if (!body) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
