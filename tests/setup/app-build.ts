import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "./paths";

/** The production build, made again when anything under app/ is newer than it (tests that run `node server.js`). */
export function ensureAppBuild() {
  const built = path.join(root, "build", "server", "index.js");
  const newest = (d: string): number =>
    fs.readdirSync(d, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).mtimeMs), 0);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > Math.max(newest(path.join(root, "app")), fs.statSync(path.join(root, "vite.config.ts")).mtimeMs)) return;
  // Without VITEST in the environment: vite.config.ts leaves the Remix plugin out under vitest.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], { cwd: root, stdio: "pipe", env: { ...env, NODE_ENV: "production" } });
  if (r.status !== 0) throw new Error(`remix vite:build failed:\n${r.stderr}`);
}
