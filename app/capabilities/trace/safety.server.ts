import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { z } from "zod";
import { correctHarvestDate, withholdLot, type DecisionResult } from "~/models/safety.server";

/*
 * The cooperative's decisions about a flagged lot, posted from the lot page (`intent=withhold` or
 * `intent=correctHarvest`). Both need a note: the alliance and, for a withheld lot, the consumer read it.
 */
const note = z.string({ error: "safety.errors.noteRequired" }).trim().min(5, { error: "safety.errors.noteRequired" }).max(1000, { error: "errors.tooLong" });
const day = z.string({ error: "errors.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "trace.errors.date" }).refine((s) => !Number.isNaN(Date.parse(s)), { error: "trace.errors.date" });

export const withholdSchema = z.object({ intent: z.literal("withhold"), note });
export const correctHarvestSchema = z.object({ intent: z.literal("correctHarvest"), harvestDate: day, note });

export type SafetyActionData = { intent: "withhold" | "correctHarvest"; errors: Record<string, string[] | null>; params?: Record<string, string>; done: boolean; values?: Record<string, string> };

const valuesOf = (formData: FormData) => Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")) as Record<string, string>;

function reply(intent: SafetyActionData["intent"], result: DecisionResult, formData: FormData) {
  if (result.ok) return data<SafetyActionData>({ intent, errors: {}, done: true });
  if (result.status === 404) throw new Response(null, { status: 404 });
  const field = result.error === "safety.errors.stillInside" || result.error === "safety.errors.afterPacking" || result.error === "trace.errors.datesVsDiary" || result.error === "safety.errors.sameDate" ? "harvestDate" : "";
  return data<SafetyActionData>({ intent, errors: { [field]: [result.error] }, params: result.params, done: false, values: valuesOf(formData) }, { status: result.status });
}

/** Handles a safety decision, or returns null when the form is not one. */
export function handleSafetyDecision(formData: FormData, ctx: { lotId: number; cooperativeId: number; userId: number }) {
  const intent = formData.get("intent");
  if (intent === "withhold") {
    const s = parseWithZod(formData, { schema: withholdSchema });
    if (s.status !== "success") return data<SafetyActionData>({ intent, errors: s.reply().error ?? {}, done: false, values: valuesOf(formData) }, { status: 400 });
    return reply(intent, withholdLot({ ...ctx, note: s.value.note }), formData);
  }
  if (intent === "correctHarvest") {
    const s = parseWithZod(formData, { schema: correctHarvestSchema });
    if (s.status !== "success") return data<SafetyActionData>({ intent, errors: s.reply().error ?? {}, done: false, values: valuesOf(formData) }, { status: 400 });
    return reply(intent, correctHarvestDate({ ...ctx, harvestDate: s.value.harvestDate, note: s.value.note }), formData);
  }
  return null;
}
