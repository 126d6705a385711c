import type { Db } from "../open";
import type { FoundationIds } from "./foundation";

/** Demo data for the catalogue capability. Runs once, after the seeds before it, inside the first seed run. */
export function seedCatalogue(_db: Db, _ids: FoundationIds) {}
