import { spawn } from "node:child_process";
import { once } from "node:events";
import { expect, test } from "./fixtures";
import { e2eDbPath } from "../setup/paths";

// Runs its own server process, so it can be stopped without disturbing the one the other tests use.
test("the server logs one JSON line per request and drains requests in flight on SIGTERM", async () => {
  const port = 3190 + Math.floor(Math.random() * 9);
  const child = spawn(process.execPath, ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_PATH: e2eDbPath },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  await expect.poll(() => out.includes("listening"), { timeout: 15_000 }).toBe(true);

  const inFlight = Array.from({ length: 20 }, () => fetch(`http://localhost:${port}/healthz`).then((r) => r.status));
  // Let the requests reach the server, then ask it to stop while they are being answered.
  await new Promise((r) => setTimeout(r, 5));
  child.kill("SIGTERM");
  const statuses = await Promise.all(inFlight);
  const [code] = await once(child, "exit");

  expect(statuses.every((s) => s === 200)).toBe(true);
  expect(code).toBe(0);
  const lines = out
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.path === "/healthz");
  expect(lines.length).toBe(20);
  expect(lines[0]).toMatchObject({ method: "GET", path: "/healthz", status: 200 });
  expect(typeof lines[0]!.ms).toBe("number");
  expect(out).toContain("SIGTERM: draining");
});
