import { useLocale, useT } from "~/i18n";
import { FAIR_COOKIE_DAYS } from "~/lib/fair-rules";
import { formatDateTime, formatVnd } from "~/lib/money";
import { formatVietnamesePhone } from "~/lib/phone";
import type { Outcome } from "~/capabilities/fairs/export.server";

/** After the fair: the totals, then leads, inquiries and orders, each a table that scrolls on a phone. */
export function FairOutcome({ outcome, exportHref }: { outcome: Outcome; exportHref: string }) {
  const t = useT();
  const locale = useLocale();
  const { totals } = outcome;
  return (
    <section className="stack" aria-labelledby="fair-outcome">
      <h2 id="fair-outcome">{t("fairs.alliance.outcome")}</h2>
      <p className="muted">{t("fairs.alliance.outcomeHint", { days: FAIR_COOKIE_DAYS })}</p>
      <dl className="fairs-figures">
        <div>
          <dt>{t("fairs.alliance.booths")}</dt>
          <dd>{totals.booths}</dd>
        </div>
        <div>
          <dt>{t("fairs.alliance.leads")}</dt>
          <dd>{totals.leads}</dd>
        </div>
        <div>
          <dt>{t("fairs.alliance.inquiries")}</dt>
          <dd>{totals.inquiries}</dd>
        </div>
        <div>
          <dt>{t("fairs.alliance.orders")}</dt>
          <dd>{totals.orders}</dd>
        </div>
        <div>
          <dt>{t("fairs.alliance.orderValue")}</dt>
          <dd>{formatVnd(totals.orderValue, locale)}</dd>
        </div>
      </dl>
      <p>
        <a className="button button-secondary" href={exportHref} download>
          {t("fairs.alliance.export")}
        </a>
      </p>
      <h3>{t("fairs.alliance.leads")}</h3>
      {outcome.leads.length ? (
        <div className="table-wrap fairs-scroll" tabIndex={0} role="region" aria-label={t("fairs.alliance.leads")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("fairs.alliance.when")}</th>
                <th scope="col">{t("fairs.alliance.boothNumber")}</th>
                <th scope="col">{t("fairs.alliance.cooperative")}</th>
                <th scope="col">{t("fairs.alliance.name")}</th>
                <th scope="col">{t("fairs.alliance.contact")}</th>
                <th scope="col">{t("fairs.alliance.interest")}</th>
                <th scope="col">{t("fairs.alliance.status")}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.leads.map((l) => (
                <tr key={l.id}>
                  <td>{formatDateTime(l.createdAt, locale)}</td>
                  <td>{l.boothNumber ?? "—"}</td>
                  <td>{l.cooperativeName}</td>
                  <td>
                    {l.name}
                    {l.business ? <div className="muted">{l.business}</div> : null}
                  </td>
                  <td>
                    {l.phone ? <div>{formatVietnamesePhone(l.phone)}</div> : null}
                    {l.email ? <div>{l.email}</div> : null}
                  </td>
                  <td className="fairs-interest">{l.interest}</td>
                  <td>{l.answered ? t("fairs.alliance.answered") : t("fairs.alliance.notAnswered")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("fairs.alliance.none")}</p>
      )}
      <h3>{t("fairs.alliance.inquiries")}</h3>
      {outcome.inquiries.length ? (
        <div className="table-wrap fairs-scroll" tabIndex={0} role="region" aria-label={t("fairs.alliance.inquiries")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("fairs.alliance.when")}</th>
                <th scope="col">{t("fairs.alliance.boothNumber")}</th>
                <th scope="col">{t("fairs.alliance.cooperative")}</th>
                <th scope="col">{t("fairs.alliance.buyer")}</th>
                <th scope="col">{t("fairs.alliance.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.inquiries.map((i) => (
                <tr key={i.threadId}>
                  <td>{formatDateTime(i.createdAt, locale)}</td>
                  <td>{i.boothNumber ?? "—"}</td>
                  <td>{i.cooperativeName}</td>
                  <td>{i.buyerName}</td>
                  <td>{i.subject}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("fairs.alliance.none")}</p>
      )}
      <h3>{t("fairs.alliance.orders")}</h3>
      {outcome.orders.length ? (
        <div className="table-wrap fairs-scroll" tabIndex={0} role="region" aria-label={t("fairs.alliance.orders")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("fairs.alliance.when")}</th>
                <th scope="col">{t("fairs.alliance.order")}</th>
                <th scope="col">{t("fairs.alliance.cooperative")}</th>
                <th scope="col">{t("fairs.alliance.buyer")}</th>
                <th scope="col">{t("fairs.alliance.total")}</th>
                <th scope="col">{t("fairs.alliance.status")}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.orders.map((o) => (
                <tr key={o.orderId}>
                  <td>{formatDateTime(o.createdAt, locale)}</td>
                  <td>{o.number}</td>
                  <td>{o.cooperativeName}</td>
                  <td>{o.buyerName}</td>
                  <td>{formatVnd(o.total, locale)}</td>
                  <td>{t(`orders.status.${o.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("fairs.alliance.none")}</p>
      )}
    </section>
  );
}
