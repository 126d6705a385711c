/** schema.org JSON-LD for discovery pages (and reusable by the product and cooperative pages). */

/** A stored 14-digit GTIN as GTIN-13 when it is one (leading zero), else as given. */
export function gtin13(gtin: string | null | undefined): string | undefined {
  if (!gtin) return undefined;
  return gtin.length === 14 && gtin.startsWith("0") ? gtin.slice(1) : gtin;
}

export function productJsonLd(
  p: { id: number; nameVi: string; price: number; stock: number; gtin: string | null; cooperative: { name: string; slug: string } },
  origin: string,
) {
  const code = gtin13(p.gtin);
  return {
    "@type": "Product",
    name: p.nameVi,
    url: `${origin}/products/${p.id}`,
    ...(code && code.length === 13 ? { gtin13: code } : code ? { gtin: code } : {}),
    brand: { "@type": "Organization", name: p.cooperative.name, url: `${origin}/cooperatives/${p.cooperative.slug}` },
    offers: {
      "@type": "Offer",
      price: p.price,
      priceCurrency: "VND",
      availability: p.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      url: `${origin}/products/${p.id}`,
    },
  };
}

export function organizationJsonLd(c: { name: string; slug: string; provinceName: string }, origin: string) {
  return {
    "@type": "Organization",
    name: c.name,
    url: `${origin}/cooperatives/${c.slug}`,
    address: { "@type": "PostalAddress", addressRegion: c.provinceName, addressCountry: "VN" },
  };
}

export function itemList(items: object[]) {
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    itemListElement: items.map((item, i) => ({ "@type": "ListItem", position: i + 1, item })),
  };
}
