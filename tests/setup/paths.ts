import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const tmpDir = path.join(root, "tests", ".tmp");
export const baseDbPath = path.join(tmpDir, "base.db");

export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eBaseURL = `http://localhost:${e2ePort}`;
/** Per port, so several checkouts can run their end-to-end suites at once. */
export const e2eDbPath = path.join(tmpDir, `e2e-${e2ePort}.db`);
