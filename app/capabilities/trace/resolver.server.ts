import { isbot } from "isbot";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { buildDigitalLinkPath, fromYymmdd, parseDigitalLinkPath } from "~/lib/digital-link";
import { buildLinkset, GS1_VOC, normaliseLinkType, type Link } from "~/lib/linkset";
import { deviceClass } from "~/lib/trace-rules";
import { findLotByCode, findProductByGtin, getPublicLot, recordScan, serialExists } from "~/models/trace.server";
import { certificateUrl, epcisUrl, linksetContextUrl, productUrl, publicOrigin, traceUrl } from "./links.server";

/*
 * A GS1-Conformant Resolver (1.0, 2024) for AI 01 with qualifiers 10 and 21. Every answer carries CORS headers;
 * errors are never 200 and nothing here throws.
 */
const GS1 = GS1_VOC;

export const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type",
  "Access-Control-Expose-Headers": "Link, Location, Content-Language, Vary",
  "Access-Control-Max-Age": "86400",
};

function problem(request: Request, status: 400 | 404, messageKey: "trace.resolver.badRequest" | "trace.resolver.unknownGtin" | "trace.resolver.unknownLinkType", extra: Record<string, string> = {}) {
  const t = getT(getLocale(request));
  return new Response(request.method === "HEAD" ? null : t(messageKey, extra), {
    status,
    headers: { ...corsHeaders, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Vary: "Accept, Accept-Language" },
  });
}

function wantsLinkset(request: Request, linkType: string | null) {
  if (linkType === "linkset" || linkType === "all") return true;
  if (linkType) return false;
  const accept = request.headers.get("Accept") ?? "";
  return /application\/linkset\+json/i.test(accept);
}

function lotLinks({ lotId, locale }: { lotId: number; locale: "vi" | "en" }) {
  const data = getPublicLot({ lotId });
  if (!data) return null;
  const t = getT(locale);
  const name = locale === "en" ? (data.product.nameEn ?? data.product.nameVi) : data.product.nameVi;
  const both = ["vi", "en"];
  const trace: Link = { href: traceUrl(lotId), title: t("trace.linkset.trace", { product: name, lot: data.lot.code }), type: "text/html", hreflang: both };
  const links: Record<string, Link[]> = {
    [`${GS1}defaultLink`]: [trace],
    [`${GS1}pip`]: [{ href: productUrl(data.product.id), title: t("trace.linkset.pip", { product: name }), type: "text/html", hreflang: both }],
    [`${GS1}traceability`]: [trace],
    [`${GS1}epcis`]: [{ href: epcisUrl(lotId), title: t("trace.linkset.epcis", { lot: data.lot.code }), type: "application/ld+json", hreflang: ["en"] }],
  };
  const certs = data.certificates.filter((c) => c.status === "verified");
  if (certs.length) {
    links[`${GS1}certificationInfo`] = certs.map((c) => ({
      href: certificateUrl(c, data.cooperative.slug),
      title: t("trace.linkset.certificate", { type: t(`badges.type.${c.type}`), number: c.number }),
      type: c.evidencePath?.endsWith(".pdf") ? "application/pdf" : c.evidencePath ? "image/webp" : "text/html",
      hreflang: ["vi"],
    }));
  }
  return { links, itemDescription: t("trace.linkset.item", { product: name, lot: data.lot.code }) };
}

function productLinks({ product, locale }: { product: { id: number; nameVi: string; nameEn: string | null }; locale: "vi" | "en" }): { links: Record<string, Link[]>; itemDescription: string } {
  const t = getT(locale);
  const name = locale === "en" ? (product.nameEn ?? product.nameVi) : product.nameVi;
  const pip: Link = { href: productUrl(product.id), title: t("trace.linkset.pip", { product: name }), type: "text/html", hreflang: ["vi", "en"] };
  return { links: { [`${GS1}defaultLink`]: [pip], [`${GS1}pip`]: [pip] }, itemDescription: name };
}

