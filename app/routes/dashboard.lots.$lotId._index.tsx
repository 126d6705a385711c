import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { env } from "~/env.server";
import { useLocale, useT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { formatDate, formatDateTime, formatNumber } from "~/lib/money";
import { eventOrderError, eventTypes, sprayWithinInterval } from "~/lib/trace-rules";
import { addEvent, copyAlerts, countSerials, deleteEvent, getProductSummary, listEvents, listLotMembers, listProblemReports, scansPerDay } from "~/models/trace.server";
import { requireOwnLot } from "~/capabilities/trace/dashboard.server";
import { deleteEventSchema, eventSchema, serialsSchema } from "~/capabilities/trace/forms.server";
import { lotDigitalLink, traceUrl } from "~/capabilities/trace/links.server";
import { qrDataUrl } from "~/capabilities/trace/qr.server";
import { fileFrom, MAX_DOCUMENT_BYTES, parseMultipart, storeDocument, UploadError, readForm } from "~/services/uploads.server";
import { generateSerials } from "~/models/trace.server";
import { addConfirmedEvent, breachesAdded, type Breach, listSafetyDecisions, lotSafety } from "~/models/safety.server";
import { handleSafetyDecision, type SafetyActionData } from "~/capabilities/trace/safety.server";
import { SafetyPanel, SprayConfirm } from "~/components/safety";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lot, organisation } = requireOwnLot(request, params.lotId);
  const product = getProductSummary({ productId: lot.productId, cooperativeId: organisation.id })!;
  const events = listEvents({ lotId: lot.id });
  const flagged = sprayWithinInterval(events, lot.harvestDate);
  const safety = lotSafety({ lotId: lot.id, harvestDate: lot.harvestDate, events });
  const digitalLink = product.gtin ? lotDigitalLink(lot, product.gtin) : null;
  return {
    lot,
    product,
    members: listLotMembers({ lotId: lot.id }),
    events: events.map((e) => ({ ...e, flagged: flagged.has(e.id) })),
    digitalLink,
    qr: digitalLink ? await qrDataUrl(digitalLink) : null,
    traceUrl: traceUrl(lot.id),
    chart: scansPerDay({ lotId: lot.id, cooperativeId: organisation.id, today: todayInVietnam() }),
    alerts: copyAlerts({ cooperativeId: organisation.id, lotId: lot.id }),
    limit: env.TRACE_SERIAL_SCAN_LIMIT,
    serialCount: countSerials({ lotId: lot.id }),
    reports: listProblemReports({ cooperativeId: organisation.id, lotId: lot.id }),
    safety,
    decisions: listSafetyDecisions({ lotId: lot.id, cooperativeId: organisation.id }),
  };
}

