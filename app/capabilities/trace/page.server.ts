import { z } from "zod";
import { clientAddress } from "~/services/auth.server";
import { env } from "~/env.server";
import { getT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { displayGtin } from "~/lib/gtin";
import { joinAddress } from "~/lib/address";
import { certificateStateOn, sprayWithinInterval } from "~/lib/trace-rules";
import { lotSafety } from "~/models/safety.server";
import { sendMail } from "~/services/mail.server";
import { createProblemReport, getPublicLot, recentReportCount, reportRecipients, reporterKey, serialExists, serialScanCount } from "~/models/trace.server";
import { imageUrl } from "~/services/uploads.server";
import { cooperativeUrl, epcisUrl, lotDigitalLink, productUrl, traceUrl } from "./links.server";

export const reportSchema = z.object({
  kind: z.enum(["fake", "quality", "label", "other"], { error: "errors.required" }),
  message: z.string({ error: "trace.report.messageShort" }).trim().min(10, { error: "trace.report.messageShort" }).max(2000, { error: "errors.tooLong" }),
  contact: z.string().trim().max(200, { error: "errors.tooLong" }).optional(),
  sn: z.string().max(20).optional(),
});

export function parseLotId(value: string | undefined) {
  return value && /^\d{1,12}$/.test(value) ? Number(value) : null;
}

/** What the consumer page shows: only public facts, members only with their consent. */
export function tracePageData(lotId: number, serial: string | null) {
  const data = getPublicLot({ lotId });
  if (!data) return null;
  const today = todayInVietnam();
  const { lot, product, cooperative } = data;
  const shown = data.members.filter((m) => m.publicConsent);
  const flagged = sprayWithinInterval(data.events, lot.harvestDate);
  const safety = lotSafety({ lotId, harvestDate: lot.harvestDate, events: data.events });
  const knownSerial = serial ? serialExists({ lotId, serial }) : null;
  const scans = serial && knownSerial ? serialScanCount({ lotId, serial }) : 0;
  return {
    lot: { id: lot.id, code: lot.code, harvestDate: lot.harvestDate, packingDate: lot.packingDate, bestBeforeDate: lot.bestBeforeDate, quantity: lot.quantity, unit: lot.unit },
    product: { id: product.id, nameVi: product.nameVi, nameEn: product.nameEn, gtin: product.gtin ? displayGtin(product.gtin) : null, url: productUrl(product.id) },
    photo: data.photo ? { src: imageUrl(data.photo.path, 320), width: 320, height: Math.round((320 * data.photo.height) / Math.max(1, data.photo.width)), alt: data.photo.alt } : null,
    cooperative: {
      name: cooperative.name,
      // The stored address often already names the commune or province; repeat neither.
      address: joinAddress([cooperative.address, cooperative.commune, data.provinceName]),
      province: data.provinceName,
      verified: !!cooperative.verifiedAt,
      url: cooperativeUrl(cooperative.slug),
      registrationNumber: cooperative.registrationNumber,
    },
    members: shown.map((m) => ({ name: m.name, commune: m.commune, plantingArea: m.plantingArea })),
    hiddenMembers: data.members.length - shown.length,
    events: data.events.map((e) => ({
      id: e.id,
      type: e.type,
      eventTime: e.eventTime,
      commune: e.commune,
      latitude: e.latitude,
      longitude: e.longitude,
      who: e.who,
      what: e.what,
      notes: e.notes,
      sprayProduct: e.sprayProduct,
      preHarvestIntervalDays: e.preHarvestIntervalDays,
      attachment: e.attachmentPath ? `/uploads/${e.attachmentPath}` : null,
      flagged: flagged.has(e.id),
    })),
    certificates: data.certificates.map((c) => ({
      id: c.id,
      type: c.type,
      ocopStars: c.ocopStars,
      number: c.number,
      issuer: c.issuer,
      expiryDate: c.expiryDate,
      verified: c.status === "verified",
      atHarvest: certificateStateOn(c, lot.harvestDate),
      today: certificateStateOn(c, today),
    })),
    digitalLink: product.gtin ? lotDigitalLink(lot, product.gtin, knownSerial ? serial : null) : traceUrl(lot.id),
    epcisUrl: epcisUrl(lot.id),
    serial: serial ? { value: serial, known: !!knownSerial, scans, suspicious: !!knownSerial && scans > env.TRACE_SERIAL_SCAN_LIMIT } : null,
    cooperativeId: cooperative.id,
    safety: { status: safety.status, breaches: safety.breaches, withheld: safety.withheld, sprays: data.events.filter((e) => e.type === "spraying").length },
  };
}

/** Stores the report and mails the cooperative and the province's alliance. Rate limited per address. */
export async function submitReport(request: Request, lotId: number, value: z.infer<typeof reportSchema>) {
  const data = getPublicLot({ lotId });
  if (!data) return "notFound" as const;
  const key = reporterKey(clientAddress(request));
  const since = new Date(Date.now() - 3600_000).toISOString();
  if (recentReportCount({ key, sinceIso: since }) >= env.TRACE_REPORTS_PER_HOUR) return "limited" as const;
  const serial = value.sn && serialExists({ lotId, serial: value.sn }) ? value.sn : null;
  createProblemReport({ lotId, cooperativeId: data.cooperative.id, serial, kind: value.kind, message: value.message, contact: value.contact || null, reporterKey: key });
  // The cooperative and the alliance read Vietnamese, whatever language the consumer used.
  const vi = getT("vi");
  const subject = vi("trace.report.mailSubject", { product: data.product.nameVi, lot: data.lot.code });
  const text = vi("trace.report.mailBody", {
    kind: vi(`trace.report.kind.${value.kind}`),
    product: data.product.nameVi,
    lot: data.lot.code,
    serial: serial ? ` (${vi("trace.item.serial", { serial })})` : "",
    message: value.message,
    contact: value.contact || "—",
    url: traceUrl(lotId),
  });
  for (const to of reportRecipients({ cooperativeId: data.cooperative.id })) await sendMail({ to, subject, text });
  return "sent" as const;
}
