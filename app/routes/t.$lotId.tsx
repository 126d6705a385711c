import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatDateTime } from "~/lib/money";
import { parseLotId, reportSchema, submitReport, tracePageData } from "~/capabilities/trace/page.server";
import { readForm } from "~/services/uploads.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseLotId(params.lotId);
  const sn = new URL(request.url).searchParams.get("sn");
  const page = id ? tracePageData(id, sn && sn.length <= 20 ? sn : null) : null;
  if (!page) throw new Response(null, { status: 404, statusText: "Not Found" });
  return data(page, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = parseLotId(params.lotId);
  if (!id) throw new Response(null, { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: reportSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), state: "invalid" as const }, { status: 400 });
  const state = await submitReport(request, id, submission.value);
  if (state === "notFound") throw new Response(null, { status: 404 });
  if (state === "limited") return data({ result: submission.reply(), state }, { status: 429, headers: { "Retry-After": "3600" } });
  return data({ result: submission.reply({ resetForm: true }), state });
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  pageMeta(matches, (t) => ({ title: t("trace.page.title", { product: d?.product.nameVi ?? "" }) }), [{ name: "robots", content: "noindex" }]);

const stateClass: Record<string, string> = { valid: "trace-ok", expired: "trace-bad", revoked: "trace-bad", notYetValid: "trace-warn", unverified: "trace-warn" };

const time = formatDateTime;

