import zlib from "node:zlib";
import type { AppLoadContext } from "@remix-run/node";
import { detectLocale } from "~/i18n/locale";

export { etagMatches } from "./document-etag.server";

/*
 * Rendered public pages, kept per process and served again without running Remix or React.
 *
 * What is cached: a response that a route opted into (`handle.pageCache`, or the products API), to a GET from a
 * visitor who is not signed in, with status 200 and no Set-Cookie. The key is the language the page was rendered in
 * and the exact path and query. An entry is served only while
 *   - `page_generation` is what it was when the request that rendered it began: triggers bump it in the writer's
 *     transaction on every table a cached page shows (db/page-cache-tables.ts), so a recall, a certificate decision
 *     or a price change made through any worker process is seen by the next request in every process;
 *   - the Viet Nam date is the same (certificates are valid or expired by the day);
 *   - it is younger than `maxAgeMs` (a bound, not the mechanism).
 * The generation is read before the loaders run: a write that lands while a page renders leaves the entry with the
 * older generation, so it is never served.
 *
 * The CSP nonce differs per response: the body is kept split at the nonce it was rendered with, and each answer
 * joins the pieces around its own. Pages without a nonce (the trace page has no scripts) are kept whole, with their
 * gzip made once; pages with one keep each piece deflated once, and a gzipped answer is those pieces spliced around
 * the nonce as a stored block (see `splicedGzip`), so no answer runs the compressor.
 */

/**
 * A route lets its page be cached with `handle.pageCache`: `true`, or a test of its loader data (e.g. only once the
 * counts are final). It promises that, for a visitor who is not signed in, the page depends only on the URL, the
 * language, today's date and the tables in db/page-cache-tables.ts.
 */
export type PageCacheHandle<D = never> = { pageCache: true | ((data: D) => boolean) };

export type PageCacheTicket = { key: string; generation: number; day: string };

export type CachedPage = {
  status: number;
  /** One entry per header name, several values as an array (for `setHeader`). */
  headers: [string, string | string[]][];
  pieces: Buffer[];
  /** Made on first use: the whole page gzipped (no nonce), or each piece deflated for splicing (with a nonce). */
  gzip: Buffer | null;
  deflated: Buffer[] | null;
  etag: string | null;
  generation: number;
  day: string;
  storedAt: number;
  bytes: number;
};

export type PageRequest = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/** A resource route (the products API) lets server.js keep its answer: the context is the request's own. */
export function allowPageCache(context: AppLoadContext) {
  context.pageCache = true;
}

/** Response headers that belong to one answer, not to the page (server.js sets its security headers on each): never kept. */
const perResponse = new Set([
  "set-cookie",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "content-security-policy",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "permissions-policy",
  "strict-transport-security",
  "x-worker",
  "x-page-cache",
]);

const header = (req: PageRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(", ") : (v ?? null);
};

/** The cache key of a request, or null when it may not be answered from the cache (not GET, signed in, odd URL). */
export function pageCacheKey(req: PageRequest): string | null {
  if (req.method !== "GET" || !req.url || req.url.length > 2048 || !req.url.startsWith("/")) return null;
  const cookie = header(req, "cookie");
  if (cookie && /(?:^|;\s*)__session=/.test(cookie)) return null;
  // Single-fetch data requests and the like carry their own caching rules.
  if (/\.data(?:\?|$)/.test(req.url)) return null;
  return `${detectLocale(cookie, header(req, "accept-language"))} ${req.url}`;
}

/** Does the client take gzip (and not with q=0)? */
export function acceptsGzip(req: PageRequest) {
  const ae = header(req, "accept-encoding");
  return !!ae && /(?:^|,)\s*gzip\s*(?:,|$|;\s*q=(?:1|0\.\d*[1-9]))/i.test(ae);
}

