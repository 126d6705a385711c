import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The layout's arrows, kept by a scan of the source: request → route → capability → model → database, with
 * infrastructure in services, pure rules in lib, and nothing pointing back up. See the README's "ten files".
 */
const root = path.resolve("app");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

type Import = { specifier: string; typeOnly: boolean; line: number };

/** Every static import, re-export and dynamic import of a file, resolved to its `~/...` form. */
export function importsOf(file: string, source = fs.readFileSync(file, "utf8")): Import[] {
  const found: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const raw = m[3] ?? m[4]!;
    const typeOnly = !!m[2];
    const resolved = raw.startsWith(".") ? `~/${path.relative(root, path.resolve(path.dirname(file), raw)).replace(/\\/g, "/")}` : raw;
    found.push({ specifier: resolved.replace(/\.(ts|tsx|js)$/, ""), typeOnly, line: source.slice(0, m.index).split("\n").length });
  }
  return found;
}

const rules: { files: string; forbid: RegExp; types?: boolean; why: string }[] = [
  { files: "routes", forbid: /^~\/db\.server$|^(\.\.\/)*db\//, types: true, why: "routes reach the database only through app/models" },
  { files: "models", forbid: /^~\/(i18n|components)(\/|$)/, types: true, why: "models return data and message keys; routes and components translate" },
  { files: "models", forbid: /^~\/(routes|capabilities|services)(\/|$)/, types: true, why: "models point only down, to the database and lib" },
  { files: "lib", forbid: /^~\/(db\.server|models|services|capabilities|routes|components)(\/|$)/, types: true, why: "lib is pure rules, no I/O" },
  { files: "services", forbid: /^~\/db\.server$/, why: "services reach the database through app/models (type imports aside)" },
  { files: "capabilities", forbid: /^~\/db\.server$/, why: "capability code reaches the database through app/models (type imports aside)" },
  { files: "components", forbid: /^~\/(db\.server|models)(\/|$)/, types: true, why: "components draw data they are given" },
];

describe("the import graph keeps the layout's arrows", () => {
  for (const rule of rules) {
    it(`app/${rule.files}: ${rule.why}`, () => {
      const offenders = filesUnder(path.join(root, rule.files)).flatMap((f) =>
        importsOf(f)
          .filter((i) => rule.forbid.test(i.specifier) && (rule.types || !i.typeOnly))
          .map((i) => `${path.relative(process.cwd(), f)}:${i.line} imports ${i.specifier}`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it("the scan sees the imports it must refuse (so the rules above can fail)", () => {
    const route = path.join(root, "routes", "example.tsx");
    const found = importsOf(
      route,
      `import { db } from "~/db.server";\nimport type { Locale } from "~/i18n/locale";\nexport { x } from "../models/x.server";\nconst m = await import("~/components/badges");\nimport {\n  a,\n  b,\n} from "~/i18n";`,
    );
    expect(found.map((i) => [i.specifier, i.typeOnly])).toEqual([
      ["~/db.server", false],
      ["~/i18n/locale", true],
      ["~/models/x.server", false],
      ["~/components/badges", false],
      ["~/i18n", false],
    ]);
    expect(rules[0]!.forbid.test(found[0]!.specifier)).toBe(true);
    expect(rules[1]!.forbid.test("~/i18n")).toBe(true);
    expect(rules[1]!.forbid.test("~/components/badges")).toBe(true);
    expect(rules[1]!.forbid.test("~/lib/badges")).toBe(false);
  });
});
