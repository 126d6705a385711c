import type { LoaderFunctionArgs } from "@remix-run/node";
import { provinceReport } from "~/capabilities/alliance/report-routes.server";

/** The steering-committee report of one province and period as a PDF with the charts. */
export async function loader({ request }: LoaderFunctionArgs) {
  return provinceReport(request, "pdf");
}
