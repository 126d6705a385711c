import { corsHeaders } from "~/capabilities/trace/resolver.server";
import { readOnlyApiAction } from "~/services/api-errors.server";

/** The JSON-LD context our linksets point to in their `Link` header, so a linkset reads as linked data. */
export async function loader() {
  const body = {
    "@context": {
      "@version": 1.1,
      gs1: "https://gs1.org/voc/",
      schema: "https://schema.org/",
      linkset: { "@id": "https://www.iana.org/assignments/link-relations/linkset", "@container": "@set" },
      anchor: "@id",
      itemDescription: "schema:description",
      href: "@id",
      title: "schema:name",
      type: "schema:encodingFormat",
      hreflang: { "@id": "schema:inLanguage", "@container": "@set" },
      "@vocab": "https://gs1.org/voc/",
    },
  };
  return new Response(JSON.stringify(body), { headers: { ...corsHeaders, "Content-Type": "application/ld+json", "Cache-Control": "public, max-age=86400" } });
}

export const action = readOnlyApiAction;
