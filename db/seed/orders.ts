import type { Db } from "../open";
import type { FoundationIds } from "./foundation";

/** Demo data for the orders capability. Runs once, after the seeds before it, inside the first seed run. */
export function seedOrders(_db: Db, _ids: FoundationIds) {}
