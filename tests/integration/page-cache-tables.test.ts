import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isDerivedRollup, isShadowTable, pageCacheIgnoredTables, pageContentTables } from "../../db/page-cache-tables";
import { pageCacheSql } from "../../scripts/page-cache-sql";

/*
 * The page cache is only as true as its list of watched tables (db/page-cache-tables.ts): every table of the migrated
 * schema is either watched (three triggers bump page_generation) or ignored with a reason. A new table fails here
 * until someone decides which.
 */
const file = process.env.DATABASE_PATH!;

describe("the tables the page cache watches", () => {
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).filter((t) => !isShadowTable(t));
  const triggers = db.prepare("SELECT name, tbl_name AS tbl FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_page_cache_%'").all() as { name: string; tbl: string }[];
  db.close();

  it("classifies every table of the schema exactly once", () => {
    const watched = new Set<string>(pageContentTables);
    const unclassified = tables.filter((t) => !watched.has(t) && !(t in pageCacheIgnoredTables) && !isDerivedRollup(t));
    expect(unclassified).toEqual([]);
    expect(pageContentTables.filter((t) => t in pageCacheIgnoredTables)).toEqual([]);
    // No name in the lists that the schema does not have (a rename would leave a table unwatched).
    expect([...watched, ...Object.keys(pageCacheIgnoredTables)].filter((t) => !tables.includes(t))).toEqual([]);
  });

  it("has the insert, update and delete triggers on every watched table and on no other", () => {
    for (const t of pageContentTables) {
      expect(triggers.filter((g) => g.tbl === t).map((g) => g.name).sort(), t).toEqual([`${t}_page_cache_ad`, `${t}_page_cache_ai`, `${t}_page_cache_au`]);
    }
    expect(triggers.filter((g) => !(pageContentTables as readonly string[]).includes(g.tbl))).toEqual([]);
  });

  it("is the migration scripts/page-cache-sql.ts writes (the script was run after the list changed)", () => {
    const dir = path.resolve("db/migrations");
    const name = fs.readdirSync(dir).find((f) => /^\d+_page_cache_sql\.sql$/.test(f))!;
    expect(fs.readFileSync(path.join(dir, name), "utf8")).toBe(pageCacheSql());
  });

  it("bumps the generation for a write to a watched table, not for an ignored one", () => {
    const rw = new Database(file);
    try {
      const gen = () => rw.prepare("SELECT generation FROM page_generation").pluck().get() as number;
      const g0 = gen();
      rw.prepare("UPDATE products SET price = price WHERE id = (SELECT min(id) FROM products)").run();
      expect(gen()).toBe(g0 + 1);
      rw.prepare("INSERT INTO outbox (\"to\", subject, text) VALUES ('a@b.vn', 's', 't')").run();
      expect(gen()).toBe(g0 + 1);
    } finally {
      rw.close();
    }
  });
});
