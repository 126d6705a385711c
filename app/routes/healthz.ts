import { checkDatabase } from "~/models/health.server";

export async function loader() {
  const started = performance.now();
  try {
    const row = checkDatabase();
    return Response.json(
      { status: "ok", database: "ok", provinces: row.provinces, ms: Math.round((performance.now() - started) * 10) / 10 },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return Response.json({ status: "error", database: String(error) }, { status: 503 });
  }
}
