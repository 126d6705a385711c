import type Database from "better-sqlite3";
import { getDb } from "~/db.server";

/*
 * The page cache's clock: `page_generation` is bumped by triggers on every table a cached public page shows
 * (db/page-cache-tables.ts, migration *_page_cache_sql), in the writer's transaction. One primary-key read of a
 * one-row table, prepared once per connection: a cache hit costs this and nothing else of the database.
 */
let forClient: Database.Database | undefined;
let statement: Database.Statement | undefined;

export function pageGeneration(): number {
  const client = getDb().$client;
  if (client !== forClient) {
    statement = client.prepare("SELECT generation FROM page_generation WHERE id = 1").pluck();
    forClient = client;
  }
  return (statement!.get() as number | undefined) ?? 0;
}
