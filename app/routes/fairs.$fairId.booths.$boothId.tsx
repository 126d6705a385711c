import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { boothVisitCookie } from "~/capabilities/fairs/attribution.server";
import { handleLead, loadBooth, signedInBuyer } from "~/capabilities/fairs/lead.server";
import { contactForViewer } from "~/capabilities/contact/contact.server";
import { CertificateBadges, VerifiedBadge } from "~/components/badges";
import { ContactButtons } from "~/components/contact-buttons";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BoothLabel, FairDates } from "~/components/fair-ui";
import { ErrorList, FormErrors, Notice, TextAreaField, TextField, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { leadSchema } from "~/lib/fair-forms";
import { formatDate, formatVnd } from "~/lib/money";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fair, provinceName, booth, products, certificates } = loadBooth(request, params);
  const buyer = signedInBuyer(request);
  return data(
    {
      fair: { id: fair.id, name: fair.name, startDate: fair.startDate, endDate: fair.endDate, venue: fair.venue, state: fair.state, provinceName },
      booth,
      products,
      certificates,
      contact: contactForViewer(request, { id: booth.cooperativeId }),
      buyer: buyer ? { organisation: buyer.organisation.name } : null,
      defaults: buyer ? { name: buyer.user.name, business: buyer.organisation.name, email: buyer.user.email, phone: buyer.organisation.phone ?? "" } : {},
    },
    // Opening a booth marks the visit, so an inquiry or order to this cooperative in the next days counts for the fair.
    { headers: { "Set-Cookie": boothVisitCookie(request, booth.id), "Cache-Control": "private, no-store" } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const h = new Headers(loaderHeaders);
  const retry = actionHeaders.get("Retry-After");
  if (retry) h.set("Retry-After", retry);
  return h;
};

export async function action({ request, params }: ActionFunctionArgs) {
  return handleLead(request, params);
}

export default function BoothPage() {
  const t = useT();
  const locale = useLocale();
  const { fair, booth, products, certificates, contact, buyer, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm({ schema: leadSchema, lastResult: reply?.result, defaultValue: defaults });
  const description = locale === "en" && booth.descriptionEn ? booth.descriptionEn : booth.descriptionVi;
  return (
    <section className="stack fairs-page fairs-booth-page">
      <p>
        <Link to={`/fairs/${fair.id}`}>← {fair.name}</Link>
      </p>
      <p className="fairs-booth-big">
        <BoothLabel number={booth.boothNumber} />
      </p>
      <h1>{booth.cooperativeName}</h1>
      <p>
        <VerifiedBadge verified={booth.verified} /> <span className="muted">{[booth.commune, booth.provinceName].filter(Boolean).join(", ")}</span>
      </p>
      <p className="muted">
        {t("fairs.booth.atFair", { fair: fair.name })} · <FairDates fair={fair} />
      </p>
      {description ? <p className="fairs-description">{description}</p> : null}

      <section aria-labelledby="booth-lead" className="card stack fairs-lead">
        <h2 id="booth-lead">{t("fairs.booth.leadTitle")}</h2>
        {reply?.outcome === "sent" ? (
          <Notice tone="success">
            {t("fairs.booth.sent", { cooperative: booth.cooperativeName })}
            {reply.threadId ? (
              <>
                {" "}
                <Link to={`/dashboard/inquiries/${reply.threadId}`}>{t("fairs.booth.openThread")}</Link>
              </>
            ) : null}
          </Notice>
        ) : reply?.outcome === "duplicate" ? (
          <Notice>{t("fairs.booth.duplicate")}</Notice>
        ) : null}
        {fair.state === "cancelled" ? <Notice tone="warning">{t("fairs.public.cancelled")}</Notice> : null}
        <p className="muted">{buyer ? t("fairs.booth.asBuyer", { organisation: buyer.organisation }) : t("fairs.booth.leadIntro")}</p>
        <Form method="post" className="form" hidden={fair.state === "cancelled"} {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <TextField field={fields.name} label={t("fairs.booth.name")} autoComplete="name" />
          <TextField field={fields.business} label={t("fairs.booth.business")} autoComplete="organization" />
          <p className="hint">{t("fairs.booth.contactHint")}</p>
          <TextField field={fields.phone} label={t("fairs.booth.phone")} hint={t("fairs.booth.phoneHint")} type="tel" autoComplete="tel" inputMode="tel" />
          <TextField field={fields.email} label={t("fairs.booth.email")} type="email" autoComplete="email" />
          <TextAreaField field={fields.interest} label={t("fairs.booth.interest")} hint={t("fairs.booth.interestHint")} rows={3} />
          <div className={`field fairs-consent${fields.consent.errors?.length ? " has-error" : ""}`}>
            <label>
              <input
                {...getInputProps(fields.consent, { type: "checkbox" })}
                key={fields.consent.key}
                aria-describedby={fields.consent.errors?.length ? fields.consent.errorId : undefined}
              />
              <span>{t("fairs.booth.consent")}</span>
            </label>
            <ErrorList id={fields.consent.errorId} errors={fields.consent.errors} />
          </div>
          <div>
            <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
              {t("fairs.booth.send")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="booth-products" className="stack">
        <h2 id="booth-products">{t("fairs.booth.products")}</h2>
        {products.length ? (
          <ul className="fairs-products">
            {products.map((p) => (
              <li key={p.id} className="card">
                <h3 className="fairs-card-title">
                  <Link to={`/products/${p.id}`}>{locale === "en" && p.nameEn ? p.nameEn : p.name}</Link>
                </h3>
                <CertificateBadges badges={p.badges} />
                <p className="muted">
                  {formatVnd(p.price, locale)} / {t(`units.${p.unit}` as "units.kg")}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("fairs.booth.noProducts")}</p>
        )}
      </section>

      <section aria-labelledby="booth-certs" className="stack">
        <h2 id="booth-certs">{t("fairs.booth.certificates")}</h2>
        {certificates.length ? (
          <ul className="fairs-certs">
            {certificates.map((c) => (
              <li key={`${c.type}-${c.number}`}>
                {t("fairs.booth.certificate", {
                  type: c.type === "ocop" && c.ocopStars ? `OCOP ${t("badges.stars", { stars: c.ocopStars })}` : t(`badges.type.${c.type as "vietgap"}`),
                  number: c.number,
                  issuer: c.issuer,
                })}
                {c.expiryDate ? <span className="muted"> · {t("fairs.booth.validUntil", { date: formatDate(c.expiryDate, locale) })}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("fairs.booth.noCertificates")}</p>
        )}
      </section>

      <section aria-labelledby="booth-contact" className="stack">
        <h2 id="booth-contact">{t("fairs.booth.contact")}</h2>
        <ContactButtons contact={contact} slug={booth.cooperativeSlug} />
        <p>
          <Link to={`/cooperatives/${booth.cooperativeSlug}`}>{t("fairs.booth.profile")}</Link>
        </p>
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({
    title: data
      ? data.booth.boothNumber
        ? t("fairs.booth.title", { cooperative: data.booth.cooperativeName, number: data.booth.boothNumber })
        : t("fairs.booth.titleUnnumbered", { cooperative: data.booth.cooperativeName, fair: data.fair.name })
      : t("fairs.public.title"),
  }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
