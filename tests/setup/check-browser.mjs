// `npm run test:e2e` needs Debian's Chromium and pdftoppm (see system-deps.mjs): installs them when it can (root
// with apt-get), otherwise stops with the exact command.
import { ensureSystemPackages } from "./system-deps.mjs";

if (!ensureSystemPackages()) process.exit(1);
