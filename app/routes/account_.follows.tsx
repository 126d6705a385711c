import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { listFollows } from "~/models/harvest.server";
import { getCategory, getProvince } from "~/models/province.server";
import { requireBuyer } from "~/capabilities/orders/route-helpers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireBuyer(request);
  return {
    follows: listFollows({ buyerId: organisation.id }).map((f) => {
      if (f.kind === "cooperative") return { ...f, label: f.cooperative?.name ?? "", labelEn: null, href: f.cooperative ? `/cooperatives/${f.cooperative.slug}` : null };
      if (f.kind === "category") {
        const c = getCategory(f.value);
        return { ...f, label: c ? `${c.code} ${c.nameVi}` : f.value, labelEn: c ? `${c.code} ${c.nameEn}` : null, href: `/harvests?category=${encodeURIComponent(f.value)}` };
      }
      const p = getProvince(f.value);
      return { ...f, label: p?.name ?? f.value, labelEn: null, href: p ? `/provinces/${p.slug}` : null };
    }),
  };
}

export default function Follows() {
  const t = useT();
  const locale = useLocale();
  const { follows } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("harvest.follows.title")}</h1>
      <p>{t("harvest.follows.intro")}</p>
      {follows.length === 0 ? (
        <p>{t("harvest.follows.empty")}</p>
      ) : (
        <ul className="harvest-list">
          {follows.map((f) => (
            <li key={f.id} className="card harvest-list-item">
              <span>
                <span className="badge">{t(`harvest.follows.kind.${f.kind}` as MessageKey)}</span>{" "}
                {f.href ? <Link to={f.href}>{locale === "en" && f.labelEn ? f.labelEn : f.label}</Link> : f.label}
              </span>
              <Form method="post" action="/follows">
                <input type="hidden" name="intent" value="unfollow" />
                <input type="hidden" name="kind" value={f.kind} />
                <input type="hidden" name="value" value={f.value} />
                <input type="hidden" name="redirectTo" value="/account/follows" />
                <button type="submit" className="button button-secondary button-small" aria-label={`${t("harvest.follow.unfollow")}: ${f.label}`}>
                  {t("harvest.follow.unfollow")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/harvests">{t("harvest.nav.board")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("harvest.follows.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
