// The end-to-end suite needs Debian's Chromium (Playwright's own browser download cannot work on this network) and
// pdftoppm (poppler-utils), which renders label PDFs so a test can decode their QR codes.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const missing = [];
if (!fs.existsSync(chromium)) missing.push("chromium");
try {
  execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
} catch {
  missing.push("poppler-utils");
}
if (missing.length) {
  console.error(
    `\nMissing for the end-to-end tests: ${missing.join(", ")}. Install with:\n\n    sudo apt-get update && sudo apt-get install -y ${missing.join(" ")}\n\n(or set CHROMIUM_PATH to another Chromium binary), then run the tests again.\n`,
  );
  process.exit(1);
}
