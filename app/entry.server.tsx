import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { documentEtagResponse, wantsDocumentEtag } from "./services/document-etag.server";
import { NonceContext } from "./components/nonce";
import { keepSearchCacheWarm } from "./models/search.server";

const ABORT_DELAY = 5_000;

// The production server imports this module once at start: count the hot filter pages off the event loop.
if (process.env.NODE_ENV === "production") keepSearchCacheWarm();

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const bot = isbot(request.headers.get("user-agent") || "");
  if (wantsDocumentEtag(request, responseStatusCode, remixContext)) {
    // Rendered whole, so the response can carry an ETag of its bytes and answer a revalidation with 304.
    const html = renderToString(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
    );
    return documentEtagResponse(request, `<!DOCTYPE html>${html}`, responseHeaders, responseStatusCode);
  }
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [bot ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", path: new URL(request.url).pathname, error: error instanceof Error ? error.stack : String(error) }));
}
