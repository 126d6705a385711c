// Playwright drives Debian's Chromium; its own browser download cannot work on this network.
import fs from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(path)) {
  console.error(
    `\nChromium is missing at ${path}. Install it with:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n\n(or set CHROMIUM_PATH to another Chromium binary), then run the tests again.\n`,
  );
  process.exit(1);
}
