import { sql } from "drizzle-orm";
import { db } from "~/db.server";

/** A real query for /healthz: the database file is open, readable and seeded. */
export function checkDatabase(): { provinces: number } {
  const row = db.get<{ n: number }>(sql`select count(*) as n from provinces`);
  return { provinces: row.n };
}
