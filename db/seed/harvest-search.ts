import { eq } from "drizzle-orm";
import { fold } from "../../app/lib/text";
import { anchorFor, searchTerms } from "../../app/models/alert-fanout.server";
import type { Db } from "../open";
import * as schema from "../schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The seed's saved searches use only q, province (current or former name), category and cert; this gives the
 * same normalised query and filter columns the app's `normaliseSearch` would (checked by a test).
 */
export function normaliseSeedSearch(tx: Tx, search: string) {
  const p = new URLSearchParams(search);
  const q = (p.get("q") ?? "").trim();
  let provinceCode: string | null = null;
  const rawProvince = p.get("province");
  if (rawProvince) {
    const key = fold(rawProvince);
    provinceCode =
      tx.select().from(schema.provinces).where(eq(schema.provinces.folded, key)).get()?.code ??
      tx.select().from(schema.formerProvinces).where(eq(schema.formerProvinces.folded, key)).get()?.provinceCode ??
      null;
  }
  const categoryCode = p.get("category");
  const certification = p.get("cert");
  const out = new URLSearchParams();
  if (q) out.set("q", q);
  if (provinceCode) out.set("province", provinceCode);
  if (categoryCode) out.set("category", categoryCode);
  if (certification) out.set("cert", certification);
  const { terms, prefixLast } = searchTerms(q);
  return {
    query: out.toString(),
    terms: JSON.stringify(terms),
    prefixLast,
    provinceCode,
    categoryCode,
    certification,
    anchor: anchorFor({ terms, prefixLast, categoryCode, provinceCode, certification }),
  };
}