function linksetResponse(request: Request, anchor: string, { links, itemDescription }: { links: Record<string, Link[]>; itemDescription: string }) {
  const body = JSON.stringify(buildLinkset({ anchor, itemDescription, links }));
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: {
      ...corsHeaders,
      "Content-Type": "application/linkset+json",
      Vary: "Accept, Accept-Language",
      Link: `<${linksetContextUrl()}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}

function redirectTo(href: string, request: Request, anchor: string, status: 301 | 307 = 307, passQuery = true) {
  const url = new URL(href);
  if (passQuery) {
    for (const [k, v] of new URL(request.url).searchParams) if (k !== "linkType") url.searchParams.append(k, v);
  }
  return new Response(null, {
    status,
    headers: {
      ...corsHeaders,
      Location: url.toString(),
      Vary: "Accept, Accept-Language",
      Link: `<${anchor}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`,
      "Cache-Control": "no-store",
    },
  });
}

export function resolve(request: Request): Response {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: { ...corsHeaders, Allow: "GET, HEAD, OPTIONS", Vary: "Origin" } });
  try {
    return resolveGet(request);
  } catch (error) {
    // A resolver must never answer 500 to a scanner; a failure here is a malformed request we did not foresee.
    console.error(error);
    return problem(request, 400, "trace.resolver.badRequest");
  }
}

function resolveGet(request: Request): Response {
  const url = new URL(request.url);
  const parsed = parseDigitalLinkPath(url.pathname);
  if (!parsed.ok) return problem(request, 400, "trace.resolver.badRequest");
  const raw17 = url.searchParams.get("17");
  if (raw17 !== null && !fromYymmdd(raw17)) return problem(request, 400, "trace.resolver.badRequest");
  const { gtin14, gtinLength, lot: lotCode, serial } = parsed.value;
  const canonicalPath = buildDigitalLinkPath({ gtin14, lot: lotCode, serial });
  if (gtinLength !== 14) return redirectTo(`${publicOrigin()}${canonicalPath}`, request, `${publicOrigin()}${canonicalPath}`, 301);
  const anchor = `${publicOrigin()}${canonicalPath}`;
  const product = findProductByGtin({ gtin14 });
  if (!product) return problem(request, 404, "trace.resolver.unknownGtin");
  const locale = getLocale(request);
  const linkType = url.searchParams.get("linkType");

  if (!lotCode) {
    const item = productLinks({ product, locale });
    const links = item.links;
    if (wantsLinkset(request, linkType)) return linksetResponse(request, anchor, item);
    const chosen = linkType ? links[normaliseLinkType(linkType)] : links[`${GS1}defaultLink`];
    if (!chosen) return problem(request, 404, "trace.resolver.unknownLinkType");
    return redirectTo(chosen[0]!.href, request, anchor);
  }

  const lot = findLotByCode({ productId: product.id, code: lotCode });
  const item = lot ? lotLinks({ lotId: lot.id, locale }) : null;
  if (!lot || !item) return notGenuine(request, product.id);
  if (serial && !serialExists({ lotId: lot.id, serial })) return notGenuine(request, product.id);
  if (wantsLinkset(request, linkType)) return linksetResponse(request, anchor, item);
  const links = item.links;
  const chosen = linkType ? links[normaliseLinkType(linkType)] : links[`${GS1}defaultLink`];
  if (!chosen) return problem(request, 404, "trace.resolver.unknownLinkType");
  if (request.method === "GET") {
    recordScan({ lotId: lot.id, serial: serial ?? null, language: locale, device: deviceClass(request.headers.get("User-Agent"), isbot(request.headers.get("User-Agent") ?? "")) });
  }
  const target = new URL(chosen[0]!.href);
  if (serial && target.pathname.startsWith("/t/")) target.searchParams.set("sn", serial);
  return redirectTo(target.toString(), request, anchor);
}

/** A known product with an unknown lot or serial: a 404 page that warns about copies and points to the product. */
function notGenuine(request: Request, productId: number) {
  const locale = getLocale(request);
  const t = getT(locale);
  const href = productUrl(productId);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t("trace.notGenuine.title"))}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}.warn{border-left:4px solid #b45309;background:#fffbeb;padding:.75rem 1rem}</style></head><body><main><h1>${escapeHtml(t("trace.notGenuine.title"))}</h1><p class="warn" role="alert">${escapeHtml(t("trace.notGenuine.body"))}</p><p><a href="${escapeHtml(href)}">${escapeHtml(t("trace.notGenuine.product"))}</a></p></main></body></html>`;
  return new Response(request.method === "HEAD" ? null : html, {
    status: 404,
    headers: { ...corsHeaders, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", Vary: "Accept, Accept-Language" },
  });
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

