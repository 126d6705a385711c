import fs from "node:fs";
import { migrateDatabase } from "../../db/migrate";
import { openDatabase } from "../../db/open";
import { seedDatabase } from "../../db/seed";

/** A fresh database file from the migrations and the demo seed; seeded product photos go to `<file>.uploads`. */
export async function buildDatabase(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  migrateDatabase(db);
  await seedDatabase(db, { uploadsDir: `${file}.uploads` });
  // Fold the WAL into the main file so a plain copy of it is complete.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
