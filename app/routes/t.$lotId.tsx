import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatDateTime } from "~/lib/money";
import { localiseAddress } from "~/lib/address";
import { BreachLine } from "~/components/safety";
import type { BareDocumentHandle } from "~/root";
import traceStyles from "~/styles/trace.css?url";
import { parseLotId, reportSchema, submitReport, tracePageData } from "~/capabilities/trace/page.server";
import { readForm } from "~/services/uploads.server";
import type { PageCacheHandle } from "~/services/page-cache.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseLotId(params.lotId);
  const sn = new URL(request.url).searchParams.get("sn");
  const page = id ? tracePageData(id, sn && sn.length <= 20 ? sn : null) : null;
  if (!page) throw new Response(null, { status: 404, statusText: "Not Found" });
  return data(page);
}

/**
 * The page works without JavaScript, so its document carries no scripts and only the base and trace styles. It is
 * revalidated on every visit (`no-cache`) against an ETag of the rendered page (app/entry.server.tsx): a recall, a
 * certificate decision or a new day changes the page and so the ETag, and an unchanged page costs a 304.
 */
export const handle: BareDocumentHandle & { etag: true } & PageCacheHandle<{ serial: unknown }> = {
  document: "bare",
  styles: [traceStyles],
  etag: true,
  // Kept rendered for visitors not signed in (app/services/page-cache.server.ts), except serial pages: they count scans.
  pageCache: (d) => d.serial === null,
};

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-cache", Vary: "Cookie, Accept-Language" });

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

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

/** "Safe?": the diary's verdict first, in plain words; a breach or a withheld lot is an alert. */
function Verdict({ d }: { d: PageData }) {
  const t = useT();
  const locale = useLocale();
  if (d.safety.status === "withheld") {
    return (
      <section className="trace-verdict trace-verdict-bad" role="alert" aria-labelledby="trace-verdict">
        <h2 id="trace-verdict">{t("safety.verdict.withheldTitle")}</h2>
        <p>{t("safety.verdict.withheldBody", { date: formatDate(d.safety.withheld!.decidedAt, locale), note: d.safety.withheld!.note })}</p>
      </section>
    );
  }
  if (d.safety.status === "flagged") {
    return (
      <section className="trace-verdict trace-verdict-bad" role="alert" aria-labelledby="trace-verdict">
        <h2 id="trace-verdict">{t("safety.verdict.flaggedTitle")}</h2>
        <ul>
          {d.safety.breaches.map((b) => (
            <li key={b.eventId}>
              <BreachLine b={b} />
            </li>
          ))}
        </ul>
        <p>{t("safety.verdict.flaggedBody")}</p>
      </section>
    );
  }
  return (
    <section className="trace-verdict trace-verdict-ok" aria-labelledby="trace-verdict">
      <h2 id="trace-verdict">{t("safety.verdict.okTitle")}</h2>
      <p>{d.safety.sprays ? t("safety.verdict.okBody") : t("safety.verdict.noSpray")}</p>
    </section>
  );
}

