import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n";
import { requireModerator } from "~/capabilities/alliance/scope.server";
import { getProvince, listProvinces } from "~/models/province.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { provinceCode } = requireModerator(request);
  return {
    province: provinceCode ? getProvince(provinceCode) : null,
    // A platform admin may look at any province; an alliance admin sees only theirs.
    provinces: provinceCode ? [] : listProvinces().map((p) => ({ code: p.code, name: p.name })),
  };
}

export default function AllianceLayout() {
  const t = useT();
  const { province, provinces } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const chosen = params.get("province") ?? "";
  const suffix = chosen ? `?province=${chosen}` : "";
  // The dashboard, its lists and the reports carry their own province picker (it keeps the period).
  const ownPicker = /^\/alliance\/(dashboard|reports)/.test(useLocation().pathname);
  return (
    <div className="stack">
      <p className="muted">{province ? t("catalogue.alliance.scopeProvince", { name: province.name }) : t("catalogue.alliance.scopeAll")}</p>
      <nav aria-label={t("catalogue.alliance.nav")}>
        <ul className="dashboard-nav">
          <li>
            <NavLink to={`/alliance${suffix}`} end>
              {t("catalogue.alliance.queue")}
            </NavLink>
          </li>
          <li>
            <NavLink to={`/alliance/dashboard${suffix}`}>{t("alliance.nav.dashboard")}</NavLink>
          </li>
          <li>
            <NavLink to={`/alliance/safety${suffix}`}>{t("safety.alliance.title")}</NavLink>
          </li>
          {provinces.length ? (
            <li>
              <NavLink to="/alliance/reports">{t("alliance.nav.reports")}</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to={`/alliance/fairs${suffix}`}>{t("fairs.nav")}</NavLink>
          </li>
        </ul>
      </nav>
      {provinces.length && !ownPicker ? (
        <Form method="get" className="catalogue-inline-form">
          <label htmlFor="alliance-province">{t("auth.province")}</label>
          <select id="alliance-province" name="province" defaultValue={chosen}>
            <option value="">{t("catalogue.alliance.allProvinces")}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-small">
            {t("catalogue.alliance.show")}
          </button>
        </Form>
      ) : null}
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
