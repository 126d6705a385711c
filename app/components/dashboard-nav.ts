import type { MessageKey } from "~/i18n";

type Kind = "cooperative" | "buyer" | "alliance";

/**
 * The dashboard's tabs per kind of organisation. Each capability adds its own entries here.
 * `ownerOnly` tabs are hidden from staff.
 */
export const dashboardNav: { to: string; label: MessageKey; kinds: Kind[]; ownerOnly?: boolean }[] = [
  { to: "/dashboard", label: "dashboard.title", kinds: ["cooperative", "buyer", "alliance"] },
  { to: "/dashboard/products", label: "catalogue.dashboard.products", kinds: ["cooperative"] },
  { to: "/dashboard/certificates", label: "catalogue.dashboard.certificates", kinds: ["cooperative"] },
  { to: "/dashboard/members", label: "catalogue.dashboard.members", kinds: ["cooperative"] },
  { to: "/dashboard/lots", label: "trace.nav.lots", kinds: ["cooperative"] },
  { to: "/dashboard/orders", label: "orders.nav.orders", kinds: ["cooperative", "buyer"] },
  { to: "/dashboard/inquiries", label: "orders.nav.inquiries", kinds: ["cooperative", "buyer"] },
  { to: "/dashboard/quotes", label: "orders.nav.quotes", kinds: ["cooperative", "buyer"] },
  { to: "/dashboard/fairs", label: "fairs.nav.dashboard", kinds: ["cooperative"] },
  { to: "/dashboard/requests", label: "market.nav.requests", kinds: ["cooperative", "buyer"] },
  { to: "/dashboard/harvests", label: "harvest.nav.dashboard", kinds: ["cooperative"] },
  { to: "/dashboard/reservations", label: "harvest.nav.reservations", kinds: ["cooperative", "buyer"] },
  { to: "/account/saved-searches", label: "harvest.nav.savedSearches", kinds: ["buyer"] },
  { to: "/account/follows", label: "harvest.nav.follows", kinds: ["buyer"] },
  { to: "/cart", label: "orders.nav.cart", kinds: ["buyer"] },
  { to: "/dashboard/profile", label: "catalogue.dashboard.profile", kinds: ["cooperative"], ownerOnly: true },
  { to: "/dashboard/workforce", label: "alliance.workforce.title", kinds: ["cooperative"], ownerOnly: true },
  { to: "/dashboard/team", label: "dashboard.team", kinds: ["cooperative", "buyer", "alliance"] },
];
