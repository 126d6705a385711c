import type { Db } from "../open";
import type { FoundationIds } from "./foundation";

/** Demo data for the trace capability. Runs once, after the seeds before it, inside the first seed run. */
export function seedTrace(_db: Db, _ids: FoundationIds) {}
