import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { resolve } from "~/capabilities/trace/resolver.server";

// GS1 Digital Link paths `/01/{gtin}/10/{lot}/21/{serial}`: the splat is parsed by the resolver itself, so that
// the qualifier order and every malformed variant get the status the GS1 resolver standard asks for.
export async function loader({ request }: LoaderFunctionArgs) {
  return resolve(request);
}

/** OPTIONS (CORS preflight) reaches Remix as an action; anything else that is not GET/HEAD is not allowed. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method === "OPTIONS") return resolve(request);
  return new Response(null, { status: 405, headers: { Allow: "GET, HEAD, OPTIONS", "Access-Control-Allow-Origin": "*" } });
}
