import { certificateStateOn } from "~/lib/trace-rules";
import type { getPublicLot } from "~/models/trace.server";
import { buildDigitalLink } from "~/lib/digital-link";
import { certificateUrl, cooperativeUrl, epcisUrl, publicOrigin, traceUrl } from "./links.server";

type PublicLot = NonNullable<ReturnType<typeof getPublicLot>>;

/** UN/CEFACT Rec. 20 codes for our units; countable units are pieces (H87). */
const uom: Record<string, string> = { kg: "KGM", tan: "TNE" };

/**
 * The lot's diary as an EPCIS 2.0 JSON-LD document. The lot is a class-level identifier (GTIN + lot), so events
 * carry quantity lists; our own fields use the `chohtx:` prefix declared in the context.
 */
export function lotEpcisDocument(data: PublicLot, now = new Date()) {
  const { lot, product, cooperative } = data;
  const epcClass = product.gtin
    ? buildDigitalLink(publicOrigin(), { gtin14: product.gtin, lot: lot.code })
    : `${traceUrl(lot.id)}#lot`;
  const quantity = { epcClass, quantity: lot.quantity, ...(uom[lot.unit] ? { uom: uom[lot.unit] } : {}) };
  const bizLocation = { id: `${cooperativeUrl(cooperative.slug)}#site` };
  const certsOn = (day: string) =>
    data.certificates.filter((c) => certificateStateOn(c, day) === "valid").map((c) => certificateUrl(c, cooperative.slug));

  const eventList = data.events.map((e) => {
    const base: Record<string, unknown> = {
      type: e.epcisType,
      eventID: `${epcisUrl(lot.id)}#event-${e.id}`,
      eventTime: e.eventTime,
      recordTime: e.createdAt,
      eventTimeZoneOffset: "+07:00",
    };
    if (e.epcisType === "ObjectEvent") {
      base.action = e.action ?? "OBSERVE";
      base.quantityList = [quantity];
    } else {
      base.inputQuantityList = [quantity];
      base.outputQuantityList = [quantity];
      base.transformationID = `${traceUrl(lot.id)}#transformation-${e.id}`;
    }
    base.bizStep = e.bizStep;
    base.readPoint = { id: e.latitude && e.longitude ? `geo:${e.latitude},${e.longitude}` : `${cooperativeUrl(cooperative.slug)}#${encodeURIComponent(e.commune)}` };
    base.bizLocation = bizLocation;
    if (e.type === "harvesting") {
      base.ilmd = { "cbvmda:lotNumber": lot.code, "cbvmda:itemExpirationDate": lot.bestBeforeDate, "cbvmda:harvestDate": lot.harvestDate };
    }
    if (e.type === "harvesting" || e.type === "packing" || e.type === "quality_test") {
      const certs = certsOn(e.eventTime.slice(0, 10));
      if (certs.length) base.certificationInfo = certs;
    }
    base["chohtx:diaryType"] = e.type;
    base["chohtx:commune"] = e.commune;
    base["chohtx:who"] = e.who;
    base["chohtx:what"] = e.what;
    if (e.notes) base["chohtx:notes"] = e.notes;
    if (e.sprayProduct) base["chohtx:sprayProduct"] = e.sprayProduct;
    if (e.preHarvestIntervalDays !== null) base["chohtx:preHarvestIntervalDays"] = e.preHarvestIntervalDays;
    if (e.attachmentPath) base["chohtx:attachment"] = `${publicOrigin()}/uploads/${e.attachmentPath}`;
    return base;
  });

  return {
    "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld", { chohtx: "https://chohtx.vn/voc/", cbvmda: "urn:epcglobal:cbv:mda:" }],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: now.toISOString(),
    id: `${epcisUrl(lot.id)}#document`,
    epcisBody: { eventList },
  };
}
