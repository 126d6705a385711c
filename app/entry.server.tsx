import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { documentEtagResponse, wantsDocumentEtag } from "./services/document-etag.server";
import { NonceContext } from "./components/nonce";
import { keepSearchCacheWarm } from "./models/search.server";
import { keepAlertsRunning } from "./capabilities/harvest/alerts.server";
import { createPageCache, type PageCacheHandle } from "./services/page-cache.server";
import { pageGeneration } from "./models/page-generation.server";
import { todayInVietnam } from "./lib/certificates";

/**
 * The page cache of this process (app/services/page-cache.server.ts). server.js answers hits before Express and
 * Remix run, and keeps the responses whose load context this entry (or the products API) marks `pageCache`.
 */
export const pageCache = createPageCache({ generation: pageGeneration, today: () => todayInVietnam() });
export { acceptsGzip, etagMatches, pageBody } from "./services/page-cache.server";

function pageCacheAllowed(status: number, headers: Headers, context: EntryContext) {
  if (status !== 200 || headers.has("Set-Cookie")) return false;
  const leaf = context.staticHandlerContext.matches.at(-1);
  if (!leaf) return false;
  const rule = (context.routeModules[leaf.route.id]?.handle as Partial<PageCacheHandle> | undefined)?.pageCache;
  if (rule === true) return true;
  return typeof rule === "function" && (rule as (d: unknown) => boolean)(context.staticHandlerContext.loaderData[leaf.route.id]);
}

const ABORT_DELAY = 5_000;

// The production server imports this module once at start: count the hot filter pages off the event loop.
if (process.env.NODE_ENV === "production") keepSearchCacheWarm();
// Saved-search alerts: fan out queued matches on a worker thread and send due digests every few minutes.
if (process.env.NODE_ENV === "production") keepAlertsRunning();

/**
 * Renders the whole document, then answers with it in one piece. No page defers data (nothing suspends but the
 * single-fetch data script, which resolves within the same render), so streaming the shell first gains nothing, while
 * writing each chunk as React produced it cost one socket write (and, compressed, one zlib flush) per chunk. One
 * buffer also gives the response a Content-Length.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  if (request.method === "GET" && pageCacheAllowed(responseStatusCode, responseHeaders, remixContext)) loadContext.pageCache = true;
  if (wantsDocumentEtag(request, responseStatusCode, remixContext)) {
    // Rendered whole, so the response can carry an ETag of its bytes and answer a revalidation with 304.
    const html = renderToString(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
    );
    return documentEtagResponse(request, `<!DOCTYPE html>${html}`, responseHeaders, responseStatusCode);
  }
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Content-Length", String(body.length));
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Before the shell, onShellError rejects and Remix reports the error itself.
          if (shellRendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", path: new URL(request.url).pathname, error: error instanceof Error ? error.stack : String(error) }));
}
