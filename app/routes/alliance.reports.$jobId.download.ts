import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportDownload } from "~/capabilities/alliance/report-jobs-routes.server";

/** The finished national report file (platform admins only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return reportDownload(request, params);
}
