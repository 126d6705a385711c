import fs from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { count, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { buildDigitalLinkPath, toYymmdd } from "~/lib/digital-link";
import { loader as resolverLoader, action as resolverAction } from "~/routes/01.$";
import { loader as wellKnown } from "~/routes/[.]well-known.gs1resolver";
import { loader as epcisLoader } from "~/routes/api.v1.lots.$lotId.epcis";
import { loader as traceLoader } from "~/routes/t.$lotId";
import { DEMO_COPIED_SERIAL } from "../../db/seed/trace";
import { ORIGIN, demoLot } from "./trace-helpers";

const { lot, product, gtin } = demoLot();
const lotPath = buildDigitalLinkPath({ gtin14: gtin, lot: lot.code });

async function resolve(path: string, init: RequestInit = {}) {
  const request = new Request(`${ORIGIN}${path}`, init);
  const args = { request, params: { "*": path.slice(4) }, context: {} };
  return (request.method === "GET" || request.method === "HEAD" ? resolverLoader(args) : resolverAction(args)) as Promise<Response>;
}

const scans = () => db.select({ n: count() }).from(schema.scans).where(eq(schema.scans.lotId, lot.id)).get()!.n;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const gs1LinksetSchema = JSON.parse(fs.readFileSync("tests/schemas/gs1-linkset-schema.json", "utf8"));
const epcisSchema = JSON.parse(fs.readFileSync("tests/schemas/EPCIS-JSON-Schema.json", "utf8"));

/** The GS1 schema's link object rules, applied to every GS1 link type (the published file nests them wrongly). */
const linkObject = gs1LinksetSchema.properties.linkset.items.properties.patternProperties["^[a-z]+$"];
const strictLinkset = {
  type: "object",
  required: ["linkset"],
  additionalProperties: false,
  properties: {
    linkset: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["anchor", "itemDescription", "https://gs1.org/voc/defaultLink"],
        properties: { anchor: { type: "string", format: "uri" }, itemDescription: { type: "string", minLength: 1 } },
        patternProperties: {
          "^https://gs1\\.org/voc/[A-Za-z]+$": {
            type: "array",
            minItems: 1,
            items: {
              type: "object",
              required: ["href", "title", "type", "hreflang"],
              additionalProperties: false,
              // The published file lists `required` and `additionalProperties` among the properties; keep the real ones.
              properties: { href: linkObject.properties.href, title: linkObject.properties.title, type: linkObject.properties.type, hreflang: linkObject.properties.hreflang },
            },
          },
        },
        additionalProperties: false,
      },
    },
  },
};

