import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { productFormOptions } from "~/capabilities/catalogue/options.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { ProductForm } from "~/components/product-form";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { submitProduct } from "~/capabilities/catalogue/product-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  return { ...productFormOptions(getLocale(request)), provinceCode: organisation.provinceCode };
}

export async function action({ request }: ActionFunctionArgs) {
  return submitProduct(request);
}

export default function NewProduct() {
  const t = useT();
  const { categories, provinces, provinceCode } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("catalogue.product.new")}</h1>
      <ProductForm
        lastResult={lastResult}
        defaultValue={{ originProvinceCode: provinceCode, unit: "kg", status: "draft", minOrderQty: "1", stock: "0", leadTimeDays: "1" }}
        categories={categories}
        provinces={provinces}
        submitLabel={t("catalogue.product.create")}
      />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("catalogue.product.new") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
