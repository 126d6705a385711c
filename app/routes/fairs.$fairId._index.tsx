import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { fairPage } from "~/capabilities/fairs/public.server";
import { CertificateBadges } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BoothLabel, FairDates, FairPhaseBadge } from "~/components/fair-ui";
import { Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return fairPage(request, params.fairId);
}

export default function FairPage() {
  const t = useT();
  const locale = useLocale();
  const { fair, provinceName, organiserName, booths, total, provinces, categories, filters, today } = useLoaderData<typeof loader>();
  const filtered = !!(filters.province || filters.category || filters.stars || filters.q);
  return (
    <section className="stack fairs-page">
      <p>
        <Link to="/fairs">← {t("fairs.public.allFairs")}</Link>
      </p>
      <h1>{fair.name}</h1>
      <p>
        <FairPhaseBadge fair={fair} today={today} />
      </p>
      {fair.state === "cancelled" ? <Notice tone="warning">{t("fairs.public.cancelled")}</Notice> : null}
      <p className="fairs-when">
        <FairDates fair={fair} />
        <br />
        {fair.venue}, {provinceName}
        <br />
        <span className="muted">{t("fairs.public.organiser", { name: organiserName })}</span>
      </p>
      {fair.description ? <p className="fairs-description">{fair.description}</p> : null}

      <h2 id="booths">{t("fairs.public.boothsTitle")}</h2>
      {total ? (
        <details className="fairs-filter-box" open={filtered || undefined}>
          <summary>{t("fairs.public.filters")}</summary>
          <Form method="get" className="fairs-filters" role="search" aria-label={t("fairs.public.filters")}>
            <div className="field">
              <label htmlFor="f-q">{t("fairs.public.q")}</label>
              <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} />
            </div>
            <div className="field">
              <label htmlFor="f-province">{t("fairs.public.province")}</label>
              <select id="f-province" name="province" defaultValue={filters.province ?? ""}>
                <option value="">{t("fairs.public.anyProvince")}</option>
                {provinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-category">{t("fairs.public.category")}</label>
              <select id="f-category" name="category" defaultValue={filters.category ?? ""}>
                <option value="">{t("fairs.public.anyCategory")}</option>
                {categories.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-stars">{t("fairs.public.stars")}</label>
              <select id="f-stars" name="stars" defaultValue={filters.stars ? String(filters.stars) : ""}>
                <option value="">{t("fairs.public.anyStars")}</option>
                {[3, 4, 5].map((s) => (
                  <option key={s} value={s}>
                    {t("fairs.public.starsAtLeast", { stars: s })}
                  </option>
                ))}
              </select>
            </div>
            <div className="fairs-actions">
              <button type="submit" className="primary">
                {t("fairs.public.apply")}
              </button>
              {filtered ? <Link to={`/fairs/${fair.id}`}>{t("fairs.public.clear")}</Link> : null}
            </div>
          </Form>
        </details>
      ) : null}
      {total ? (
        <p className="muted" role="status">
          {t("fairs.public.shown", { n: booths.length, total })}
        </p>
      ) : null}
      {booths.length ? (
        <ul className="fairs-booths">
          {booths.map((b) => (
            <li key={b.id} className="card fairs-booth-card">
              <p className="fairs-booth-number">
                <BoothLabel number={b.boothNumber} />
              </p>
              <h3 className="fairs-card-title">
                <Link to={`/fairs/${fair.id}/booths/${b.id}`}>{b.cooperativeName}</Link>
              </h3>
              <p className="muted">{b.provinceName}</p>
              {b.products.length ? (
                <ul className="fairs-booth-products">
                  {b.products.slice(0, 4).map((p) => (
                    <li key={p.id}>
                      {locale === "en" && p.nameEn ? p.nameEn : p.name}
                      <CertificateBadges badges={p.badges.filter((x) => x.type === "ocop")} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{total ? t("fairs.public.noBooths") : t("fairs.public.noBoothsYet")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({ title: data?.fair.name ?? t("fairs.public.title"), description: data?.fair.description ?? undefined }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