export default function TracePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const name = locale === "en" ? (d.product.nameEn ?? d.product.nameVi) : d.product.nameVi;
  const date = (s: string) => formatDate(s, locale);
  const fieldErrors = actionData?.result.error ?? {};
  return (
    <article className="trace">
      <header className="trace-head">
        {d.photo ? <img src={d.photo.src} width={d.photo.width} height={d.photo.height} alt={d.photo.alt ?? name} loading="lazy" decoding="async" className="trace-photo" /> : null}
        <div>
          <h1>{name}</h1>
          <p className="trace-origin">
            <strong>{t("trace.page.origin")}:</strong> {d.cooperative.name}, {d.cooperative.address}
          </p>
          <p>{t("trace.page.lead", { lot: d.lot.code, coop: d.cooperative.name })}</p>
        </div>
      </header>

      {d.serial && !d.serial.known ? <p className="trace-alert" role="alert">{t("trace.page.unknownSerial")}</p> : null}
      {d.serial?.suspicious ? <p className="trace-alert" role="alert">{t("trace.page.copyWarning", { n: d.serial.scans })}</p> : null}

      <section aria-labelledby="trace-items">
        <h2 id="trace-items">{t("trace.page.items")}</h2>
        <dl className="trace-items">
          <dt>{t("trace.item.productName")}</dt>
          <dd>
            <a href={d.product.url}>{name}</a>
          </dd>
          <dt>{t("trace.item.productImage")}</dt>
          <dd>{d.photo ? t("trace.item.photoAbove") : t("trace.item.noPhoto")}</dd>
          <dt>{t("trace.item.producer")}</dt>
          <dd>
            <a href={d.cooperative.url}>{d.cooperative.name}</a>{" "}
            <span className={`badge ${d.cooperative.verified ? "trace-ok" : "trace-warn"}`}>{t(d.cooperative.verified ? "trace.page.verified" : "trace.page.notVerified")}</span>
          </dd>
          <dt>{t("trace.item.address")}</dt>
          <dd>{d.cooperative.address}</dd>
          <dt>{t("trace.item.stages")}</dt>
          <dd>{t("trace.item.stagesValue", { n: d.events.length })}</dd>
          <dt>{t("trace.item.productionTime")}</dt>
          <dd>{t("trace.item.productionTimeValue", { harvest: date(d.lot.harvestDate), packing: date(d.lot.packingDate) })}</dd>
          <dt>{t("trace.item.traceCode")}</dt>
          <dd>
            <code>{d.lot.code}</code> · <span className="trace-link">{d.digitalLink}</span>
          </dd>
          <dt>{t("trace.item.brandCode")}</dt>
          <dd>
            {d.cooperative.name} · GTIN {d.product.gtin ?? t("trace.item.noGtin")}
            {d.serial?.known ? ` · ${t("trace.item.serial", { serial: d.serial.value })}` : ""}
          </dd>
          <dt>{t("trace.item.shelfLife")}</dt>
          <dd>{t("trace.item.shelfLifeValue", { date: date(d.lot.bestBeforeDate) })}</dd>
          <dt>{t("trace.item.standards")}</dt>
          <dd>{d.certificates.length ? d.certificates.map((c) => `${t(`badges.type.${c.type}` as MessageKey)} ${c.number}`).join("; ") : t("trace.item.noStandards")}</dd>
        </dl>
      </section>

      <section aria-labelledby="trace-members">
        <h2 id="trace-members">{t("trace.page.members")}</h2>
        {d.members.length ? (
          <ul className="trace-members">
            {d.members.map((m) => (
              <li key={`${m.name}-${m.plantingArea}`}>
                <strong>{m.name}</strong>
                {m.commune ? `, ${m.commune}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("trace.page.noMembers")}</p>
        )}
        {d.hiddenMembers > 0 ? <p className="hint">{t("trace.page.membersHidden", { n: d.hiddenMembers })}</p> : null}
      </section>

      <section aria-labelledby="trace-timeline">
        <h2 id="trace-timeline">{t("trace.page.timeline")}</h2>
        {d.events.length ? (
          <ol className="trace-timeline">
            {d.events.map((e) => (
              <li key={e.id}>
                <p className="trace-when">
                  <time dateTime={e.eventTime}>{time(e.eventTime, locale)}</time> · <strong>{t(`trace.event.${e.type}`)}</strong>
                </p>
                <p>{e.what}</p>
                <p className="hint">
                  {e.who} · {e.commune}
                  {e.latitude && e.longitude ? ` · ${t("trace.page.gps", { lat: e.latitude, lng: e.longitude })}` : ""}
                </p>
                {e.sprayProduct ? <p className="hint">{t("trace.page.spray", { product: e.sprayProduct, days: e.preHarvestIntervalDays ?? "?" })}</p> : null}
                {e.flagged ? <p className="trace-alert">{t("trace.page.sprayFlag")}</p> : null}
                {e.notes ? <p className="hint">{e.notes}</p> : null}
                {e.attachment ? <a href={e.attachment}>{t("trace.page.attachment")}</a> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("trace.page.noEvents")}</p>
        )}
      </section>

      <section aria-labelledby="trace-certs">
        <h2 id="trace-certs">{t("trace.page.certificates")}</h2>
        {d.certificates.length ? (
          <ul className="trace-certs">
            {d.certificates.map((c) => (
              <li key={c.id}>
                <p>
                  {t("trace.page.certValid", { type: t(`badges.type.${c.type}` as MessageKey), number: c.number, issuer: c.issuer, expiry: c.expiryDate ? date(c.expiryDate) : t("trace.page.noExpiry") })}{" "}
                  {c.verified ? <span className="badge trace-ok">{t("trace.page.certVerified")}</span> : null}
                </p>
                <p>
                  {t("trace.page.certAtHarvest", { date: date(d.lot.harvestDate) })}: <span className={`badge ${stateClass[c.atHarvest]}`}>{t(`trace.cert.${c.atHarvest}`)}</span> · {t("trace.page.certToday")}:{" "}
                  <span className={`badge ${stateClass[c.today]}`}>{t(`trace.cert.${c.today}`)}</span>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("trace.item.noStandards")}</p>
        )}
      </section>

      <section aria-labelledby="trace-honesty" className="trace-honesty">
        <h2 id="trace-honesty">{t("trace.page.honesty")}</h2>
        <p>{t("trace.page.honestyEntered")}</p>
        <p>{d.cooperative.verified ? t("trace.page.honestyVerified", { coop: d.cooperative.name }) : t("trace.page.honestyUnverified")}</p>
        <p>
          <a href={d.product.url}>{t("trace.page.productPage")}</a> · <a href={d.cooperative.url}>{t("trace.page.coopProfile")}</a> · <a href={d.epcisUrl}>{t("trace.page.epcis")}</a>
        </p>
      </section>

      <section aria-labelledby="trace-report">
        <h2 id="trace-report">{t("trace.report.title")}</h2>
        <p>{t("trace.report.lead")}</p>
        {actionData?.state === "sent" ? <Notice tone="success">{t("trace.report.sent")}</Notice> : null}
        {actionData?.state === "limited" ? <Notice tone="warning">{t("trace.report.limited")}</Notice> : null}
        <Form method="post" className="form" reloadDocument>
          {d.serial?.known ? <input type="hidden" name="sn" value={d.serial.value} /> : null}
          <div className="field">
            <label htmlFor="report-kind">{t("trace.report.kind")}</label>
            <select id="report-kind" name="kind" defaultValue="fake">
              {(["fake", "quality", "label", "other"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`trace.report.kind.${k}`)}
                </option>
              ))}
            </select>
            <ErrorList errors={fieldErrors.kind} />
          </div>
          <div className={`field${fieldErrors.message ? " has-error" : ""}`}>
            <label htmlFor="report-message">{t("trace.report.message")}</label>
            <textarea id="report-message" name="message" rows={3} required minLength={10} maxLength={2000} />
            <ErrorList errors={fieldErrors.message} />
          </div>
          <div className="field">
            <label htmlFor="report-contact">{t("trace.report.contact")}</label>
            <input id="report-contact" name="contact" maxLength={200} />
            <ErrorList errors={fieldErrors.contact} />
          </div>
          <div>
            <button type="submit" className="primary">{t("trace.report.submit")}</button>
          </div>
        </Form>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
