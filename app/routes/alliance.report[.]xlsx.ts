import type { LoaderFunctionArgs } from "@remix-run/node";
import { provinceReport } from "~/capabilities/alliance/report-routes.server";

/** The steering-committee report of one province and period as an Excel workbook. */
export async function loader({ request }: LoaderFunctionArgs) {
  return provinceReport(request, "xlsx");
}
