import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { organiserAction, organiserPage } from "~/capabilities/fairs/organiser.server";
import { requireFairOrganiser } from "~/capabilities/fairs/scope.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FairDates, FairPhaseBadge } from "~/components/fair-ui";
import { FairOutcome } from "~/components/fair-outcome";
import { Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { formatDate } from "~/lib/money";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fair } = requireFairOrganiser(request, params.fairId);
  return { ...organiserPage(request, fair), today: todayInVietnam() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { fair, moderator } = requireFairOrganiser(request, params.fairId);
  return organiserAction(request, { fair, moderator });
}

export default function OrganiserFair() {
  const t = useT();
  const locale = useLocale();
  const { fair, search, candidates, invitations, outcome, provinces, saved, today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const registered = outcome.booths;
  return (
    <section className="stack">
      <p>
        <Link to="/alliance/fairs">← {t("fairs.alliance.title")}</Link>
      </p>
      <h1>{fair.name}</h1>
      {saved ? <Notice tone="success">{t("fairs.alliance.saved")}</Notice> : null}
      <p>
        <FairPhaseBadge fair={fair} today={today} /> {fair.state === "draft" ? <span className="badge badge-pending">{t("fairs.state.draft")}</span> : null}
      </p>
      <dl className="catalogue-facts">
        <dt>{t("fairs.field.dates")}</dt>
        <dd>
          <FairDates fair={fair} />
        </dd>
        <dt>{t("fairs.field.venue")}</dt>
        <dd>{fair.venue}</dd>
        <dt>{t("fairs.field.deadline")}</dt>
        <dd>{formatDate(fair.registrationDeadline, locale)}</dd>
      </dl>
      <p className="fairs-actions">
        <Link className="button button-secondary" to={`/alliance/fairs/${fair.id}/edit`}>
          {t("fairs.alliance.edit")}
        </Link>
        {fair.state !== "draft" ? (
          <Link className="button button-secondary" to={`/fairs/${fair.id}`}>
            {t("fairs.alliance.publicPage")}
          </Link>
        ) : null}
      </p>

      <section className="stack" aria-labelledby="fair-invite">
        <h2 id="fair-invite">{t("fairs.alliance.invite")}</h2>
        {reply?.intent === "invite" ? reply.ok ? <Notice tone="success">{t("fairs.alliance.invitedDone")}</Notice> : <Notice tone="warning">{reply.error}</Notice> : null}
        <Form method="get" className="fairs-filters" role="search">
          <div className="field">
            <label htmlFor="invite-q">{t("fairs.alliance.inviteSearch")}</label>
            <input id="invite-q" name="q" type="search" defaultValue={search.q} />
          </div>
          <div className="field">
            <label htmlFor="invite-cp">{t("fairs.alliance.inviteProvince")}</label>
            <select id="invite-cp" name="cp" defaultValue={search.province}>
              <option value="any">{t("fairs.alliance.anyProvince")}</option>
              {provinces.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t("fairs.alliance.search")}
          </button>
        </Form>
        {candidates.length ? (
          <ul className="fairs-candidates">
            {candidates.map((c) => (
              <li key={c.id}>
                <span>
                  {c.name} <span className="muted">· {c.provinceName}</span>
                </span>
                {c.invited ? (
                  <span className="badge">{t("fairs.alliance.invited")}</span>
                ) : (
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="intent" value="invite" />
                    <input type="hidden" name="cooperativeId" value={c.id} />
                    <button type="submit" className="button button-small">
                      {t("fairs.alliance.inviteShort")}
                      <span className="visually-hidden"> {c.name}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("fairs.alliance.noMatches")}</p>
        )}
        <h3>{t("fairs.alliance.invitations", { n: invitations.length })}</h3>
        {invitations.length ? (
          <ul className="fairs-candidates">
            {invitations.map((i) => (
              <li key={i.cooperativeId}>
                <span>
                  {i.name} <span className="muted">· {i.provinceName}</span>
                </span>
                <span className={`badge${i.boothState === "registered" ? "" : " badge-pending"}`}>
                  {i.boothState === "registered" ? t("fairs.alliance.registered") : i.boothState === "withdrawn" ? t("fairs.alliance.withdrawn") : t("fairs.alliance.notRegistered")}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("fairs.alliance.noInvitations")}</p>
        )}
      </section>

      <section className="stack" aria-labelledby="fair-booths">
        <h2 id="fair-booths">{t("fairs.alliance.registrations", { n: registered.filter((b) => b.state === "registered").length })}</h2>
        {registered.length ? (
          <div className="table-wrap fairs-scroll" tabIndex={0} role="region" aria-labelledby="fair-booths">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("fairs.alliance.cooperative")}</th>
                  <th scope="col">{t("fairs.alliance.boothNumber")}</th>
                  <th scope="col">{t("fairs.alliance.products")}</th>
                  <th scope="col">{t("fairs.alliance.leads")}</th>
                  <th scope="col">{t("fairs.alliance.poster")}</th>
                </tr>
              </thead>
              <tbody>
                {registered.map((b) => {
                  const mine = reply?.intent === "booth-number" && reply.boothId === b.id ? reply : null;
                  return (
                    <tr key={b.id}>
                      <td>
                        {b.cooperativeName}
                        <div className="muted">
                          {b.provinceName}
                          {b.state === "withdrawn" ? ` · ${t("fairs.alliance.withdrawn")}` : ""}
                        </div>
                      </td>
                      <td>
                        {b.state === "registered" ? (
                          <Form method="post" className="fairs-number-form" preventScrollReset>
                            <input type="hidden" name="intent" value="booth-number" />
                            <input type="hidden" name="boothId" value={b.id} />
                            <label className="visually-hidden" htmlFor={`booth-${b.id}`}>
                              {t("fairs.alliance.boothNumberFor", { name: b.cooperativeName })}
                            </label>
                            <input
                              id={`booth-${b.id}`}
                              name="boothNumber"
                              defaultValue={mine && !mine.ok ? mine.value : b.boothNumber ?? ""}
                              key={`${b.id}-${b.boothNumber}`}
                              size={6}
                              maxLength={10}
                              aria-invalid={mine && !mine.ok ? true : undefined}
                              aria-describedby={mine && !mine.ok ? `booth-${b.id}-error` : undefined}
                            />
                            <button type="submit" className="button button-small">
                              {t("fairs.alliance.assign")}
                            </button>
                            {mine && !mine.ok ? (
                              <p className="field-errors" id={`booth-${b.id}-error`} role="alert">
                                {mine.error}
                              </p>
                            ) : mine?.ok ? (
                              <p className="muted" role="status">
                                {t("fairs.alliance.assigned")}
                              </p>
                            ) : null}
                          </Form>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td>{b.products}</td>
                      <td>{b.leads}</td>
                      <td>
                        {b.state === "registered" ? (
                          <a href={`/alliance/fairs/${fair.id}/booths/${b.id}/poster.pdf`} download aria-label={t("fairs.alliance.posterOf", { name: b.cooperativeName })}>
                            PDF
                          </a>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("fairs.alliance.noRegistrations")}</p>
        )}
      </section>

      <FairOutcome outcome={outcome} exportHref={`/alliance/fairs/${fair.id}/export.xlsx`} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, () => ({ title: data?.fair.name ?? "" }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
