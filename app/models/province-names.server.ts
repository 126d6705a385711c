import { db, schema } from "~/db.server";
import { getProvince, type Province } from "~/models/province.server";

let former: { code: string; shortName: string; folded: string; current: Province | null }[] | undefined;

/** The 63 former units with the current unit each became part of (only those whose name did not survive). */
export function listFormerProvinces() {
  former ??= db
    .select()
    .from(schema.formerProvinces)
    .all()
    .map((f) => ({ code: f.code, shortName: f.shortName, folded: f.folded, current: getProvince(f.provinceCode) }))
    .filter((f) => f.current && f.current.folded !== f.folded);
  return former;
}
