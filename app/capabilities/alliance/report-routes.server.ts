import { redirect } from "@remix-run/node";
import { getLocale } from "~/i18n/server";
import { requireDashboardScope, requirePeriod, scopeQuery } from "./dashboard.server";
import { reportContent } from "./report-content.server";
import { reportPdf } from "./report-pdf.server";
import { reportXlsx } from "./report-xlsx.server";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function reportFileName(provinceSlug: string, periodKey: string, ext: string) {
  return `bao-cao-htx-${provinceSlug}-${periodKey.replace(/\.\./, "_")}.${ext}`;
}

/**
 * One province's report, built on the request (it reads the rollups: milliseconds). The national one is a
 * background job: this sends the platform admin to its page.
 */
export async function provinceReport(request: Request, format: "xlsx" | "pdf") {
  const url = new URL(request.url);
  const scope = requireDashboardScope(request, url);
  const { period, previous, today } = requirePeriod(request, url);
  if (!scope.province) throw redirect(`/alliance/reports?${scopeQuery({ provinceCode: null, period }, { format })}`);
  const locale = getLocale(request);
  const content = reportContent({ provinceCode: scope.province.code, period, previous, today, locale });
  const body = format === "xlsx" ? await reportXlsx(content) : await reportPdf(content, locale);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": format === "xlsx" ? XLSX_TYPE : "application/pdf",
      "Content-Disposition": `attachment; filename="${reportFileName(scope.province.slug, period.key, format)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
