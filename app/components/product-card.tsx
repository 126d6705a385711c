import { Link } from "@remix-run/react";
import { CertificateBadges, VerifiedBadge } from "~/components/badges";
import type { Badge } from "~/lib/badges";
import { categoryArtUrl, photoUrl } from "~/components/catalogue";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatNumber, formatVnd } from "~/lib/money";

export type ProductCardData = {
  id: number;
  nameVi: string;
  nameEn: string | null;
  unit: string;
  packSize: string | null;
  price: number;
  minOrderQty: number;
  stock: number;
  provinceName: string;
  cooperative: { name: string; slug: string; verified: boolean };
  badges: Badge[];
  /** URL of a 320 px image, if the product has a photo; else the stored photo's base path. */
  imageUrl?: string | null;
  imageAlt?: string | null;
  photo?: { path: string; alt: string | null } | null;
  /** For the category illustration shown when the product has no photo. */
  categoryCode?: string;
};

/** One product in a grid: links to the product page and to the cooperative's profile. */
export function ProductCard({ product, headingLevel = 3 }: { product: ProductCardData; headingLevel?: 2 | 3 }) {
  const t = useT();
  const locale = useLocale();
  const name = locale === "en" && product.nameEn ? product.nameEn : product.nameVi;
  const unit = t(`unit.${product.unit}` as MessageKey);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card product-card">
      {product.imageUrl || product.photo ? (
        <img
          src={product.imageUrl ?? photoUrl(product.photo!.path, 320)}
          alt={product.imageAlt ?? product.photo?.alt ?? ""}
          width={320}
          height={240}
          loading="lazy"
        />
      ) : (
        // No photo: the category's illustration, never an empty box. Decorative: the title says what it is.
        <img src={categoryArtUrl(product.categoryCode, product.unit)} alt="" width={320} height={240} loading="lazy" className="product-card-art" />
      )}
      <Heading className="product-card-title">
        <Link to={`/products/${product.id}`}>{name}</Link>
      </Heading>
      {/* Who sells it right under the name: three cooperatives' "Bưởi" are three different products. */}
      <p className="product-card-coop">
        <Link to={`/cooperatives/${product.cooperative.slug}`}>{product.cooperative.name}</Link> · {product.provinceName}{" "}
        <VerifiedBadge verified={product.cooperative.verified} />
      </p>
      <p className="product-card-price">{t("discovery.card.price", { price: formatVnd(product.price, locale), unit })}</p>
      <p className="muted product-card-meta">
        {t("discovery.card.moq", { qty: formatNumber(product.minOrderQty, locale), unit })}
        {product.stock <= 0 ? <> · {t("discovery.card.outOfStock")}</> : null}
      </p>
      {product.packSize ? <p className="muted product-card-meta">{t("commerce.card.pack", { pack: product.packSize })}</p> : null}
      <CertificateBadges badges={product.badges} />
    </article>
  );
}

export type CooperativeCardData = {
  name: string;
  slug: string;
  provinceName: string;
  commune: string | null;
  verified: boolean;
  memberCount: number | null;
  mainProducts: string | null;
  productCount: number;
  badges: Badge[];
};

export function CooperativeCard({ coop }: { coop: CooperativeCardData }) {
  const t = useT();
  return (
    <article className="card coop-card">
      <h3 className="product-card-title">
        <Link to={`/cooperatives/${coop.slug}`}>{coop.name}</Link>
      </h3>
      <p className="muted">
        {[coop.commune, coop.provinceName].filter(Boolean).join(", ")} <VerifiedBadge verified={coop.verified} />
      </p>
      {coop.mainProducts ? <p>{coop.mainProducts}</p> : null}
      <p className="muted">
        {t("discovery.coops.products", { count: coop.productCount })}
        {coop.memberCount ? <> · {t("discovery.coops.members", { count: coop.memberCount })}</> : null}
      </p>
      <CertificateBadges badges={coop.badges} />
    </article>
  );
}
