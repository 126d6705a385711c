import { sql } from "drizzle-orm";
import { db } from "~/db.server";

export async function loader() {
  const started = performance.now();
  try {
    const row = db.get<{ n: number }>(sql`select count(*) as n from provinces`);
    return Response.json(
      { status: "ok", database: "ok", provinces: row.n, ms: Math.round((performance.now() - started) * 10) / 10 },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return Response.json({ status: "error", database: String(error) }, { status: 503 });
  }
}
