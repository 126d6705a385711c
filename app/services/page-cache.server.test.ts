import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, createPageCache, pageBody, pageCacheKey } from "./page-cache.server";

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });
const page = (body: string, headers: [string, string][] = [["content-type", "text/html; charset=utf-8"]], nonce?: string) => ({ status: 200, headers, body: Buffer.from(body), nonce });

function world(maxBytes = 64 * 1024) {
  const state = { generation: 1, day: "2026-12-03", now: 1_000_000 };
  const cache = createPageCache({ generation: () => state.generation, today: () => state.day, now: () => state.now, maxBytes, maxAgeMs: 60_000 });
  return { state, cache };
}

describe("page cache keys", () => {
  it("keys anonymous GETs by language and exact path and query", () => {
    expect(pageCacheKey(get("/t/1"))).toBe("vi /t/1");
    expect(pageCacheKey(get("/t/1?x=1", { "accept-language": "en-GB,en;q=0.9" }))).toBe("en /t/1?x=1");
    expect(pageCacheKey(get("/t/1", { cookie: "lang=en" }))).toBe("en /t/1");
  });
  it("never keys a signed-in visitor, another method, a .data request or an odd URL", () => {
    expect(pageCacheKey(get("/t/1", { cookie: "lang=vi; __session=abc" }))).toBeNull();
    expect(pageCacheKey({ ...get("/t/1"), method: "POST" })).toBeNull();
    expect(pageCacheKey({ ...get("/t/1"), method: "HEAD" })).toBeNull();
    expect(pageCacheKey(get("/search.data?q=buoi"))).toBeNull();
    expect(pageCacheKey(get("/products/1.data"))).toBeNull();
    expect(pageCacheKey(get("http://evil.example/t/1"))).toBeNull();
    expect(pageCacheKey(get(`/search?q=${"a".repeat(3000)}`))).toBeNull();
  });
  it("reads gzip from Accept-Encoding, honouring q=0", () => {
    expect(acceptsGzip(get("/", { "accept-encoding": "gzip, deflate, br" }))).toBe(true);
    expect(acceptsGzip(get("/", { "accept-encoding": "br;q=1, gzip;q=0.5" }))).toBe(true);
    expect(acceptsGzip(get("/", { "accept-encoding": "gzip;q=0" }))).toBe(false);
    expect(acceptsGzip(get("/", { "accept-encoding": "identity" }))).toBe(false);
    expect(acceptsGzip(get("/"))).toBe(false);
  });
});

