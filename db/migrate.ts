import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openDatabase, type Db } from "./open";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = process.env.DATABASE_PATH ?? "./data/cho-htx.db";
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.close();
  console.log(`Migrated ${file}`);
}
