import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicLot } from "~/models/trace.server";
import { lotEpcisDocument } from "~/capabilities/trace/epcis.server";
import { corsHeaders } from "~/capabilities/trace/resolver.server";
import { readOnlyApiAction } from "~/services/api-errors.server";

/** The lot's diary as EPCIS 2.0 JSON-LD; public like the trace page it mirrors. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = /^\d{1,12}$/.test(params.lotId ?? "") ? Number(params.lotId) : null;
  const data = id ? getPublicLot({ lotId: id }) : null;
  if (!data) {
    return new Response(JSON.stringify({ error: "not_found" }), { status: 404, headers: { ...corsHeaders, "Content-Type": "application/json" } });
  }
  return new Response(JSON.stringify(lotEpcisDocument(data)), {
    headers: { ...corsHeaders, "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "public, max-age=60" },
  });
}

export const action = readOnlyApiAction;
