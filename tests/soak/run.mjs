// `npm run test:soak`: the bounded soak test, then the crash test (each stops by itself; loopback only). Ports:
// SOAK_PORT (default 3150) and CRASH_PORT (SOAK_PORT + 1); SOAK_SECONDS (40) and CRASH_ROUNDS (3) bound them.
import { crash } from "./crash.mjs";
import { soak } from "./soak.mjs";

const started = Date.now();
const results = [["soak", await soak()], ["crash", await crash()]];
const failed = results.filter(([, ok]) => !ok).map(([name]) => name);
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed, 0 not run (soak and crash tests, ${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(failed.length ? 1 : 0);
