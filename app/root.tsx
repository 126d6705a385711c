import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
  useSearchParams,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getUser } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useNonce } from "~/components/nonce";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { getMemberships } from "~/models/user.server";
import { unreadCount } from "~/models/thread.server";
import { UnreadBadge } from "~/components/unread-badge";
import { CartLink } from "~/components/cart-link";
import { NotificationBadge } from "~/components/notification-badge";
import { cartCount } from "~/models/order.server";
import { unreadNotificationCount } from "~/models/notification.server";
import styles from "~/styles.css?url";
import catalogueStyles from "~/styles/catalogue.css?url";
import discoveryStyles from "~/styles/discovery.css?url";
import ordersStyles from "~/styles/orders.css?url";
import traceStyles from "~/styles/trace.css?url";
import commerceStyles from "~/styles/commerce.css?url";
import allianceStyles from "~/styles/alliance.css?url";
import fairsStyles from "~/styles/fairs.css?url";
import marketStyles from "~/styles/market.css?url";
import harvestStyles from "~/styles/harvest.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  // One stylesheet per capability, so parallel work does not collide in one file.
  ...[catalogueStyles, discoveryStyles, traceStyles, ordersStyles, commerceStyles, allianceStyles, fairsStyles, marketStyles, harvestStyles].map((href) => ({ rel: "stylesheet", href })),
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * A route whose page works without JavaScript may export `handle = { document: "bare", styles: [href…] }`: its
 * document then carries no scripts, no module preloads and only the base stylesheet plus its own (the consumer trace
 * page, opened on cheap phones on mobile data). Every other page is unchanged.
 */
export type BareDocumentHandle = { document: "bare"; styles: string[] };

function useBareDocument(): BareDocumentHandle | null {
  const matches = useMatches();
  for (const m of matches) {
    const handle = m.handle as Partial<BareDocumentHandle> | undefined;
    if (handle?.document === "bare") return { document: "bare", styles: handle.styles ?? [] };
  }
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = getLocale(request);
  const user = getUser(request);
  const membership = user ? getMemberships(user.id)[0] : undefined;
  const unreadMessages =
    membership && membership.organisation.kind !== "alliance" ? unreadCount({ organisationId: membership.organisation.id }) : 0;
  // One indexed count, and only for buyers: nobody else has a cart.
  const cartItems = membership?.organisation.kind === "buyer" ? cartCount({ buyerId: membership.organisation.id }) : null;
  const unreadNotifications = membership ? unreadNotificationCount({ organisationId: membership.organisation.id }) : 0;
  return {
    locale,
    unreadMessages,
    cartItems,
    unreadNotifications,
    user: user ? { id: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin } : null,
    organisation: membership
      ? { id: membership.organisation.id, name: membership.organisation.name, kind: membership.organisation.kind, role: membership.role }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

function Header() {
  const t = useT();
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const [params] = useSearchParams();
  const here = `${location.pathname}${location.search}`;
  const user = data?.user;
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand" aria-label={t("nav.home")}>
          <span aria-hidden="true" className="brand-mark">
            ◆
          </span>{" "}
          {t("app.name")}
        </Link>
        <Form method="get" action="/search" className="header-search" role="search">
          <label htmlFor="header-q" className="visually-hidden">
            {t("search.label")}
          </label>
          <input
            id="header-q"
            type="search"
            name="q"
            defaultValue={location.pathname === "/search" ? (params.get("q") ?? "") : ""}
            placeholder={t("search.placeholder")}
            maxLength={200}
          />
          <button type="submit">{t("search.submit")}</button>
        </Form>
        <nav aria-label={t("nav.main")} className="main-nav">
          <NavLink to="/search">{t("nav.products")}</NavLink>
          <NavLink to="/cooperatives">{t("nav.cooperatives")}</NavLink>
          <NavLink to="/provinces">{t("nav.provinces")}</NavLink>
          <NavLink to="/fairs">{t("fairs.nav")}</NavLink>
          <NavLink to="/requests">{t("market.nav.board")}</NavLink>
          <NavLink to="/harvests">{t("harvest.nav.board")}</NavLink>
        </nav>
        <div className="header-tools">
          <Form method="post" action="/set-language" className="lang-switch">
            <input type="hidden" name="lang" value={data?.locale === "en" ? "vi" : "en"} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" aria-label={t("lang.switchLabel")}>
              {t("lang.switch")}
            </button>
          </Form>
          {user && data?.organisation && data.organisation.kind !== "alliance" ? <UnreadBadge count={data.unreadMessages} /> : null}
          {user && data?.cartItems != null ? <CartLink count={data.cartItems} /> : null}
          {user && data?.organisation ? <NotificationBadge count={data.unreadNotifications} /> : null}
          {user ? (
            <details className="account-menu">
              <summary aria-label={t("nav.accountMenu", { name: user.name })}>{user.name}</summary>
              <ul>
                <li>
                  <Link to="/dashboard">{t("nav.dashboard")}</Link>
                </li>
                <li>
                  <Link to="/account">{t("nav.account")}</Link>
                </li>
                {data?.organisation?.kind === "alliance" || user.isPlatformAdmin ? (
                  <li>
                    <Link to="/alliance">{t("nav.moderation")}</Link>
                  </li>
                ) : null}
                {user.isPlatformAdmin ? (
                  <li>
                    <Link to="/admin/outbox">{t("nav.outbox")}</Link>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="link-button">
                      {t("nav.logout")}
                    </button>
                  </Form>
                </li>
              </ul>
            </details>
          ) : (
            <div className="auth-links">
              <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t("nav.login")}</Link>
              <Link to="/signup" className="button button-small">
                {t("nav.signup")}
              </Link>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}

function Footer() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <p>{t("footer.data")}</p>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const t = useT();
  const bare = useBareDocument();
  return (
    <html lang={data?.locale ?? "vi"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {bare ? (
          <>
            {[styles, ...bare.styles].map((href) => (
              <link key={href} rel="stylesheet" href={href} />
            ))}
            <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          </>
        ) : (
          <Links />
        )}
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("nav.skip")}
        </a>
        <Header />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <Footer />
        {bare ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
