import type { LoaderFunctionArgs } from "@remix-run/node";
import { fairWorkbook } from "~/capabilities/fairs/export.server";
import { requireFairOrganiser } from "~/capabilities/fairs/scope.server";
import { fairOutcome } from "~/models/fair-lead.server";
import { getProvince } from "~/models/province.server";

/** The fair's results as XLSX, for the organiser of that fair only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fair } = requireFairOrganiser(request, params.fairId);
  const book = await fairWorkbook({ ...fair, provinceName: getProvince(fair.provinceCode)?.name ?? "" }, fairOutcome({ fairId: fair.id }));
  return new Response(new Uint8Array(book), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="hoi-cho-${fair.id}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