describe("page cache entries", () => {
  it("serves a stored page to the next request of the same generation and day", () => {
    const { cache } = world();
    const t = cache.begin(get("/t/1"))!;
    expect(cache.lookup(t)).toBeNull();
    expect(cache.store(t, page("<p>lot</p>"))).toBe(true);
    const hit = cache.lookup(cache.begin(get("/t/1"))!);
    expect(hit?.pieces.map(String)).toEqual(["<p>lot</p>"]);
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });
  });
  it("is not served after any watched write, a new day or its maximum age", () => {
    const { state, cache } = world();
    cache.store(cache.begin(get("/a"))!, page("a"));
    state.generation = 2;
    expect(cache.lookup(cache.begin(get("/a"))!)).toBeNull();

    cache.store(cache.begin(get("/b"))!, page("b"));
    state.day = "2026-12-04";
    expect(cache.lookup(cache.begin(get("/b"))!)).toBeNull();

    cache.store(cache.begin(get("/c"))!, page("c"));
    state.now += 60_001;
    expect(cache.lookup(cache.begin(get("/c"))!)).toBeNull();
    expect(cache.stats().entries).toBe(0);
  });
  it("keeps a page rendered while a write landed under the older generation, so it is never served", () => {
    const { state, cache } = world();
    const ticket = cache.begin(get("/t/9"))!; // the request starts in generation 1 …
    state.generation = 2; // … a recall commits while its loaders run …
    cache.store(ticket, page("<p>not recalled</p>")); // … and the page it rendered is stale
    expect(cache.lookup(cache.begin(get("/t/9"))!)).toBeNull();
  });
  it("refuses what may not be kept: other statuses, Set-Cookie, bodies too large", () => {
    const { cache } = world();
    const t = cache.begin(get("/x"))!;
    expect(cache.store(t, { ...page("x"), status: 404 })).toBe(false);
    expect(cache.store(t, page("x", [["Set-Cookie", "a=b"]]))).toBe(false);
    expect(cache.store(t, page("x".repeat(8 * 1024)))).toBe(false);
    expect(cache.stats().entries).toBe(0);
  });
  it("drops per-response headers and keeps the page's own, several values of one name together", () => {
    const { cache } = world();
    const t = cache.begin(get("/p"))!;
    cache.store(t, page("p", [["Content-Type", "text/html"], ["ETag", '"abc"'], ["Content-Security-Policy", "x"], ["Link", "<a>"], ["Link", "<b>"], ["Content-Length", "1"]]));
    const hit = cache.lookup(cache.begin(get("/p"))!)!;
    expect(hit.headers).toEqual([["content-type", "text/html"], ["etag", '"abc"'], ["link", ["<a>", "<b>"]]]);
    expect(hit.etag).toBe('"abc"');
  });
  it("evicts the least recently used page when over its byte budget", () => {
    const { cache } = world();
    const body = "x".repeat(3 * 1024); // 6.5 KB accounted each (a page may take an eighth of the budget): nine fit in 64 KB
    const keys = ["/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9"];
    for (const k of keys) expect(cache.store(cache.begin(get(k))!, page(body))).toBe(true);
    expect(cache.stats().entries).toBe(9);
    expect(cache.lookup(cache.begin(get("/1"))!)).not.toBeNull(); // /1 becomes the most recent
    cache.store(cache.begin(get("/10"))!, page(body));
    expect(cache.lookup(cache.begin(get("/2"))!)).toBeNull();
    for (const k of [...keys.filter((k) => k !== "/2"), "/10"]) expect(cache.lookup(cache.begin(get(k))!), k).not.toBeNull();
    expect(cache.stats().bytes).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("page bodies", () => {
  it("joins the pieces around each answer's own nonce", () => {
    const { cache } = world();
    const t = cache.begin(get("/s"))!;
    cache.store(t, page('<script nonce="N1">a</script><script nonce="N1">b</script>', undefined, "N1"));
    const hit = cache.lookup(cache.begin(get("/s"))!)!;
    expect(hit.pieces).toHaveLength(3);
    expect(String(pageBody(hit, "N2", false).body)).toBe('<script nonce="N2">a</script><script nonce="N2">b</script>');
    const zipped = pageBody(hit, "N3", true);
    expect(zipped.gzipped).toBe(true);
    expect(String(zlib.gunzipSync(zipped.body))).toBe('<script nonce="N3">a</script><script nonce="N3">b</script>');
  });
  it("splices a page's deflated pieces around the nonce: gunzip (which checks CRC and length) reads the joined page", () => {
    const { cache } = world(16 * 1024 * 1024);
    // Pieces that compress well, are empty (nonce first, two nonces side by side) and exceed a stored block's 64 KB.
    const big = "<p>Bưởi da xanh Bến Tre · VietGAP</p>".repeat(3000);
    const html = `N1<script nonce="N1">${big}</script>N1N1<i>đ</i>${"x".repeat(70_000)}N1`;
    cache.store(cache.begin(get("/big"))!, page(html, undefined, "N1"));
    const hit = cache.lookup(cache.begin(get("/big"))!)!;
    for (const nonce of ["a3F9+/q==", "Zz".repeat(40)]) {
      const zipped = pageBody(hit, nonce, true);
      expect(zipped.gzipped).toBe(true);
      expect(zlib.gunzipSync(zipped.body).toString()).toBe(html.replaceAll("N1", nonce));
      expect(zipped.body.length).toBeLessThan(Buffer.byteLength(html) / 10);
    }
    expect(hit.deflated).not.toBeNull();
  });
  it("gzips a nonce-free page once and reuses it", () => {
    const { cache } = world();
    cache.store(cache.begin(get("/t/2"))!, page("<p>trace</p>"));
    const hit = cache.lookup(cache.begin(get("/t/2"))!)!;
    const a = pageBody(hit, "ignored", true);
    const b = pageBody(hit, "other", true);
    expect(a.body).toBe(b.body);
    expect(String(zlib.gunzipSync(a.body))).toBe("<p>trace</p>");
    expect(String(pageBody(hit, "x", false).body)).toBe("<p>trace</p>");
  });
});
