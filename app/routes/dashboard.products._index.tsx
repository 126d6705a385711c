import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { displayGtin } from "~/lib/gtin";
import { formatNumber, formatVnd } from "~/lib/money";
import { listCooperativeProducts } from "~/models/product.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const url = new URL(request.url);
  return { products: listCooperativeProducts({ cooperativeId: organisation.id }), imported: Number(url.searchParams.get("imported") ?? 0) || 0 };
}

export default function DashboardProducts() {
  const t = useT();
  const locale = useLocale();
  const { products, imported } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <div className="catalogue-heading-row">
        <h1>{t("catalogue.dashboard.products")}</h1>
        <p className="catalogue-actions">
          <Link to="/dashboard/products/new" className="button">
            {t("catalogue.product.new")}
          </Link>
          <Link to="/dashboard/products/import" className="button button-secondary">
            {t("catalogue.import.title")}
          </Link>
        </p>
      </div>
      {imported ? (
        <div className="notice notice-success" role="status">
          {t("catalogue.import.done", { n: imported })}
        </div>
      ) : null}
      {products.length ? (
        <div className="table-wrap" tabIndex={0}>
          <table className="cards-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("catalogue.product.name")}</th>
                <th scope="col">{t("catalogue.product.price")}</th>
                <th scope="col">{t("catalogue.product.stock")}</th>
                <th scope="col">{t("catalogue.product.gtin")}</th>
                <th scope="col">{t("catalogue.product.status")}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.id}>
                  <td data-label={t("catalogue.product.name")}>
                    <Link to={`/dashboard/products/${p.id}`}>{p.nameVi}</Link>
                  </td>
                  <td data-label={t("catalogue.product.price")}>{formatVnd(p.price, locale)}</td>
                  <td data-label={t("catalogue.product.stock")}>{formatNumber(p.stock, locale)}</td>
                  <td data-label={t("catalogue.product.gtin")}>{p.gtin ? displayGtin(p.gtin) : "—"}</td>
                  <td data-label={t("catalogue.product.status")}>
                    <span className={`badge catalogue-status-${p.status}`}>{t(`catalogue.status.${p.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("catalogue.dashboard.noProducts")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("catalogue.dashboard.products") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
