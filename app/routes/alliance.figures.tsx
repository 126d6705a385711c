import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { allianceProvince } from "~/capabilities/alliance/scope.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { formatDate, formatNumber } from "~/lib/money";
import { provinceFigures } from "~/models/alliance.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { provinceCode } = allianceProvince(request);
  return provinceFigures({ provinceCode });
}

export default function Figures() {
  const t = useT();
  const locale = useLocale();
  const f = useLoaderData<typeof loader>();
  const pct = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { style: "percent", maximumFractionDigits: 0 });
  return (
    <section className="stack">
      <h1>{f.province ? t("catalogue.alliance.figuresOf", { name: f.province.name }) : t("catalogue.alliance.figures")}</h1>
      <dl className="grid catalogue-figures">
        <div className="card">
          <dt>{t("catalogue.alliance.fCooperatives")}</dt>
          <dd>{formatNumber(f.cooperatives, locale)}</dd>
        </div>
        <div className="card">
          <dt>{t("catalogue.alliance.fVerified")}</dt>
          <dd>
            {pct.format(f.verifiedShare)} <span className="muted">({formatNumber(f.verified, locale)})</span>
          </dd>
        </div>
        <div className="card">
          <dt>{t("catalogue.alliance.fProducts")}</dt>
          <dd>{formatNumber(f.publishedProducts, locale)}</dd>
        </div>
        {([5, 4, 3] as const).map((s) => (
          <div className="card" key={s}>
            <dt>{t("catalogue.alliance.fOcop", { stars: s })}</dt>
            <dd>{formatNumber(f.ocopByStars[s], locale)}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="expiring-soon">
        <h2 id="expiring-soon">{t("catalogue.alliance.expiringSoon", { n: f.expiring.length })}</h2>
        {f.expiring.length ? (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("catalogue.alliance.holder")}</th>
                  <th scope="col">{t("catalogue.certificate.type")}</th>
                  <th scope="col">{t("catalogue.certificate.number")}</th>
                  <th scope="col">{t("catalogue.certificate.expiryDate")}</th>
                </tr>
              </thead>
              <tbody>
                {f.expiring.map(({ certificate: c, cooperativeName }) => (
                  <tr key={c.id}>
                    <td>{cooperativeName}</td>
                    <td>{t(`catalogue.certType.${c.type}`)}</td>
                    <td>{c.number}</td>
                    <td>{c.expiryDate ? formatDate(c.expiryDate, locale) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("catalogue.alliance.noneExpiring")}</p>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("catalogue.alliance.figures") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
