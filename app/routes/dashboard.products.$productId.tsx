import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { productDefaults, productFormOptions } from "~/capabilities/catalogue/options.server";
import { photoUrl } from "~/components/catalogue";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { ProductForm } from "~/components/product-form";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { getProduct, listPhotos, listTiers } from "~/models/product.server";
import { submitProduct } from "~/capabilities/catalogue/product-form.server";

function productId(params: { productId?: string }) {
  const id = Number(params.productId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("errors.notFound", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const id = productId(params);
  // Another cooperative's product is simply not found: its existence is not confirmed.
  const product = getProduct({ id, cooperativeId: organisation.id });
  if (!product) throw new Response("errors.notFound", { status: 404 });
  return {
    product: { id: product.id, nameVi: product.nameVi, status: product.status },
    defaults: productDefaults(product, listTiers({ productId: id })),
    photos: listPhotos({ productId: id }),
    ...productFormOptions(getLocale(request)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return submitProduct(request, { productId: productId(params) });
}

export default function EditProduct() {
  const t = useT();
  const { product, defaults, photos, categories, provinces } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <section className="stack">
      <h1>{product.nameVi}</h1>
      {params.get("saved") && !lastResult ? <Notice tone="success">{t("catalogue.product.saved")}</Notice> : null}
      <p>
        <Link to={`/products/${product.id}`}>{t(product.status === "published" ? "catalogue.product.viewPublic" : "catalogue.product.preview")}</Link>
      </p>
      {photos.length ? (
        <ul className="catalogue-photo-admin">
          {photos.map((p) => (
            <li key={p.id}>
              <img src={photoUrl(p.path, 320)} alt={p.alt ?? product.nameVi} width={160} />
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="intent" value="delete-photo" />
                <input type="hidden" name="photoId" value={p.id} />
                <button type="submit" className="button button-small button-danger">
                  {t("catalogue.product.deletePhoto")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <ProductForm lastResult={lastResult} defaultValue={defaults} categories={categories} provinces={provinces} submitLabel={t("common.save")} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => ({ title: data?.product.nameVi ?? t("errors.notFoundTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
