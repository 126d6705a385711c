/**
 * Writes db/migrations/NNNN_page_cache_sql.sql (a custom drizzle-kit migration): the one-row `page_generation`
 * counter and, on every table in `pageContentTables` (db/page-cache-tables.ts), AFTER INSERT / UPDATE / DELETE
 * triggers that bump it in the writer's transaction. Run: npx tsx scripts/page-cache-sql.ts
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pageContentTables } from "../db/page-cache-tables";

export function pageCacheSql(): string {
  const out = [
    "-- Written by scripts/page-cache-sql.ts from db/page-cache-tables.ts: edit those, then run the script.\nCREATE TABLE page_generation (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL)",
    "INSERT INTO page_generation (id, generation) VALUES (1, 0)",
  ];
  for (const table of pageContentTables) {
    for (const [suffix, event] of [["ai", "INSERT"], ["au", "UPDATE"], ["ad", "DELETE"]] as const) {
      out.push(`CREATE TRIGGER ${table}_page_cache_${suffix} AFTER ${event} ON ${table} BEGIN\n  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;\nEND`);
    }
  }
  return out.join("\n--> statement-breakpoint\n") + "\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const migrations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../db/migrations");
  const name = fs.readdirSync(migrations).find((f) => /^\d+_page_cache_sql\.sql$/.test(f));
  if (!name) throw new Error("no *_page_cache_sql.sql migration: run npx drizzle-kit generate --custom --name=page_cache_sql first");
  const file = path.join(migrations, name);
  fs.writeFileSync(file, pageCacheSql());
  console.log(`wrote ${file}`);
}
