import type { ReactNode } from "react";

/** The URL of a stored image at one of its widths (the same scheme as `imageUrl` in uploads.server). */
export function photoUrl(base: string, width: 320 | 800 | 1600 = 800) {
  return `/uploads/${base}-${width}.webp`;
}

/** The drawn illustration of a product's category (and pack), for a product without a photo. */
export function categoryArtUrl(categoryCode: string | undefined | null, unit?: string) {
  return `/art/category/${encodeURIComponent(categoryCode || "I.1.a")}${unit ? `?unit=${encodeURIComponent(unit)}` : ""}`;
}

export function photoSrcSet(base: string) {
  return `${photoUrl(base, 320)} 320w, ${photoUrl(base, 800)} 800w, ${photoUrl(base, 1600)} 1600w`;
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
