import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganisationRole } from "~/services/auth.server";
import { csvTemplate } from "~/capabilities/catalogue/csv-import.server";

/** The CSV template: the header every import needs and one example row. UTF-8 with BOM so Excel reads diacritics. */
export async function loader({ request }: LoaderFunctionArgs) {
  requireOrganisationRole(request, { kind: "cooperative" });
  return new Response(csvTemplate(), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="cho-htx-san-pham.csv"' },
  });
}
