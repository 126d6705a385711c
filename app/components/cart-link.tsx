import { Link } from "@remix-run/react";
import { useT } from "~/i18n";

/** The header's cart for signed-in buyers, on every page; `count` is `cartCount` from the root loader (one query). */
export function CartLink({ count }: { count: number }) {
  const t = useT();
  return (
    <Link to="/cart" className="commerce-cart-link" aria-label={t("commerce.header.cartLabel", { n: count })}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="9" cy="21" r="1.5" />
        <circle cx="19" cy="21" r="1.5" />
        <path d="M1 1h4l2.7 13.4a2 2 0 0 0 2 1.6h9.7a2 2 0 0 0 2-1.6L23 6H6" />
      </svg>
      <span className="commerce-cart-text">{t("commerce.header.cart")}</span>
      <span className="commerce-cart-count" data-testid="cart-count">
        {count > 99 ? "99+" : count}
      </span>
    </Link>
  );
}