export function createPageCache({
  generation,
  today,
  maxBytes = 64 * 1024 * 1024,
  maxAgeMs = 10 * 60_000,
  now = Date.now,
}: {
  generation: () => number;
  today: () => string;
  maxBytes?: number;
  maxAgeMs?: number;
  now?: () => number;
}) {
  // A Map keeps insertion order: re-inserting on every hit makes its first key the least recently used.
  const entries = new Map<string, CachedPage>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.bytes;
  };

  return {
    /** At the start of a request: its key and the state of the world it will be rendered in, or null. */
    begin(req: PageRequest): PageCacheTicket | null {
      const key = pageCacheKey(req);
      return key ? { key, generation: generation(), day: today() } : null;
    },

    /** The page to answer this ticket with, if one is kept and still true. */
    lookup(ticket: PageCacheTicket): CachedPage | null {
      const e = entries.get(ticket.key);
      if (!e || e.generation !== ticket.generation || e.day !== ticket.day || now() - e.storedAt > maxAgeMs) {
        if (e) drop(ticket.key);
        misses++;
        return null;
      }
      entries.delete(ticket.key);
      entries.set(ticket.key, e);
      hits++;
      return e;
    },

    /** Keeps a rendered response for the ticket it was rendered under. `nonce` is the CSP nonce inside `body`. */
    store(ticket: PageCacheTicket, page: { status: number; headers: [string, string][]; body: Buffer; nonce?: string }) {
      if (page.status !== 200 || page.headers.some(([k]) => k.toLowerCase() === "set-cookie")) return false;
      const size = page.body.length * 2 + 512;
      if (size > maxBytes / 8) return false;
      const pieces = page.nonce ? split(page.body, Buffer.from(page.nonce)) : [page.body];
      const byName = new Map<string, string[]>();
      for (const [k, v] of page.headers) {
        const name = k.toLowerCase();
        if (!perResponse.has(name)) byName.set(name, [...(byName.get(name) ?? []), v]);
      }
      const headers = [...byName].map(([k, v]): [string, string | string[]] => [k, v.length === 1 ? v[0]! : v]);
      const etag = byName.get("etag")?.[0] ?? null;
      drop(ticket.key);
      entries.set(ticket.key, { status: page.status, headers, pieces, gzip: null, deflated: null, etag, generation: ticket.generation, day: ticket.day, storedAt: now(), bytes: size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
      return true;
    },

    stats: () => ({ entries: entries.size, bytes, hits, misses }),
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

function split(body: Buffer, needle: Buffer): Buffer[] {
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    pieces.push(body.subarray(from, at));
    from = at + needle.length;
  }
  pieces.push(body.subarray(from));
  return pieces;
}

/** The bytes of a kept page for one answer: its pieces joined around this answer's nonce, gzipped if asked. */
export function pageBody(page: CachedPage, nonce: string, gzip: boolean): { body: Buffer; gzipped: boolean } {
  if (page.pieces.length === 1) {
    if (!gzip) return { body: page.pieces[0]!, gzipped: false };
    page.gzip ??= zlib.gzipSync(page.pieces[0]!, { level: 6 });
    return { body: page.gzip, gzipped: true };
  }
  const n = Buffer.from(nonce);
  if (gzip && n.length <= 0xffff && typeof zlib.crc32 === "function") {
    page.deflated ??= deflatePieces(page.pieces);
    return { body: splicedGzip(page.pieces, page.deflated, n), gzipped: true };
  }
  const parts: Buffer[] = [];
  page.pieces.forEach((p, i) => {
    if (i) parts.push(n);
    parts.push(p);
  });
  const body = Buffer.concat(parts);
  return gzip ? { body: zlib.gzipSync(body, { level: 4 }), gzipped: true } : { body, gzipped: false };
}

/*
 * A gzip member (RFC 1952) is a header, one DEFLATE stream (RFC 1951) and a trailer holding the CRC-32 and length
 * of the uncompressed data. A DEFLATE stream is a sequence of blocks, and a sync flush ends a block on a byte
 * boundary, so pieces deflated separately with Z_SYNC_FLUSH (the last with Z_FINISH, which sets BFINAL) can be laid
 * end to end, with the nonce between them as a stored block (BTYPE 00: a byte, LEN, ~LEN, the bytes). Each piece
 * loses back-references into the pieces before it (a few hundred bytes on a 47 KB page); nothing is compressed per
 * answer, and the CRC-32 over the joined bytes is the only per-answer pass.
 */
const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

function deflatePieces(pieces: Buffer[]): Buffer[] {
  return pieces.map((p, i) =>
    zlib.deflateRawSync(p, { level: 6, finishFlush: i === pieces.length - 1 ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }),
  );
}

function splicedGzip(pieces: Buffer[], deflated: Buffer[], nonce: Buffer): Buffer {
  const stored = Buffer.alloc(5);
  stored.writeUInt8(0, 0);
  stored.writeUInt16LE(nonce.length, 1);
  stored.writeUInt16LE(~nonce.length & 0xffff, 3);
  const parts: Buffer[] = [gzipHeader];
  let crc = 0;
  let size = 0;
  pieces.forEach((p, i) => {
    if (i) {
      parts.push(stored, nonce);
      crc = zlib.crc32(nonce, crc);
      size += nonce.length;
    }
    parts.push(deflated[i]!);
    crc = zlib.crc32(p, crc);
    size += p.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}
