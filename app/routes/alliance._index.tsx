import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { allianceProvince } from "~/capabilities/alliance/scope.server";
import { DecisionForms, Evidence } from "~/components/decision-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { formatDate } from "~/lib/money";
import { moderationQueue } from "~/models/alliance.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { provinceCode } = allianceProvince(request);
  return moderationQueue({ provinceCode });
}

export default function ModerationQueue() {
  const t = useT();
  const locale = useLocale();
  const { cooperatives, certificates } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const location = useLocation();
  const here = `${location.pathname}${location.search.replace(/([?&])done=[^&]*&?/, "$1").replace(/[?&]$/, "")}`;
  const done = params.get("done");
  return (
    <section className="stack">
      <h1>{t("catalogue.alliance.queue")}</h1>
      {done ? <Notice tone="success">{t("catalogue.alliance.doneNext")}</Notice> : null}
      <section className="stack" aria-labelledby="queue-coops">
        <h2 id="queue-coops">{t("catalogue.alliance.newCooperatives", { n: cooperatives.length })}</h2>
        {cooperatives.length ? (
          cooperatives.map((c, i) => (
            <article key={c.id} id={`coop-${c.id}`} tabIndex={-1} className="card catalogue-queue-item" aria-label={c.name}>
              <div>
                <h3>
                  <Link to={`/cooperatives/${c.slug}`}>{c.name}</Link>
                </h3>
                <dl className="catalogue-facts">
                  <dt>{t("auth.registrationNumber")}</dt>
                  <dd>{c.registrationNumber ?? "—"}</dd>
                  <dt>{t("auth.commune")}</dt>
                  <dd>{c.commune ?? "—"}</dd>
                  <dt>{t("catalogue.alliance.signedUp")}</dt>
                  <dd>{formatDate(c.createdAt, locale)}</dd>
                </dl>
              </div>
              <DecisionForms action={`/alliance/cooperatives/${c.id}`} returnTo={`${here}#${cooperatives[i + 1] ? `coop-${cooperatives[i + 1]!.id}` : "queue-coops"}`} label={c.name} />
            </article>
          ))
        ) : (
          <p className="muted">{t("catalogue.alliance.emptyCooperatives")}</p>
        )}
      </section>
      <section className="stack" aria-labelledby="queue-certs">
        <h2 id="queue-certs">{t("catalogue.alliance.pendingCertificates", { n: certificates.length })}</h2>
        {certificates.length ? (
          certificates.map(({ certificate: c, cooperative, products }, i) => {
            const label = `${t(`catalogue.certType.${c.type}`)} ${c.number}`;
            return (
              <article key={c.id} id={`cert-${c.id}`} tabIndex={-1} className="card catalogue-queue-item" aria-label={label}>
                <div>
                  <h3>
                    <Link to={`/alliance/certificates/${c.id}`}>{label}</Link>
                  </h3>
                  <dl className="catalogue-facts">
                    <dt>{t("catalogue.alliance.holder")}</dt>
                    <dd>{cooperative.name}</dd>
                    {c.ocopStars ? (
                      <>
                        <dt>{t("catalogue.certificate.ocopStars")}</dt>
                        <dd>{t("badges.stars", { stars: c.ocopStars })}</dd>
                      </>
                    ) : null}
                    <dt>{t("catalogue.certificate.issuer")}</dt>
                    <dd>{c.issuer}</dd>
                    <dt>{t("catalogue.certificate.issueDate")}</dt>
                    <dd>{formatDate(c.issueDate, locale)}</dd>
                    <dt>{t("catalogue.certificate.expiryDate")}</dt>
                    <dd>{c.expiryDate ? formatDate(c.expiryDate, locale) : t("catalogue.certificate.noExpiry")}</dd>
                    <dt>{t("catalogue.certificate.products")}</dt>
                    <dd>{products.join(", ") || c.scope || "—"}</dd>
                  </dl>
                </div>
                <Evidence path={c.evidencePath} mime={c.evidenceMime} title={t("catalogue.alliance.evidenceOf", { what: label })} />
                <DecisionForms action={`/alliance/certificates/${c.id}`} returnTo={`${here}#${certificates[i + 1] ? `cert-${certificates[i + 1]!.certificate.id}` : "queue-certs"}`} label={label} />
              </article>
            );
          })
        ) : (
          <p className="muted">{t("catalogue.alliance.emptyCertificates")}</p>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("catalogue.alliance.queue") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
