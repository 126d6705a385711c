import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { decimal } from "~/lib/validation";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireOrganisationRole } from "~/services/auth.server";
import { CertificateBadges } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ExpiryWarnings } from "~/components/expiry-warnings";
import { Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { isCertificateActive, todayInVietnam } from "~/lib/certificates";
import { formatDate } from "~/lib/money";
import { recordAudit } from "~/models/audit.server";
import { deleteCertificate, listCertificates, listExpiringCertificates } from "~/models/certificate.server";
import { sendExpiryWarnings } from "~/services/certificate-warnings.server";
import { singleFields } from "~/lib/form-fields";
import { readForm } from "~/services/uploads.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  // Idempotent: certificates already warned about are skipped, so visiting twice sends one email.
  await sendExpiryWarnings({ cooperativeId: organisation.id });
  const today = todayInVietnam();
  return {
    certificates: listCertificates({ cooperativeId: organisation.id }).map((c) => ({ ...c, active: isCertificateActive(c, today), expired: !!c.expiryDate && c.expiryDate < today })),
    expiring: listExpiringCertificates({ cooperativeId: organisation.id }),
  };
}

const deleteSchema = z.object({ intent: z.literal("delete"), certificateId: decimal(z.number().int().positive()) });

export async function action({ request }: ActionFunctionArgs) {
  const { user, organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const parsed = deleteSchema.safeParse(singleFields(await readForm(request)));
  if (!parsed.success) return data({ error: "errors.invalid" }, { status: 400 });
  if (!deleteCertificate({ id: parsed.data.certificateId, cooperativeId: organisation.id })) throw new Response("errors.notFound", { status: 404 });
  recordAudit({ actorUserId: user.id, organisationId: organisation.id, action: "certificate_withdrawn", entity: "certificate", entityId: parsed.data.certificateId });
  return redirect("/dashboard/certificates?deleted=1");
}

export default function Certificates() {
  const t = useT();
  const locale = useLocale();
  const { certificates, expiring } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <section className="stack">
      <div className="catalogue-heading-row">
        <h1>{t("catalogue.dashboard.certificates")}</h1>
        <p>
          <Link to="/dashboard/certificates/new" className="button">
            {t("catalogue.certificate.new")}
          </Link>
        </p>
      </div>
      {params.get("saved") ? <Notice tone="success">{t("catalogue.certificate.saved")}</Notice> : null}
      {params.get("deleted") ? <Notice>{t("catalogue.certificate.deleted")}</Notice> : null}
      <ExpiryWarnings certificates={expiring} />
      {certificates.length ? (
        <div className="table-wrap" tabIndex={0}>
          <table className="cards-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("catalogue.certificate.type")}</th>
                <th scope="col">{t("catalogue.certificate.number")}</th>
                <th scope="col">{t("catalogue.certificate.expiryDate")}</th>
                <th scope="col">{t("catalogue.certificate.status")}</th>
                <th scope="col">{t("catalogue.certificate.products")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("catalogue.common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {certificates.map((c) => (
                <tr key={c.id}>
                  <td data-label={t("catalogue.certificate.type")}>
                    {c.active ? <CertificateBadges badges={[{ type: c.type, ocopStars: c.ocopStars }]} /> : t(`catalogue.certType.${c.type}`)}
                    {c.type === "ocop" && c.ocopStars && !c.active ? ` ${t("badges.stars", { stars: c.ocopStars })}` : ""}
                  </td>
                  <td data-label={t("catalogue.certificate.number")}>
                    <Link to={`/dashboard/certificates/${c.id}`}>{c.number}</Link>
                    <div className="muted">{c.issuer}</div>
                  </td>
                  <td data-label={t("catalogue.certificate.expiryDate")}>{c.expiryDate ? formatDate(c.expiryDate, locale) : t("catalogue.certificate.noExpiry")}</td>
                  <td data-label={t("catalogue.certificate.status")}>
                    <span className={`badge catalogue-cert-${c.expired && c.status === "verified" ? "expired" : c.status}`}>
                      {c.expired && c.status === "verified" ? t("catalogue.certStatus.expired") : t(`catalogue.certStatus.${c.status}`)}
                    </span>
                    {c.status === "rejected" && c.decisionReason ? <div className="muted">{c.decisionReason}</div> : null}
                  </td>
                  <td data-label={t("catalogue.certificate.products")}>{c.products.map((p) => p.nameVi).join(", ") || c.scope || "—"}</td>
                  <td className="cards-action">
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="certificateId" value={c.id} />
                      <button type="submit" className="button button-small button-danger" aria-label={t("catalogue.certificate.deleteLabel", { number: c.number })}>
                        {t("catalogue.certificate.delete")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("catalogue.certificate.none")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("catalogue.dashboard.certificates") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
