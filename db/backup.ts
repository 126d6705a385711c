import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

/**
 * A consistent copy of a live database through SQLite's online backup API: it copies page by page and restarts
 * when another connection writes, so the copy is the database as of one committed moment, while the server
 * keeps serving.
 */
export async function backupDatabase({ source, destination }: { source: string; destination: string }) {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(destination);
  } finally {
    db.close();
  }
  return destination;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const source = process.env.DATABASE_PATH ?? "./data/cho-htx.db";
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = process.argv[2] ?? `./data/backups/cho-htx-${stamp}.db`;
  await backupDatabase({ source, destination });
  console.log(`Backed up ${source} to ${destination}`);
}
