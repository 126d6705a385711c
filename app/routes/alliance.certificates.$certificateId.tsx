import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { forbidden } from "~/services/auth.server";
import { DecisionForms, Evidence } from "~/components/decision-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { submitDecision } from "~/capabilities/alliance/decision.server";
import { formatDate, formatDateTime } from "~/lib/money";
import { requireModerator } from "~/capabilities/alliance/scope.server";
import { getCertificateForReview, mayActIn, moderationQueue } from "~/models/alliance.server";

function id(params: { certificateId?: string }) {
  const n = Number(params.certificateId);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Response("errors.notFound", { status: 404 });
  return n;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const moderator = requireModerator(request);
  const review = getCertificateForReview({ id: id(params) });
  if (!review) throw new Response("errors.notFound", { status: 404 });
  if (!mayActIn(moderator, review.cooperative.provinceCode)) throw forbidden(request);
  const { certificate: c, cooperative, products } = review;
  // After a decision the moderator goes on to the next pending certificate of the province, not back to the top.
  const pending = moderationQueue({ provinceCode: moderator.provinceCode ?? cooperative.provinceCode }).certificates.map((q) => q.certificate.id);
  const at = pending.indexOf(c.id);
  const next = (at >= 0 ? pending[at + 1] : undefined) ?? pending.find((p) => p !== c.id) ?? null;
  return { certificate: c, cooperative: { name: cooperative.name, slug: cooperative.slug, verified: !!cooperative.verifiedAt }, products, next };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return submitDecision(request, { kind: "certificate", id: id(params) });
}

export default function ReviewCertificate() {
  const t = useT();
  const locale = useLocale();
  const { certificate: c, cooperative, products, next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const label = `${t(`catalogue.certType.${c.type}`)} ${c.number}`;
  return (
    <section className="stack">
      <h1>{label}</h1>
      <FormErrors errors={actionData ? [actionData.error] : null} />
      <div className="catalogue-review">
        <dl className="catalogue-facts">
          <dt>{t("catalogue.alliance.holder")}</dt>
          <dd>
            <Link to={`/cooperatives/${cooperative.slug}`}>{cooperative.name}</Link>
          </dd>
          <dt>{t("catalogue.certificate.status")}</dt>
          <dd>{t(`catalogue.certStatus.${c.status}`)}</dd>
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
          <dt>{t("catalogue.certificate.scopeText")}</dt>
          <dd>{c.scope ?? "—"}</dd>
          <dt>{t("catalogue.certificate.products")}</dt>
          <dd>{products.map((p) => p.nameVi).join(", ") || "—"}</dd>
          {c.decidedAt ? (
            <>
              <dt>{t("catalogue.alliance.decidedAt")}</dt>
              <dd>
                {formatDateTime(c.decidedAt, locale)}
                {c.decisionReason ? ` · ${c.decisionReason}` : ""}
              </dd>
            </>
          ) : null}
        </dl>
        <Evidence path={c.evidencePath} mime={c.evidenceMime} title={t("catalogue.alliance.evidenceOf", { what: label })} />
      </div>
      {done ? <Notice tone="success">{t("catalogue.alliance.done")}</Notice> : null}
      {c.status === "pending" ? <DecisionForms action={`/alliance/certificates/${c.id}`} returnTo={next ? `/alliance/certificates/${next}` : "/alliance"} label={label} /> : null}
      {next ? (
        <p>
          <Link to={`/alliance/certificates/${next}`}>{t("catalogue.alliance.nextItem")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, (t) => ({ title: data ? data.certificate.number : t("errors.notFoundTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
