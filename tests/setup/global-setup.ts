import fs from "node:fs";
import { buildDatabase } from "./build-db";
import { baseDbPath, tmpDir } from "./paths";

/** Builds the base test database once per run; each test file works on its own copy (worker-db.ts). */
export default async function setup() {
  fs.mkdirSync(tmpDir, { recursive: true });
  await buildDatabase(baseDbPath);
}
