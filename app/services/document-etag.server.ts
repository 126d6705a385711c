import crypto from "node:crypto";
import type { EntryContext } from "@remix-run/node";

/*
 * Revalidation for pages that can afford it: a route whose `handle` has `etag: true` is rendered whole, and the
 * response carries a weak ETag of the exact bytes. A browser that sends the same ETag back gets a 304 without the
 * body. Because the ETag is the hash of the page itself, it changes whenever anything shown changes (a recall, a
 * certificate decided or expired, a new day, the language or the signed-in header), so it can never serve stale
 * state; `Cache-Control: no-cache` (set by the route) makes the browser ask every time.
 */
export function wantsDocumentEtag(request: Request, status: number, context: EntryContext) {
  if (request.method !== "GET" || status !== 200) return false;
  return context.staticHandlerContext.matches.some((m) => (context.routeModules[m.route.id]?.handle as { etag?: boolean } | undefined)?.etag === true);
}

/** Does `If-None-Match` name this ETag (the weak comparison, as for GET)? */
export function etagMatches(ifNoneMatch: string | null, etag: string | null) {
  if (!etag) return false;
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === bare;
  });
}

export function documentEtagResponse(request: Request, html: string, headers: Headers, status: number) {
  const etag = `W/"${crypto.createHash("sha256").update(html).digest("base64url").slice(0, 27)}"`;
  headers.set("ETag", etag);
  if (etagMatches(request.headers.get("If-None-Match"), etag)) {
    headers.delete("Content-Type");
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(html, { status, headers });
}
