import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { decimal } from "~/lib/validation";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/services/auth.server";
import { AddToCart } from "~/components/add-to-cart";
import { ContactButtons } from "~/components/contact-buttons";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { InquiryForm } from "~/components/inquiry-form";
import { pageMeta } from "~/components/meta";
import { getT, useT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { contactForViewer } from "~/capabilities/contact/contact.server";
import { handleNewInquiry } from "~/capabilities/contact/inquiry.server";
import { getCooperativeContact, getPublishedProduct } from "~/models/thread.server";
import { getMemberships } from "~/models/user.server";
import { notFound, requireBuyer } from "~/capabilities/orders/route-helpers.server";

function load(request: Request, productId: string | undefined) {
  const id = decimal(z.number().int().positive()).safeParse(productId);
  const product = id.success ? getPublishedProduct({ id: id.data }) : null;
  const cooperative = product ? getCooperativeContact({ id: product.cooperativeId }) : null;
  if (!product || !cooperative) throw notFound(request, "orders.errors.productNotFound");
  return { product, cooperative };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { product, cooperative } = load(request, params.productId);
  const isBuyer = getMemberships(user.id).some((m) => m.organisation.kind === "buyer");
  const t = getT(getLocale(request));
  return {
    product,
    cooperative: { name: cooperative.name, slug: cooperative.slug },
    contact: contactForViewer(request, { id: cooperative.id }),
    isBuyer,
    defaultSubject: t("orders.inquiry.defaultSubject", { product: product.name }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = requireBuyer(request);
  const { product } = load(request, params.productId);
  return handleNewInquiry(request, { buyer: organisation, userId: user.id, cooperativeId: product.cooperativeId, productId: product.id });
}

export default function Inquire() {
  const t = useT();
  const { product, cooperative, contact, isBuyer, defaultSubject } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="stack orders-inquiry">
      <h1>{t("orders.inquiry.title", { product: product.name })}</h1>
      <p>
        <Link to={`/products/${product.id}`}>{product.name}</Link> · <Link to={`/cooperatives/${cooperative.slug}`}>{cooperative.name}</Link>
      </p>
      <ContactButtons contact={contact} slug={cooperative.slug} />
      {isBuyer ? (
        <>
          <AddToCart productId={product.id} unit={product.unit} minOrderQty={product.minOrderQty} />
          <InquiryForm lastResult={lastResult ?? null} defaultSubject={defaultSubject} />
          <p>
            <Link to={`/products/${product.id}/quote`}>{t("orders.inquiry.askQuote")}</Link>
          </p>
        </>
      ) : (
        <Notice tone="warning">{t("orders.inquiry.loginFirst")}</Notice>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({ title: t("orders.inquiry.title", { product: data?.product.name ?? "" }) }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
