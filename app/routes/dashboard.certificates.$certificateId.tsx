import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { submitCertificate } from "~/capabilities/catalogue/certificate-form.server";
import { CertificateForm } from "~/components/certificate-form";
import { evidenceUrl } from "~/components/decision-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { getCertificate } from "~/models/certificate.server";
import { listCooperativeProducts } from "~/models/product.server";

function certificateId(params: { certificateId?: string }) {
  const id = Number(params.certificateId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("errors.notFound", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const cert = getCertificate({ id: certificateId(params), cooperativeId: organisation.id });
  if (!cert) throw new Response("errors.notFound", { status: 404 });
  return {
    certificate: { id: cert.id, number: cert.number, status: cert.status, evidencePath: cert.evidencePath, decisionReason: cert.decisionReason },
    defaults: {
      type: cert.type,
      ocopStars: cert.ocopStars ? String(cert.ocopStars) : "",
      number: cert.number,
      issuer: cert.issuer,
      issueDate: cert.issueDate,
      expiryDate: cert.expiryDate ?? "",
      scope: cert.scope ?? "",
      productIds: cert.products.map((p) => String(p.id)),
    },
    products: listCooperativeProducts({ cooperativeId: organisation.id }).map((p) => ({ id: p.id, nameVi: p.nameVi })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return submitCertificate(request, { certificateId: certificateId(params) });
}

export default function EditCertificate() {
  const t = useT();
  const { certificate, defaults, products } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{certificate.number}</h1>
      <p>
        {t("catalogue.certificate.status")}: <strong>{t(`catalogue.certStatus.${certificate.status}`)}</strong>
        {certificate.decisionReason ? ` · ${certificate.decisionReason}` : ""}
      </p>
      {certificate.status === "verified" ? <Notice tone="warning">{t("catalogue.certificate.editResets")}</Notice> : null}
      {certificate.evidencePath ? (
        <p>
          <a href={evidenceUrl(certificate.evidencePath)} target="_blank" rel="noopener">
            {t("catalogue.certificate.viewEvidence")}
          </a>
        </p>
      ) : null}
      <CertificateForm lastResult={lastResult} defaultValue={defaults} products={products} submitLabel={t("common.save")} evidenceRequired={false} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => ({ title: data?.certificate.number ?? t("errors.notFoundTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
