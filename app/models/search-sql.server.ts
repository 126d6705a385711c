import type Database from "better-sqlite3";
import { getDb } from "~/db.server";

/* The search models' statements, prepared once per connection, and the index generation every cache is keyed by. */

let statementDb: Database.Database | undefined;
const statements = new Map<string, Database.Statement>();

export function stmt(sql: string): Database.Statement {
  const client = getDb().$client;
  if (client !== statementDb) {
    statements.clear();
    statementDb = client;
  }
  let s = statements.get(sql);
  if (!s) {
    s = client.prepare(sql);
    statements.set(sql, s);
  }
  return s;
}

/** Bumped by the triggers on every catalogue write, in the database: every worker process sees the same value. */
export function generation(): number {
  return (stmt("SELECT generation FROM search_meta WHERE id = 1").pluck().get() as number | undefined) ?? 0;
}
