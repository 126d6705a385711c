import fs from "node:fs";
import { buildDatabase } from "./build-db";
import { e2eDbPath, tmpDir } from "./paths";

// The end-to-end database: its own file, rebuilt from the migrations and the seed before every run.
fs.mkdirSync(tmpDir, { recursive: true });
fs.rmSync(`${e2eDbPath}.uploads`, { recursive: true, force: true });
await buildDatabase(e2eDbPath);
console.log(`e2e database ready: ${e2eDbPath}`);
