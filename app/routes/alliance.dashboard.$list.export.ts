import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCsv } from "~/capabilities/alliance/lists.server";

/** The rows behind one dashboard figure as CSV, with the same scope, period and filters as the list page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return listCsv(request, params);
}