/** The first screen: genuine? from where? which certificates? when? — before the regulatory list. */
function Glance({ d }: { d: PageData }) {
  const t = useT();
  const locale = useLocale();
  const date = (s: string) => formatDate(s, locale);
  const valid = d.certificates.filter((c) => c.verified && c.today === "valid");
  const genuineBad = d.serial && (!d.serial.known || d.serial.suspicious);
  return (
    <dl className="trace-glance">
      <div>
        <dt>{t("safety.glance.genuine")}</dt>
        <dd>
          {d.serial && !d.serial.known ? (
            <span className="trace-mark trace-mark-bad">{t("safety.glance.genuineSerialUnknown")}</span>
          ) : d.serial?.suspicious ? (
            <span className="trace-mark trace-mark-bad">{t("safety.glance.genuineCopied", { n: d.serial.scans })}</span>
          ) : (
            <span className="trace-mark trace-mark-ok">{t("safety.glance.genuineYes", { lot: d.lot.code, coop: d.cooperative.name })}</span>
          )}{" "}
          {genuineBad ? null : <span className="hint">{t(d.cooperative.verified ? "safety.glance.coopVerified" : "safety.glance.coopUnverified")}</span>}
        </dd>
      </div>
      <div>
        <dt>{t("safety.glance.where")}</dt>
        <dd>
          <a href={d.cooperative.url}>{d.cooperative.name}</a>, {d.cooperative.province}
          {d.members.length ? ` · ${d.members.length + d.hiddenMembers} ${t("trace.page.members").toLowerCase()}` : ""}
        </dd>
      </div>
      <div>
        <dt>{t("safety.glance.certificates")}</dt>
        <dd>
          {valid.length ? (
            <ul className="trace-cert-badges">
              {valid.map((c) => (
                <li key={c.id} className="badge trace-ok">
                  {c.type === "ocop" && c.ocopStars ? `OCOP ${"★".repeat(c.ocopStars)}` : t(`badges.type.${c.type}` as MessageKey)} · {t("safety.glance.certValid")}
                </li>
              ))}
            </ul>
          ) : (
            t("safety.glance.noCertificates")
          )}
        </dd>
      </div>
      <div>
        <dt>{t("safety.glance.whenLabel")}</dt>
        <dd>{t("safety.glance.when", { harvest: date(d.lot.harvestDate), packing: date(d.lot.packingDate), bestBefore: date(d.lot.bestBeforeDate) })}</dd>
      </div>
      <div>
        <dt>{t("safety.glance.code")}</dt>
        <dd>
          <code className="trace-code">{d.lot.code}</code>
          {d.serial?.known ? <> · <code className="trace-code">{d.serial.value}</code></> : null}
        </dd>
      </div>
    </dl>
  );
}

export default function TracePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const name = locale === "en" ? (d.product.nameEn ?? d.product.nameVi) : d.product.nameVi;
  const date = (s: string) => formatDate(s, locale);
  const fieldErrors = actionData?.result.error ?? {};
  const location = useLocation();
  const address = localiseAddress(d.cooperative.address, locale);
  return (
    <article className="trace">
      <header className="trace-head">
        {d.photo ? <img src={d.photo.src} width={d.photo.width} height={d.photo.height} alt={d.photo.alt ?? name} decoding="async" className="trace-photo" /> : null}
        <div>
          <h1>{name}</h1>
          <p className="trace-origin">
            <strong>{t("trace.page.origin")}:</strong> {d.cooperative.name}, {address}
          </p>
        </div>
      </header>

      <Verdict d={d} />
      <Glance d={d} />

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
          <dd>{address}</dd>
          <dt>{t("trace.item.stages")}</dt>
          <dd>{t("trace.item.stagesValue", { n: d.events.length })}</dd>
          <dt>{t("trace.item.productionTime")}</dt>
          <dd>{t("trace.item.productionTimeValue", { harvest: date(d.lot.harvestDate), packing: date(d.lot.packingDate) })}</dd>
          <dt>{t("trace.item.traceCode")}</dt>
          <dd>
            <code className="trace-code">{d.lot.code}</code>
            <details className="trace-full-link">
              <summary>{t("safety.glance.fullLink")}</summary>
              <span className="trace-link">{d.digitalLink}</span>
            </details>
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

      {/* The form posts to this page's #trace-report, so without JavaScript the answer opens where the reader is. */}
      <section aria-labelledby="trace-report-title" id="trace-report" tabIndex={-1}>
        <h2 id="trace-report-title">{t("trace.report.title")}</h2>
        {actionData?.state === "sent" ? <Notice tone="success">{t("trace.report.sent")}</Notice> : null}
        {actionData?.state === "limited" ? <Notice tone="warning">{t("trace.report.limited")}</Notice> : null}
        <p>{t("trace.report.lead")}</p>
        <form method="post" className="form" action={`${location.pathname}${location.search}#trace-report`}>
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
        </form>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
