import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { submitCertificate } from "~/capabilities/catalogue/certificate-form.server";
import { CertificateForm } from "~/components/certificate-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { listCooperativeProducts } from "~/models/product.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  return { products: listCooperativeProducts({ cooperativeId: organisation.id }).filter((p) => p.status !== "archived").map((p) => ({ id: p.id, nameVi: p.nameVi })) };
}

export async function action({ request }: ActionFunctionArgs) {
  return submitCertificate(request);
}

export default function NewCertificate() {
  const t = useT();
  const { products } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("catalogue.certificate.new")}</h1>
      <p>{t("catalogue.certificate.lead")}</p>
      <CertificateForm lastResult={lastResult} defaultValue={{ type: "vietgap" }} products={products} submitLabel={t("catalogue.certificate.submit")} evidenceRequired />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("catalogue.certificate.new") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
