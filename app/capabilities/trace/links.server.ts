import { env } from "~/env.server";
import { buildDigitalLink } from "~/lib/digital-link";

/* Our own URLs for a lot, absolute, so QR codes, linksets and EPCIS documents all agree. */
const origin = () => env.PUBLIC_ORIGIN.replace(/\/+$/, "");

export const traceUrl = (lotId: number) => `${origin()}/t/${lotId}`;
export const productUrl = (productId: number) => `${origin()}/products/${productId}`;
export const cooperativeUrl = (slug: string) => `${origin()}/cooperatives/${slug}`;
export const epcisUrl = (lotId: number) => `${origin()}/api/v1/lots/${lotId}/epcis`;
export const linksetContextUrl = () => `${origin()}/api/v1/linkset-context`;
export const certificateUrl = (cert: { id: number; evidencePath: string | null }, slug: string) =>
  cert.evidencePath ? `${origin()}/uploads/${cert.evidencePath}` : `${cooperativeUrl(slug)}#certificate-${cert.id}`;

export function lotDigitalLink(lot: { code: string; bestBeforeDate: string }, gtin14: string, serial?: string | null) {
  return buildDigitalLink(origin(), { gtin14, lot: lot.code, serial, expiry: lot.bestBeforeDate });
}

export { origin as publicOrigin };
