import { openDatabase, schema, type Db } from "../db/open";
import { env } from "./env.server";

declare global {
  // eslint-disable-next-line no-var
  var __db: Db | undefined;
}

/** The one database client. Opened on first use and kept across HMR reloads. */
export function getDb(): Db {
  globalThis.__db ??= openDatabase(env.DATABASE_PATH);
  return globalThis.__db;
}

export const db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = getDb() as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export { schema };
export type { Db };

/**
 * A query built and prepared once per database connection, for hot paths: Drizzle otherwise rebuilds the SQL and
 * SQLite re-prepares it on every call. Values go in as `sql.placeholder("name")`.
 */
export function prepared<T>(build: (db: Db) => T): () => T {
  let forDb: Db | undefined;
  let query: T | undefined;
  return () => {
    const current = getDb();
    if (current !== forDb) {
      query = build(current);
      forDb = current;
    }
    return query as T;
  };
}
