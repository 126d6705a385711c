import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUserId } from "~/services/auth.server";
import { CertificateBadges, VerifiedBadge } from "~/components/badges";
import { Fact, photoSrcSet, photoUrl } from "~/components/catalogue";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { absoluteUrl } from "~/services/mail.server";
import { formatNumber } from "~/lib/money";
import { localiseAddress } from "~/lib/address";
import { getCooperativeProfile } from "~/models/cooperative.server";
import { listPublishedProductIds } from "~/models/product.server";
import { productsByIds } from "~/models/search.server";
import { ProductCard } from "~/components/product-card";
import { typicalResponseHours } from "~/models/thread.server";
import { ResponseTime } from "~/components/response-time";
import { FollowButton } from "~/components/harvest-ui";
import { followState } from "~/capabilities/harvest/routes.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const signedIn = getUserId(request) !== null;
  const profile = getCooperativeProfile({ slug: params.slug ?? "", signedIn });
  if (!profile) throw new Response("errors.notFound", { status: 404 });
  const products = productsByIds({ ids: listPublishedProductIds({ cooperativeId: profile.cooperative.id }) });
  const url = absoluteUrl(`/cooperatives/${profile.cooperative.slug}`);
  const responseHours = typicalResponseHours({ cooperativeId: profile.cooperative.id });
  const follow = followState(request, { kind: "cooperative", value: String(profile.cooperative.id) });
  return { ...profile, products, signedIn, url, responseHours, follow };
}

export default function CooperativeProfile() {
  const t = useT();
  const locale = useLocale();
  const { cooperative: c, contact, province, publicMembers, photos, badges, products, signedIn, responseHours, follow } = useLoaderData<typeof loader>();
  const description = locale === "en" && c.descriptionEn ? c.descriptionEn : c.descriptionVi;
  return (
    <article className="stack catalogue-profile">
      <header className="stack">
        <h1>{c.name}</h1>
        <p className="muted">
          {c.cooperativeType ? t(`org.coopType.${c.cooperativeType}`) : null}
          {c.commune ? ` · ${c.commune}` : ""}
          {province ? ` · ${province.name}` : ""}
        </p>
        <div className="catalogue-badge-row">
          <VerifiedBadge verified={c.verified} />
          <CertificateBadges badges={badges} />
        </div>
        <FollowButton kind="cooperative" value={String(c.id)} {...follow} />
        <p>
          <Link to={`/harvests?coop=${c.id}`}>{t("harvest.nav.board")}</Link>
        </p>
      </header>
      {photos.length ? (
        <div className="catalogue-gallery catalogue-gallery-row">
          {photos.map((p) => (
            <img key={p.id} src={photoUrl(p.path, 800)} srcSet={photoSrcSet(p.path)} sizes="(max-width: 700px) 100vw, 33vw" alt={p.alt ?? c.name} width={p.width} height={p.height} loading="lazy" />
          ))}
        </div>
      ) : null}
      {description ? <p className="catalogue-prose">{description}</p> : null}
      <div className="grid catalogue-profile-facts">
        <section className="card">
          <h2>{t("catalogue.profile.about")}</h2>
          <dl className="catalogue-facts">
            <Fact label={t("catalogue.profile.registrationNumber")}>{c.registrationNumber}</Fact>
            <Fact label={t("catalogue.profile.yearFounded")}>{c.yearFounded}</Fact>
            <Fact label={t("catalogue.profile.memberCount")}>{c.memberCount ? formatNumber(c.memberCount, locale) : null}</Fact>
            <Fact label={t("catalogue.profile.area")}>{c.areaHa ? t("catalogue.profile.hectares", { n: formatNumber(c.areaHa, locale) }) : null}</Fact>
            <Fact label={t("catalogue.profile.mainProducts")}>{c.mainProducts}</Fact>
            <Fact label={t("catalogue.profile.address")}>{c.address ? localiseAddress(c.address, locale) : null}</Fact>
            <Fact label={t("catalogue.profile.website")}>
              {c.website ? (
                <a href={c.website} rel="noopener nofollow">
                  {c.website}
                </a>
              ) : null}
            </Fact>
          </dl>
        </section>
        <section className="card">
          <h2>{t("catalogue.profile.contact")}</h2>
          <p>
            <Link className="button" to={`/cooperatives/${c.slug}/contact`}>
              {t("orders.contact.message")}
            </Link>{" "}
            <ResponseTime hours={responseHours} />
          </p>
          {contact ? (
            <dl className="catalogue-facts">
              <Fact label={t("catalogue.profile.contactName")}>{contact.contactName}</Fact>
              <Fact label={t("catalogue.profile.phone")}>{contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : null}</Fact>
              <Fact label="Zalo">
                {contact.zalo ? (
                  <a href={`https://zalo.me/${contact.zalo.replace(/\D/g, "")}`} rel="noopener">
                    {contact.zalo}
                  </a>
                ) : null}
              </Fact>
              <Fact label={t("catalogue.profile.email")}>{contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}</Fact>
            </dl>
          ) : (
            <p>
              {t("catalogue.profile.loginForContact")}{" "}
              {!signedIn ? <Link to={`/login?redirectTo=${encodeURIComponent(`/cooperatives/${c.slug}`)}`}>{t("nav.login")}</Link> : null}
            </p>
          )}
        </section>
      </div>
      {publicMembers.length ? (
        <section>
          <h2>{t("catalogue.profile.members")}</h2>
          <ul className="catalogue-member-list">
            {publicMembers.map((m) => (
              <li key={m.id}>
                {m.name}
                {m.commune ? <span className="muted"> · {m.commune}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="coop-products">
        <h2 id="coop-products">{t("catalogue.profile.products", { n: products.length })}</h2>
        {products.length ? (
          <div className="grid catalogue-grid">
            {products.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        ) : (
          <p className="muted">{t("catalogue.profile.noProducts")}</p>
        )}
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, (t) => ({ title: t("errors.notFoundTitle") }));
  const c = data.cooperative;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: c.name,
    url: data.url,
    address: { "@type": "PostalAddress", addressLocality: c.commune ?? undefined, addressRegion: data.province?.name, addressCountry: "VN", streetAddress: c.address ?? undefined },
    foundingDate: c.yearFounded ? String(c.yearFounded) : undefined,
    description: c.descriptionVi ?? undefined,
  };
  return pageMeta(matches, () => ({ title: c.name, description: (c.descriptionVi ?? c.mainProducts ?? "").slice(0, 160) || undefined }), [
    { "script:ld+json": jsonLd },
  ]);
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
