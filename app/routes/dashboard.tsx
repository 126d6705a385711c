import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { requireUser } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dashboardNav } from "~/components/dashboard-nav";
import { useT } from "~/i18n";
import { getMemberships } from "~/models/user.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const membership = getMemberships(user.id)[0];
  return {
    user: { name: user.name },
    organisation: membership
      ? {
          id: membership.organisation.id,
          name: membership.organisation.name,
          kind: membership.organisation.kind,
          verifiedAt: membership.organisation.verifiedAt,
        }
      : null,
    role: membership?.role ?? null,
  };
}

export default function DashboardLayout() {
  const t = useT();
  const { organisation, role } = useLoaderData<typeof loader>();
  const nav = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  // On a phone the tabs scroll sideways (styles.css): keep the current one in view, without moving the page.
  useEffect(() => {
    const list = nav.current;
    const active = list?.querySelector<HTMLElement>("a.active");
    if (list && active && list.scrollWidth > list.clientWidth) {
      list.scrollLeft = active.offsetLeft - list.offsetLeft - (list.clientWidth - active.offsetWidth) / 2;
    }
  }, [pathname]);
  const items = organisation
    ? dashboardNav.filter((i) => i.kinds.includes(organisation.kind) && (!i.ownerOnly || role === "owner"))
    : [];
  return (
    <div>
      {organisation ? (
        <nav aria-label={t("dashboard.title")}>
          <ul className="dashboard-nav" ref={nav} data-scrolls="sideways">
            {items.map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} end={i.to === "/dashboard"}>
                  {t(i.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
