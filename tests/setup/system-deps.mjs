// The system packages the test suite needs from Debian: Chromium for the end-to-end tests (Playwright's own browser
// download cannot work on this network), poppler-utils (pdftoppm renders label PDFs so a test can decode their QR
// codes) and sqlite3 (a test opens the migrated database with the stock shell, as an operator would).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const onPath = (command, args) => {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

/** Debian packages still to install, in a stable order (fonts come with Chromium: pages render with real glyphs). */
export function missingPackages({ chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" } = {}) {
  const missing = [];
  if (!fs.existsSync(chromium)) missing.push("chromium", "fonts-dejavu-core");
  if (!onPath("pdftoppm", ["-v"])) missing.push("poppler-utils");
  if (!onPath("sqlite3", ["-version"])) missing.push("sqlite3");
  return missing;
}

export const installCommand = (packages, { root }) =>
  root ? `apt-get update && apt-get install -y ${packages.join(" ")}` : `sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`;

/**
 * Installs what is missing when we are root on a machine with apt-get (saying so), and returns true when everything
 * is there afterwards; otherwise prints the exact command and returns false.
 */
export function ensureSystemPackages() {
  const missing = missingPackages();
  if (!missing.length) return true;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = onPath("apt-get", ["--version"]);
  if (root && apt) {
    const command = installCommand(missing, { root });
    console.log(`\nThe tests need ${missing.join(", ")}; installing them:\n    ${command}\n`);
    const r = spawnSync("sh", ["-c", command], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    const still = missingPackages();
    if (r.status === 0 && !still.length) return true;
    console.error(`\nInstalling failed; still missing: ${still.join(", ")}. Run:\n\n    ${installCommand(still, { root })}\n`);
    return false;
  }
  console.error(
    `\nThe tests need ${missing.join(", ")}, which ${apt ? "only root can install" : "this machine has no apt-get to install"}. Install with:\n\n    ${installCommand(missing, { root })}\n\n(or set CHROMIUM_PATH to another Chromium binary), then run the tests again.\n`,
  );
  return false;
}