describe("GS1 resolver: redirects", () => {
  it("redirects GET to the lot's trace page with 307, passing the query on and pointing to the linkset", async () => {
    const before = scans();
    const res = await resolve(`${lotPath}?17=${toYymmdd(lot.bestBeforeDate)}&utm=qr`, { headers: { "Accept-Language": "en-GB,en;q=0.9", "User-Agent": "Mozilla/5.0 (Linux; Android 13) Mobile Safari" } });
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("Location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${ORIGIN}/t/${lot.id}`);
    expect(location.searchParams.get("17")).toBe(toYymmdd(lot.bestBeforeDate));
    expect(location.searchParams.get("utm")).toBe("qr");
    expect(res.headers.get("Link")).toBe(`<${ORIGIN}${lotPath}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(scans()).toBe(before + 1);
    const last = db.select().from(schema.scans).where(eq(schema.scans.lotId, lot.id)).orderBy(desc(schema.scans.id)).get()!;
    expect(last).toMatchObject({ language: "en", device: "phone", serial: null });
    expect(Object.keys(last).sort()).toEqual(["at", "device", "id", "language", "lotId", "serial"]);
  });

  it("answers HEAD the same way, without a body", async () => {
    const res = await resolve(lotPath, { method: "HEAD" });
    expect(res.status).toBe(307);
    expect(res.headers.get("Location")).toBe(`${ORIGIN}/t/${lot.id}`);
    expect(await res.text()).toBe("");
  });

  it("gives a trailing slash the same answer", async () => {
    const a = await resolve(lotPath, { method: "HEAD" });
    const b = await resolve(`${lotPath}/`, { method: "HEAD" });
    expect(b.status).toBe(a.status);
    expect(b.headers.get("Location")).toBe(a.headers.get("Location"));
    const c = await resolve(`${lotPath}/?linkType=linkset`);
    expect(c.status).toBe(200);
  });

  it("redirects a GTIN alone to the product page, and a 13-digit GTIN with 301 to the 14-digit form", async () => {
    const only = await resolve(`/01/${gtin}`);
    expect(only.status).toBe(307);
    expect(only.headers.get("Location")).toBe(`${ORIGIN}/products/${product.id}`);
    const short = await resolve(`/01/${gtin.slice(1)}/10/${encodeURIComponent(lot.code)}?17=270101`);
    expect(short.status).toBe(301);
    expect(short.headers.get("Location")).toBe(`${ORIGIN}${lotPath}?17=270101`);
  });

  it("redirects to a listed link type, and 404s a type the item does not have", async () => {
    const pip = await resolve(`${lotPath}?linkType=gs1:pip`);
    expect(pip.status).toBe(307);
    expect(pip.headers.get("Location")).toBe(`${ORIGIN}/products/${product.id}`);
    const epcis = await resolve(`${lotPath}?linkType=${encodeURIComponent("https://gs1.org/voc/epcis")}`);
    expect(epcis.headers.get("Location")).toBe(`${ORIGIN}/api/v1/lots/${lot.id}/epcis`);
    const missing = await resolve(`${lotPath}?linkType=gs1:recipeInfo`);
    expect(missing.status).toBe(404);
    const junk = await resolve(`${lotPath}?linkType=nonsense`);
    expect(junk.status).toBe(404);
  });
});

describe("GS1 resolver: linkset", () => {
  for (const [label, path, init] of [
    ["?linkType=linkset", `${lotPath}?linkType=linkset`, {}],
    ["?linkType=all", `${lotPath}?linkType=all`, {}],
    ["Accept: application/linkset+json", lotPath, { headers: { Accept: "application/linkset+json" } }],
  ] as const) {
    it(`answers ${label} with a 200 RFC 9264 linkset that validates`, async () => {
      const before = scans();
      const res = await resolve(path, init);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/linkset+json");
      expect(res.headers.get("Vary")).toMatch(/Accept/);
      expect(res.headers.get("Link")).toMatch(/rel="http:\/\/www\.w3\.org\/ns\/json-ld#context"/);
      expect(res.headers.get("Location")).toBeNull();
      const body = await res.json();
      expect(ajv.validate(gs1LinksetSchema, body), ajv.errorsText()).toBe(true);
      expect(ajv.validate(strictLinkset, body), ajv.errorsText()).toBe(true);
      const set = body.linkset[0];
      expect(set.anchor).toBe(`${ORIGIN}${lotPath}`);
      expect(set["https://gs1.org/voc/defaultLink"]).toHaveLength(1);
      expect(set["https://gs1.org/voc/defaultLink"][0].title).toBeTruthy();
      for (const type of ["pip", "traceability", "certificationInfo", "epcis"]) {
        const links = set[`https://gs1.org/voc/${type}`];
        expect(links?.length, type).toBeGreaterThan(0);
        for (const l of links) {
          expect(l.title).toBeTruthy();
          expect(l.type).toMatch(/\//);
          expect(l.hreflang.length).toBeGreaterThan(0);
        }
      }
      expect(scans()).toBe(before);
    });
  }

  it("names the item in each linkset entry (itemDescription): product and lot, in the scanner's language", async () => {
    const vi = (await (await resolve(`${lotPath}?linkType=linkset`, { headers: { "Accept-Language": "vi" } })).json()).linkset[0];
    expect(vi.itemDescription).toBe(`${product.nameVi}, lô ${lot.code}`);
    const en = (await (await resolve(`${lotPath}?linkType=linkset`, { headers: { "Accept-Language": "en" } })).json()).linkset[0];
    expect(en.itemDescription).toBe(`${product.nameEn ?? product.nameVi}, lot ${lot.code}`);
    // The product-level linkset (GTIN alone) names the product.
    const gtinOnly = await resolve(`/01/${gtin}?linkType=linkset`, { headers: { "Accept-Language": "vi" } });
    expect(gtinOnly.status).toBe(200);
    const entry = (await gtinOnly.json()).linkset[0];
    expect(entry.itemDescription).toBe(product.nameVi);
    expect(ajv.validate(strictLinkset, { linkset: [entry] }), ajv.errorsText()).toBe(true);
    expect(ajv.validate(strictLinkset, { linkset: [{ ...entry, itemDescription: undefined }] })).toBe(false);
  });

  it("links the JSON-LD context to a document we serve", async () => {
    const res = await resolve(`${lotPath}?linkType=linkset`);
    expect(res.headers.get("Link")).toContain(`<${ORIGIN}/api/v1/linkset-context>`);
  });
});

describe("GS1 resolver: CORS and description", () => {
  it("answers OPTIONS with CORS headers", async () => {
    const res = await resolve(lotPath, { method: "OPTIONS", headers: { Origin: "https://scanner.example", "Access-Control-Request-Method": "GET" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD, OPTIONS");
  });

  it("publishes /.well-known/gs1resolver", async () => {
    const res = (await wellKnown()) as Response;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.resolverRoot).toBe(ORIGIN);
    expect(body.supportedPrimaryKeys).toEqual(["01"]);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("GS1 resolver: errors are never 200 and never 500", () => {
  const bad = [
    ["bad check digit", `/01/${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}`],
    ["non-digits", `/01/0893104100001X`],
    ["wrong length", `/01/0893104100`],
    ["lot over 20 characters", `/01/${gtin}/10/${"A".repeat(21)}`],
    ["lot outside the GS1 set", `/01/${gtin}/10/A%201`],
    ["lot with non-ASCII", `/01/${gtin}/10/L%C3%94`],
    ["unknown extra segment", `/01/${gtin}/99/x`],
    ["qualifiers out of order", `/01/${gtin}/21/S1/10/L1`],
    ["dangling qualifier", `/01/${gtin}/10`],
    ["bad percent-encoding", `/01/${gtin}/10/%E0%A4%A`],
    ["bad expiry date", `${lotPath}?17=991340`],
  ] as const;
  for (const [label, path] of bad) {
    it(`400 for ${label}`, async () => {
      const res = await resolve(path);
      expect(res.status).toBe(400);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    });
  }

  it("404 for a valid but unknown GTIN", async () => {
    const res = await resolve(`/01/08934600000011/10/L1`);
    expect(res.status).toBe(404);
  });

  it("404 with a not-genuine warning and a link to the product for a known GTIN and an unknown lot or serial", async () => {
    const before = scans();
    for (const path of [`/01/${gtin}/10/NOPE-1`, `${lotPath}/21/NOT-A-SERIAL`]) {
      const res = await resolve(path, { headers: { "Accept-Language": "vi" } });
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain("không phải hàng thật");
      expect(html).toContain(`href="${ORIGIN}/products/${product.id}"`);
    }
    expect(scans()).toBe(before);
  });
});

describe("serials and copy detection", () => {
  it("passes a known serial on to the trace page and warns when it has been scanned too often", async () => {
    const res = await resolve(`${lotPath}/21/${DEMO_COPIED_SERIAL}`);
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("Location")!);
    expect(location.searchParams.get("sn")).toBe(DEMO_COPIED_SERIAL);
    const page = (await traceLoader({ request: new Request(location), params: { lotId: String(lot.id) }, context: {} })) as unknown as { data: { serial: { suspicious: boolean; scans: number } } };
    expect(page.data.serial.suspicious).toBe(true);
    expect(page.data.serial.scans).toBeGreaterThan(20);
  });
});

describe("EPCIS document", () => {
  it("is an EPCIS 2.0 JSON-LD document valid against the official schema", async () => {
    const res = (await epcisLoader({ request: new Request(`${ORIGIN}/api/v1/lots/${lot.id}/epcis`), params: { lotId: String(lot.id) }, context: {} })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/application\/ld\+json/);
    const doc = await res.json();
    const valid = ajv.validate(epcisSchema, doc);
    expect(valid, ajv.errorsText(ajv.errors, { separator: "\n" })).toBe(true);
    const events = doc.epcisBody.eventList as Record<string, unknown>[];
    const harvest = events.find((e) => e["chohtx:diaryType"] === "harvesting")!;
    expect(harvest).toMatchObject({ type: "ObjectEvent", action: "ADD", bizStep: "commissioning" });
    expect(Array.isArray(harvest.certificationInfo)).toBe(true);
    expect(events.find((e) => e["chohtx:diaryType"] === "packing")).toMatchObject({ type: "TransformationEvent", bizStep: "packing" });
    expect(events.find((e) => e["chohtx:diaryType"] === "shipping")).toMatchObject({ type: "ObjectEvent", bizStep: "shipping" });
  });

  it("404s an unknown lot", async () => {
    const res = (await epcisLoader({ request: new Request(`${ORIGIN}/api/v1/lots/999999/epcis`), params: { lotId: "999999" }, context: {} })) as Response;
    expect(res.status).toBe(404);
  });

  it("rejects an invalid document (the schema is really checked)", () => {
    expect(ajv.validate(epcisSchema, { type: "EPCISDocument", schemaVersion: "2.0", epcisBody: { eventList: [] } })).toBe(false);
  });
});
