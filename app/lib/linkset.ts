/*
 * RFC 9264 linksets as the GS1-Conformant Resolver standard uses them: one context object per item, link relation
 * types written as GS1 Web Vocabulary URIs, and every link with a title, a media type and its languages.
 */
export const GS1_VOC = "https://gs1.org/voc/";

export type Link = { href: string; title: string; type: string; hreflang: string[] };
export type Linkset = { linkset: [{ anchor: string; itemDescription: string } & Record<string, Link[] | string>] };

/**
 * `itemDescription` names the item the anchor identifies (the product, and the lot when there is one), beside the
 * anchor as GS1's resolver community edition (v3) writes it, so a scanner app can show what was scanned.
 */
export function buildLinkset({ anchor, itemDescription, links }: { anchor: string; itemDescription: string; links: Record<string, Link[]> }): Linkset {
  const defaults = links[`${GS1_VOC}defaultLink`];
  // A resolver must offer exactly one default link; anything else is a bug on our side, not the scanner's.
  if (!defaults || defaults.length !== 1) throw new Error("A linkset needs exactly one gs1:defaultLink");
  for (const key of Object.keys(links)) if (!key.startsWith(GS1_VOC)) throw new Error(`Link type ${key} is not a GS1 vocabulary URI`);
  if (!itemDescription.trim()) throw new Error("A linkset entry needs an itemDescription");
  return { linkset: [{ anchor, itemDescription, ...links }] };
}

/** `gs1:pip`, `http://gs1.org/voc/pip` and `https://gs1.org/voc/pip` all select the same link type. */
export function normaliseLinkType(value: string): string {
  if (value.startsWith("gs1:")) return GS1_VOC + value.slice(4);
  if (value.startsWith("http://gs1.org/voc/")) return GS1_VOC + value.slice("http://gs1.org/voc/".length);
  return value;
}
