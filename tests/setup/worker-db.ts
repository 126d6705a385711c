import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { baseDbPath, tmpDir } from "./paths";

// Every test file gets its own copy of the base database, so files run in parallel without sharing rows.
const file = path.join(tmpDir, `vitest-${process.pid}-${crypto.randomBytes(4).toString("hex")}.db`);
fs.copyFileSync(baseDbPath, file);
process.env.DATABASE_PATH = file;
process.env.UPLOADS_DIR = `${file}.uploads`;
process.env.PUBLIC_ORIGIN ??= "http://localhost:3000";

afterAll(() => {
  const g = globalThis as { __db?: { $client: { close(): void } } };
  g.__db?.$client.close();
  g.__db = undefined;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(`${file}.uploads`, { recursive: true, force: true });
});
