import { env } from "~/env.server";
import { corsHeaders } from "~/capabilities/trace/resolver.server";

/** The resolver description file of the GS1-Conformant Resolver standard (section 5). */
export async function loader() {
  const root = env.PUBLIC_ORIGIN.replace(/\/+$/, "");
  const body = {
    name: "Chợ HTX GS1 Digital Link resolver",
    resolverRoot: root,
    supportedPrimaryKeys: ["01"],
    supportedKeyQualifiers: { "01": ["10", "21"] },
    supportedDataAttributes: ["17"],
    linkTypeDefaultCanBeLinkset: false,
    supportedLinkType: [{ namespace: "https://gs1.org/voc/", prefix: "gs1:" }],
    supportedLinkTypes: ["gs1:defaultLink", "gs1:pip", "gs1:traceability", "gs1:certificationInfo", "gs1:epcis"],
    supportedLanguages: ["vi", "en"],
    supportedContextValuesEnumerated: [],
    jsonLdContextLocation: `${root}/api/v1/linkset-context`,
    validDomains: [new URL(root).host],
    resolverConformance: "https://ref.gs1.org/standards/resolver/1.0.0",
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { ...corsHeaders, "Content-Type": "application/json", "Cache-Control": "public, max-age=3600" },
  });
}
