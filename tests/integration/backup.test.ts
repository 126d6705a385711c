import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { backupDatabase } from "../../db/backup";

const writer = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[2]);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
const insert = db.prepare("insert into audit_log (action, entity, entity_id) values ('backup-test', 'row', ?)");
let i = 0;
const tick = () => {
  for (let k = 0; k < 50; k++) insert.run(++i);
  process.send?.(i);
  if (i < 20000) setImmediate(tick); else process.exit(0);
};
tick();
`;

it("a backup taken while writes run restores to a consistent database holding every row committed before it", async () => {
  const source = process.env.DATABASE_PATH!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cho-htx-backup-"));
  const script = path.join(dir, "writer.cjs");
  fs.writeFileSync(script, writer);
  const child = fork(script, [source], { env: { ...process.env, NODE_PATH: path.resolve("node_modules") } });
  let committedBeforeBackup = 0;
  await new Promise<void>((resolve) => {
    child.on("message", (n) => {
      if (Number(n) >= 2000 && !committedBeforeBackup) {
        committedBeforeBackup = Number(n);
        resolve();
      }
    });
  });
  const destination = path.join(dir, "backup.db");
  await backupDatabase({ source, destination });
  await new Promise((resolve) => child.on("exit", resolve));

  // Restore: the backup file is a complete database by itself.
  const restored = new Database(destination, { readonly: true });
  expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
  const ids = restored
    .prepare("select entity_id from audit_log where action = 'backup-test' order by entity_id")
    .pluck()
    .all() as number[];
  restored.close();
  expect(ids.length).toBeGreaterThanOrEqual(committedBeforeBackup);
  // A consistent snapshot: rows 1..n with no gap.
  expect(ids.every((id, index) => id === index + 1)).toBe(true);
  // And the demo data is all there.
  const check = new Database(destination, { readonly: true });
  expect(check.prepare("select count(*) from provinces").pluck().get()).toBe(34);
  check.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
