import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { catalogueViewer } from "~/capabilities/catalogue/viewer.server";
import { CertificateBadges, VerifiedBadge } from "~/components/badges";
import { categoryArtUrl, Fact, photoSrcSet, photoUrl } from "~/components/catalogue";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { displayGtin } from "~/lib/gtin";
import { formatNumber, formatVnd } from "~/lib/money";
import { monthsFromMask } from "~/lib/product-rules";
import { absoluteUrl } from "~/services/mail.server";
import { getProductForDisplay, listPublishedProductIds } from "~/models/product.server";
import { productsByIds } from "~/models/search.server";
import { getMemberships } from "~/models/user.server";
import { AddToCart } from "~/components/add-to-cart";
import { ContactButtons } from "~/components/contact-buttons";
import { contactForViewer } from "~/capabilities/contact/contact.server";
import { ProductCard } from "~/components/product-card";
import { relatedProducts } from "~/models/related.server";
import { recentLots } from "~/models/product-lots.server";
import { RecentLots } from "~/components/recent-lots";
import { activeCertificatesForProduct } from "~/models/commerce.server";
import { CertificateDetails } from "~/components/certificate-details";
import type { PageCacheHandle } from "~/services/page-cache.server";

/** Kept rendered for visitors not signed in (app/services/page-cache.server.ts). */
export const handle: PageCacheHandle = { pageCache: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.productId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("errors.notFound", { status: 404 });
  const viewer = catalogueViewer(request);
  const display = getProductForDisplay({ id, viewerOrganisationId: viewer.cooperativeId });
  if (!display) throw new Response("errors.notFound", { status: 404 });
  const more = productsByIds({ ids: listPublishedProductIds({ cooperativeId: display.cooperative.id, excludeId: id, limit: 8 }) });
  // Ordering is for buyers: a signed-out visitor is asked to log in; cooperatives and alliances see no cart.
  const kinds = viewer.user ? getMemberships(viewer.user.id).map((m) => m.organisation.kind) : [];
  const canOrder = !viewer.user || kinds.includes("buyer");
  const contact = contactForViewer(request, { id: display.cooperative.id });
  // Similar products from other cooperatives, read from the discovery index (published, active sellers only).
  const similar = relatedProducts({ productId: id, limit: 8, sameCooperative: false }).similar;
  const certificates = activeCertificatesForProduct({ productId: id });
  return { ...display, certificates, lots: recentLots({ productId: id }), more, similar, canOrder, signedIn: !!viewer.user, contact, url: absoluteUrl(`/products/${id}`), cooperativeUrl: absoluteUrl(`/cooperatives/${display.cooperative.slug}`) };
}

