import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { CertificateBadges, type Badge } from "~/components/badges";
import { useLocale, useT } from "~/i18n";
import { formatVnd } from "~/lib/money";

/** The URL of a stored image at one of its widths (the same scheme as `imageUrl` in uploads.server). */
export function photoUrl(base: string, width: 320 | 800 | 1600 = 800) {
  return `/uploads/${base}-${width}.webp`;
}

export function photoSrcSet(base: string) {
  return `${photoUrl(base, 320)} 320w, ${photoUrl(base, 800)} 800w, ${photoUrl(base, 1600)} 1600w`;
}

export function productPath(p: { id: number; slug?: string }) {
  return `/products/${p.id}`;
}

type Card = { id: number; nameVi: string; nameEn: string | null; price: number; unit: string; badges: Badge[]; photo: { path: string; alt: string | null } | null };

/** A product in a grid: photo, name, price per unit, badges. */
export function ProductCard({ product }: { product: Card }) {
  const t = useT();
  const locale = useLocale();
  const name = locale === "en" && product.nameEn ? product.nameEn : product.nameVi;
  return (
    <article className="card catalogue-product-card">
      {product.photo ? (
        <img src={photoUrl(product.photo.path, 320)} alt={product.photo.alt ?? name} loading="lazy" width={320} height={240} />
      ) : (
        <div className="catalogue-photo-placeholder" aria-hidden="true" />
      )}
      <h3>
        <Link to={productPath(product)}>{name}</Link>
      </h3>
      <p className="catalogue-price">
        {t("catalogue.product.pricePerUnit", { price: formatVnd(product.price, locale), unit: t(`unit.${product.unit as "kg"}`) })}
      </p>
      <CertificateBadges badges={product.badges} />
    </article>
  );
}

/** One term of a fact list; nothing at all when there is no value, so optional profile fields just drop out. */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  if (children === null || children === undefined || children === "" || children === false) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
