import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { fold } from "~/lib/text";

// An operator inspects a database, or checks a restored backup, with Debian's own sqlite3 shell. Its parser has a
// fixed stack (100 entries since SQLite 3.40), so every schema object must stay small enough for it to read.
const sqlite3 = (file: string, ...args: string[]) => execFileSync("sqlite3", ["-bail", file, ...args], { encoding: "utf8" });

it("the migrated and seeded database opens in the sqlite3 shell: every table listed, integrity ok", () => {
  const file = process.env.DATABASE_PATH!;
  const tables = sqlite3(file, ".tables").split(/\s+/).filter(Boolean);
  for (const name of ["products", "orders", "product_fts", "product_fts_source", "coop_fts_source", "search_attrs_source"]) {
    expect(tables).toContain(name);
  }
  expect(sqlite3(file, "PRAGMA integrity_check").trim()).toBe("ok");
});

it("the shell reads the folding views themselves: the same folded text the app indexes", () => {
  const file = process.env.DATABASE_PATH!;
  const db = new Database(file, { readonly: true });
  const id = (db.prepare("SELECT product_id FROM product_fts_source WHERE x LIKE '%đ%' OR x LIKE '%ư%' LIMIT 1").get() as { product_id: number }).product_id;
  const row = db.prepare("SELECT x, f FROM product_fts_source WHERE product_id = ?").get(id) as { x: string; f: string };
  db.close();
  const fromShell = sqlite3(file, `SELECT f FROM product_fts_source WHERE product_id = ${id}`).trim();
  expect(fromShell).toBe(row.f);
  // f starts with the Vietnamese text folded by the same rules as app/lib/text.ts (the English text follows it).
  expect(fromShell.startsWith(fold(row.x))).toBe(true);
  expect(row.x).toMatch(/[đư]/);
  // A statement far past the parser's limit still fails, so this test would notice a shell that cannot overflow.
  const deep = Array.from({ length: 200 }).reduce<string>((acc) => `replace(${acc},'a','b')`, "'x'");
  expect(() => execFileSync("sqlite3", [":memory:", `SELECT ${deep}`], { stdio: "pipe" })).toThrow();
});