type FieldErrors = Record<string, string[] | null>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { lot, organisation, user } = requireOwnLot(request, params.lotId);
  let formData: FormData;
  try {
    formData = request.headers.get("Content-Type")?.startsWith("multipart/") ? await parseMultipart(request, { maxBytes: MAX_DOCUMENT_BYTES }) : await readForm(request);
  } catch (error) {
    if (error instanceof UploadError) return data({ intent: "event", errors: { attachment: [error.messageKey] } as FieldErrors, done: null }, { status: error.status });
    throw error;
  }
  const intent = formData.get("intent");
  const decision = handleSafetyDecision(formData, { lotId: lot.id, cooperativeId: organisation.id, userId: user.id });
  if (decision) return decision;
  if (intent === "serials") {
    const s = parseWithZod(formData, { schema: serialsSchema });
    if (s.status !== "success") return data({ intent, errors: (s.reply().error ?? {}) as FieldErrors, done: null }, { status: 400 });
    const n = generateSerials({ lotId: lot.id, cooperativeId: organisation.id, count: s.value.count });
    return { intent, errors: {} as FieldErrors, done: n };
  }
  if (intent === "deleteEvent") {
    const s = parseWithZod(formData, { schema: deleteEventSchema });
    if (s.status !== "success") return data({ intent, errors: {} as FieldErrors, done: null }, { status: 400 });
    // A flagged spray is not erased from the record: the cooperative corrects the harvest date or withholds the lot.
    const safety = lotSafety({ lotId: lot.id, harvestDate: lot.harvestDate });
    if (safety.status === "flagged" && safety.breaches.some((b) => b.eventId === s.value.eventId)) {
      return data({ intent, errors: { "": ["safety.errors.deleteFlagged"] } as FieldErrors, done: null }, { status: 409 });
    }
    if (!deleteEvent({ id: s.value.eventId, lotId: lot.id, cooperativeId: organisation.id })) throw new Response(null, { status: 404 });
    return { intent, errors: {} as FieldErrors, done: 1 };
  }
  const s = parseWithZod(formData, { schema: eventSchema });
  if (s.status !== "success") return data({ intent: "event", errors: (s.reply().error ?? {}) as FieldErrors, done: null, values: Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")) }, { status: 400 });
  const order = eventOrderError(s.value, listEvents({ lotId: lot.id }), lot);
  if (order) return data({ intent: "event", errors: { eventTime: [order] } as FieldErrors, done: null, values: Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")) }, { status: 422 });
  // A spray recorded inside its pre-harvest interval (or a harvest that puts one there) needs an explicit second step.
  const added = breachesAdded({ lotId: lot.id, harvestDate: lot.harvestDate, event: { type: s.value.type, eventTime: s.value.eventTime, preHarvestIntervalDays: s.value.preHarvestIntervalDays, sprayProduct: s.value.sprayProduct } });
  const confirmed = formData.get("confirmBreach") === "on";
  if (added.length && !confirmed) {
    return data({ intent: "event", errors: {} as FieldErrors, done: null, needsConfirm: added, values: Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")) }, { status: 409 });
  }
  const file = fileFrom(formData.get("attachment"));
  let attachment: { path: string; mime: string } | null = null;
  if (file) {
    try {
      attachment = await storeDocument(file, { dir: "trace" });
    } catch (error) {
      if (error instanceof UploadError) return data({ intent: "event", errors: { attachment: [error.messageKey] } as FieldErrors, done: null }, { status: error.status });
      throw error;
    }
  }
  const input = { ...s.value, attachmentPath: attachment?.path ?? null, attachmentMime: attachment?.mime ?? null };
  if (added.length) addConfirmedEvent({ lotId: lot.id, cooperativeId: organisation.id, userId: user.id, input, note: s.value.notes ?? "" });
  else addEvent({ lotId: lot.id, cooperativeId: organisation.id, userId: user.id, input });
  return { intent: "event", errors: {} as FieldErrors, done: 1, flagged: added.length > 0 };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => pageMeta(matches, (t) => ({ title: t("trace.lots.detailTitle", { code: d?.lot.code ?? "" }) }));

function Chart({ points, label }: { points: { day: string; n: number }[]; label: string }) {
  const max = Math.max(1, ...points.map((p) => p.n));
  const w = 600;
  const h = 120;
  const bw = w / points.length;
  return (
    <svg viewBox={`0 0 ${w} ${h + 20}`} className="trace-chart" role="img" aria-label={label}>
      {points.map((p, i) => {
        const bh = (p.n / max) * h;
        return (
          <g key={p.day}>
            <rect x={i * bw + 1} y={h - bh} width={bw - 2} height={bh} fill="#2f855a">
              <title>{`${p.day}: ${p.n}`}</title>
            </rect>
            {i % 7 === 0 ? (
              <text x={i * bw} y={h + 14} fontSize="10" fill="#333">
                {p.day.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

export default function LotDetail() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const eventErrors = a?.intent === "event" ? a.errors : {};
  const needsConfirm = a && "needsConfirm" in a ? (a.needsConfirm as Breach[]) : null;
  const safetyAction = a && (a.intent === "withhold" || a.intent === "correctHarvest") ? (a as SafetyActionData) : null;
  const blocked = d.safety.status !== "ok";
  const values = (a && "values" in a ? a.values : {}) as Record<string, string>;
  const total = d.chart.reduce((s, p) => s + p.n, 0);
  // A download does not navigate, so the page itself says that a large sheet is being made.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    const timer = setTimeout(() => setPrinting(false), 6000);
    return () => clearTimeout(timer);
  }, [printing]);
  return (
    <section className="stack">
      <p>
        <Link to="/dashboard/lots">{t("trace.lots.back")}</Link>
      </p>
      <h1>{t("trace.lots.detailTitle", { code: d.lot.code })}</h1>
      <p>
        {d.product.nameVi} · {t("trace.lots.harvestDate")} {formatDate(d.lot.harvestDate, locale)} · {t("trace.lots.packingDate")} {formatDate(d.lot.packingDate, locale)} · {t("trace.lots.bestBeforeDate")}{" "}
        {formatDate(d.lot.bestBeforeDate, locale)} · {formatNumber(d.lot.quantity, locale)} {t(`units.${d.lot.unit}`)}
      </p>
      <p>
        <Link to={`/dashboard/lots/${d.lot.id}/edit`} className="button">
          {t("trace.lots.edit")}
        </Link>{" "}
        <a href={d.traceUrl}>{t("trace.lots.tracePage")}</a> · <a href={`/api/v1/lots/${d.lot.id}/epcis`}>{t("trace.events.epcis")}</a>
      </p>
      <SafetyPanel lotId={d.lot.id} safety={d.safety} decisions={d.decisions} actionData={safetyAction} />
      {d.alerts.length ? (
        <div className="notice notice-warning" role="alert">
          <h2>{t("trace.lots.alerts")}</h2>
          <ul>
            {d.alerts.map((al) => (
              <li key={al.serial}>{t("trace.lots.alert", { code: al.code, serial: al.serial, n: al.n, limit: d.limit })}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>{t("trace.lots.qr")}</h2>
      {d.digitalLink && d.qr ? (
        <div className="trace-qr">
          <img src={d.qr} alt={t("trace.lots.qrAlt", { code: d.lot.code })} width={160} height={160} />
          <div>
            <p>
              {t("trace.lots.digitalLink")}: <code className="trace-link">{d.digitalLink}</code>
            </p>
            <p>
              <a href={`/dashboard/lots/${d.lot.id}/qr.png`} download>
                {t("trace.lots.qrPng")}
              </a>{" "}
              ·{" "}
              <a href={`/dashboard/lots/${d.lot.id}/qr.svg`} download>
                {t("trace.lots.qrSvg")}
              </a>
            </p>
          </div>
        </div>
      ) : (
        <Notice tone="warning">
          <strong>{t("trace.lots.noGtinTitle")}</strong> {t("trace.lots.noGtin")} <code>{d.traceUrl}</code>
        </Notice>
      )}

      {d.digitalLink && blocked ? (
        <>
          <h2>{t("trace.lots.labels")}</h2>
          <Notice tone="warning">{t(d.safety.status === "withheld" ? "safety.labels.withheld" : "safety.labels.blocked")}</Notice>
        </>
      ) : d.digitalLink ? (
        <>
          <h2>{t("trace.lots.labels")}</h2>
          <p>{t("trace.lots.labelsLead")}</p>
          {d.lot.serialised ? <p className="hint">{t("trace.lots.labelsSerialHint")}</p> : null}
          <form method="get" action={`/dashboard/lots/${d.lot.id}/labels.pdf`} className="form" onSubmit={() => setPrinting(true)}>
            <div className="form-row">
              <div className="field">
                <label htmlFor="labels-layout">{t("trace.lots.layout")}</label>
                <select id="labels-layout" name="layout" defaultValue="3x8">
                  <option value="3x8">{t("trace.lots.layout3x8")}</option>
                  <option value="2x5">{t("trace.lots.layout2x5")}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="labels-count">{t("trace.lots.labelCount")}</label>
                <input id="labels-count" name="count" type="number" min={1} max={5000} defaultValue={24} />
              </div>
            </div>
            <p className="hint" role="status" aria-live="polite">
              {printing ? <strong>{t("trace.lots.labelsProgress")}</strong> : t("trace.lots.labelsHint")}
            </p>
            <div>
              <button type="submit" className="button">{t("trace.lots.labelsSubmit")}</button>
            </div>
          </form>
        </>
      ) : null}

      <h2>{t("trace.lots.chart")}</h2>
      <Chart points={d.chart} label={t("trace.lots.chartSummary", { n: total, max: Math.max(0, ...d.chart.map((p) => p.n)) })} />
      <p className="hint">{t("trace.lots.chartSummary", { n: total, max: Math.max(0, ...d.chart.map((p) => p.n)) })}</p>

      <h2>{t("trace.lots.contributions")}</h2>
      <ul>
        {d.members.map((m) => (
          <li key={m.memberId}>
            {m.name} {m.plantingArea ? `· ${m.plantingArea}` : ""} · {m.quantity} {t(`units.${d.lot.unit}`)}
          </li>
        ))}
      </ul>

      <h2>{t("trace.lots.serials")}</h2>
      <p>{t("trace.lots.serialsCount", { n: d.serialCount })}</p>
      {a?.intent === "serials" && a.done ? <Notice tone="success">{t("trace.lots.serialsDone", { n: a.done })}</Notice> : null}
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="serials" />
        <div className="field">
          <label htmlFor="serials-count">{t("trace.lots.serialsHowMany")}</label>
          <input id="serials-count" name="count" type="number" min={1} max={5000} defaultValue={100} />
          <ErrorList errors={a?.intent === "serials" ? a.errors.count : null} />
        </div>
        <div>
          <button type="submit" className="button button-secondary">{t("trace.lots.serialsGenerate")}</button>
        </div>
      </Form>

      <h2>{t("trace.events.title")}</h2>
      {d.events.length ? (
        <ol className="trace-timeline">
          {d.events.map((e) => (
            <li key={e.id}>
              <p>
                <strong>{t(`trace.event.${e.type}`)}</strong> · <time dateTime={e.eventTime}>{formatDateTime(e.eventTime, locale)}</time> · {e.commune}
              </p>
              <p>
                {e.what} ({e.who})
              </p>
              {e.sprayProduct ? <p className="hint">{t("trace.page.spray", { product: e.sprayProduct, days: e.preHarvestIntervalDays ?? "?" })}</p> : null}
              {e.flagged ? <p className="trace-flag">{t("trace.page.sprayFlag")}</p> : null}
              {e.attachmentPath ? <a href={`/uploads/${e.attachmentPath}`}>{t("trace.page.attachment")}</a> : null}
              <Form method="post">
                <input type="hidden" name="intent" value="deleteEvent" />
                <input type="hidden" name="eventId" value={e.id} />
                <button type="submit" className="link-button">
                  {t("trace.events.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("trace.events.empty")}</p>
      )}

      <h3>{t("trace.events.add")}</h3>
      {a?.intent === "event" && a.done ? <Notice tone={"flagged" in a && a.flagged ? "warning" : "success"}>{t("flagged" in a && a.flagged ? "safety.confirm.savedFlagged" : "trace.events.saved")}</Notice> : null}
      {a?.intent === "deleteEvent" && a.errors[""] ? <FormErrors errors={a.errors[""]} /> : null}
      <Form method="post" encType="multipart/form-data" className="form" key={a?.intent === "event" && a.done ? d.events.length : "form"}>
        <input type="hidden" name="intent" value="event" />
        <FormErrors errors={eventErrors[""]} />
        <div className="form-row">
          <div className="field">
            <label htmlFor="ev-type">{t("trace.events.type")}</label>
            <select id="ev-type" name="type" defaultValue={values.type ?? "harvesting"}>
              {eventTypes.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`trace.event.${ty}`)}
                </option>
              ))}
            </select>
            <ErrorList errors={eventErrors.type} />
          </div>
          <div className="field">
            <label htmlFor="ev-time">{t("trace.events.time")}</label>
            <input id="ev-time" name="eventTime" type="datetime-local" required defaultValue={values.eventTime} />
            <ErrorList errors={eventErrors.eventTime} />
          </div>
        </div>
        {(
          [
            ["commune", "trace.events.commune"],
            ["who", "trace.events.who"],
            ["what", "trace.events.what"],
            ["latitude", "trace.events.latitude"],
            ["longitude", "trace.events.longitude"],
            ["sprayProduct", "trace.events.sprayProduct"],
            ["preHarvestIntervalDays", "trace.events.phi"],
            ["notes", "trace.events.notes"],
          ] as const
        ).map(([name, label]) => (
          <div className="field" key={name}>
            <label htmlFor={`ev-${name}`}>{t(label)}</label>
            <input id={`ev-${name}`} name={name} type={name === "preHarvestIntervalDays" ? "number" : "text"} defaultValue={values[name]} />
            <ErrorList errors={eventErrors[name]} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="ev-attachment">{t("trace.events.attachment")}</label>
          <input id="ev-attachment" name="attachment" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" />
          <ErrorList errors={eventErrors.attachment} />
        </div>
        {needsConfirm ? <SprayConfirm breaches={needsConfirm} /> : null}
        <div>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t(needsConfirm ? "safety.confirm.save" : "trace.events.save")}
          </button>
        </div>
      </Form>

      {d.reports.length ? (
        <>
          <h2>{t("trace.lots.reports")}</h2>
          <ul>
            {d.reports.map((r) => (
              <li key={r.id}>
                {formatDate(r.createdAt, locale)} · {t(`trace.report.kind.${r.kind}`)}: {r.message} {r.contact ? `(${r.contact})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