export default function ProductPage() {
  const t = useT();
  const locale = useLocale();
  const { product, tiers, photos, badges, certificates, cooperative, category, originProvince, isOwner, lots, more, similar, canOrder, signedIn, contact } =
    useLoaderData<typeof loader>();
  const name = locale === "en" && product.nameEn ? product.nameEn : product.nameVi;
  const description = locale === "en" && product.descriptionEn ? product.descriptionEn : product.descriptionVi;
  const unit = t(`unit.${product.unit}`);
  const months = monthsFromMask(product.harvestMonths);
  return (
    <article className="stack catalogue-product">
      {isOwner && product.status !== "published" ? (
        <Notice tone="warning">{t("catalogue.product.previewNotice", { status: t(`catalogue.status.${product.status}`) })}</Notice>
      ) : null}
      <nav aria-label={t("catalogue.product.breadcrumb")} className="muted">
        <Link to={`/cooperatives/${cooperative.slug}`}>{cooperative.name}</Link> › {locale === "en" ? category.nameEn : category.nameVi}
      </nav>
      <div className="catalogue-product-layout">
        <div className="catalogue-gallery">
          {photos.length ? (
            photos.map((p, i) => (
              <img
                key={p.id}
                src={photoUrl(p.path, 800)}
                srcSet={photoSrcSet(p.path)}
                sizes="(max-width: 700px) 100vw, 50vw"
                alt={p.alt ?? name}
                width={p.width}
                height={p.height}
                loading={i === 0 ? "eager" : "lazy"}
              />
            ))
          ) : (
            <img src={categoryArtUrl(product.categoryCode, product.unit)} alt="" width={800} height={600} className="catalogue-photo-placeholder" />
          )}
        </div>
        <section className="stack" aria-labelledby="product-title">
          <h1 id="product-title">{name}</h1>
          {certificates.length ? <CertificateDetails certificates={certificates} /> : <CertificateBadges badges={badges} />}
          <p className="catalogue-price catalogue-price-large">
            {t("catalogue.product.pricePerUnit", { price: formatVnd(product.price, locale), unit })}
          </p>
          {tiers.length ? (
            <div className="table-wrap" tabIndex={0}>
              <table className="catalogue-tiers">
                <caption>{t("catalogue.product.tiers")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("catalogue.product.tierFrom")}</th>
                    <th scope="col">{t("catalogue.product.tierPrice")}</th>
                  </tr>
                </thead>
                <tbody>
                  {tiers.map((tier) => (
                    <tr key={tier.minQty}>
                      <td>{t("catalogue.product.atLeast", { qty: formatNumber(tier.minQty, locale), unit })}</td>
                      <td>{t("catalogue.product.pricePerUnit", { price: formatVnd(tier.unitPrice, locale), unit })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <dl className="catalogue-facts">
            <dt>{t("catalogue.product.moq")}</dt>
            <dd>{`${formatNumber(product.minOrderQty, locale)} ${unit}`}</dd>
            <dt>{t("catalogue.product.stock")}</dt>
            <dd>{product.stock > 0 ? `${formatNumber(product.stock, locale)} ${unit}` : t("catalogue.product.soldOut")}</dd>
            <Fact label={t("catalogue.product.packSize")}>{product.packSize}</Fact>
            <dt>{t("catalogue.product.origin")}</dt>
            <dd>{originProvince.name}</dd>
            <dt>{t("catalogue.product.harvest")}</dt>
            <dd>
              {months.length === 12
                ? t("catalogue.product.allYear")
                : months.length
                  ? months.map((m) => t("catalogue.month.short", { m })).join(", ")
                  : "—"}
            </dd>
            <dt>{t("catalogue.product.leadTimeShort")}</dt>
            <dd>{t("catalogue.product.days", { n: product.leadTimeDays })}</dd>
            <dt>{t("catalogue.product.category")}</dt>
            <dd>
              {category.code} · {locale === "en" ? category.nameEn : category.nameVi}
            </dd>
          </dl>
          {canOrder && product.status === "published" ? (
            <AddToCart productId={product.id} unit={product.unit} minOrderQty={product.minOrderQty} loggedIn={signedIn} />
          ) : null}
          {!isOwner ? <ContactButtons contact={contact} slug={cooperative.slug} productId={product.id} /> : null}
          <p>
            {t("catalogue.product.soldBy")} <Link to={`/cooperatives/${cooperative.slug}`}>{cooperative.name}</Link>{" "}
            <VerifiedBadge verified={cooperative.verified} />
          </p>
          {product.gtin ? (
            <figure className="catalogue-barcode">
              <img src={`/products/${product.id}/barcode.svg`} alt={t("catalogue.product.barcodeAlt", { gtin: displayGtin(product.gtin) })} />
              <figcaption>
                {t("catalogue.product.gtin")}: {displayGtin(product.gtin)}
              </figcaption>
            </figure>
          ) : null}
        </section>
      </div>
      {description ? (
        <section>
          <h2>{t("catalogue.product.description")}</h2>
          <p className="catalogue-prose">{description}</p>
        </section>
      ) : null}
      <RecentLots lots={lots} />
      {similar.length ? (
        <section aria-labelledby="similar-products">
          <h2 id="similar-products">{t("discovery.related.title")}</h2>
          <div className="grid">
            {similar.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        </section>
      ) : null}
      {more.length ? (
        <section aria-labelledby="more-from-coop">
          <h2 id="more-from-coop">{t("catalogue.product.moreFrom", { name: cooperative.name })}</h2>
          <div className="grid catalogue-grid">
            {more.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        </section>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, (t) => ({ title: t("errors.notFoundTitle") }));
  const p = data.product;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: p.nameVi,
    description: p.descriptionVi ?? undefined,
    url: data.url,
    gtin: p.gtin ? displayGtin(p.gtin) : undefined,
    category: data.category.nameVi,
    countryOfOrigin: "VN",
    manufacturer: { "@type": "Organization", name: data.cooperative.name, url: data.cooperativeUrl },
    offers: {
      "@type": "Offer",
      priceCurrency: "VND",
      price: p.price,
      availability: p.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      eligibleQuantity: { "@type": "QuantitativeValue", minValue: p.minOrderQty },
    },
  };
  // The cooperative in the title: several cooperatives sell a "Bưởi Diễn", and tabs and search results must tell them apart.
  return pageMeta(matches, (t) => ({ title: t("commerce.product.title", { product: p.nameVi, cooperative: data.cooperative.name }), description: (p.descriptionVi ?? "").slice(0, 160) || undefined }), [
    { tagName: "link", rel: "canonical", href: data.url },
    { "script:ld+json": jsonLd },
  ]);
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
