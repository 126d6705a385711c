import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { fold, provinceShortName, slugify } from "../../app/lib/text";
import type { Db } from "../open";
import * as schema from "../schema";

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "seed-data");

function readCsv<T>(name: string): T[] {
  return parse(fs.readFileSync(path.join(dataDir, name)), { columns: true, skip_empty_lines: true }) as T[];
}

/** English names for the 26 OCOP sub-groups (the CSV carries only the groups' English names). */
const categoryEn: Record<string, string> = {
  "I.1.a": "Fresh produce: vegetables, tubers, fruit, fresh nuts",
  "I.1.b": "Fresh produce: meat, seafood, eggs, fresh milk",
  "I.2.a": "Raw and semi-processed: rice, cereals, other grains",
  "I.2.b": "Raw and semi-processed: honey, other syrups and farm foods",
  "I.3.a": "Processed food: fast food",
  "I.3.b": "Processed food: from rice and cereals",
  "I.3.c": "Processed food: from vegetables, tubers, fruit, nuts",
  "I.3.d": "Processed food: from meat, eggs, milk, seafood, honey and others",
  "I.4.a": "Condiments: sauces, fish sauce, other liquid condiments",
  "I.4.b": "Condiments: other (salt, shallots, garlic, pepper)",
  "I.5.a": "Tea: fresh and processed tea",
  "I.5.b": "Tea: infusions from other plants",
  "I.6": "Coffee, cocoa",
  "II.1.a": "Alcoholic drinks: white spirits",
  "II.1.b": "Alcoholic drinks: other",
  "II.2.a": "Soft drinks: natural mineral water, bottled water",
  "II.2.b": "Soft drinks: other",
  "III.1": "Functional foods, herbal and traditional medicines",
  "III.2": "Cosmetics with herbal ingredients",
  "III.3": "Essential oils and other herbal products",
  "IV.1": "Household and decorative handicrafts",
  "IV.2": "Textiles and garments",
  "V.1": "Flowers",
  "V.2": "Ornamental plants",
  "V.3": "Ornamental animals",
  "VI.1": "Community tourism, eco-tourism and destinations",
};

/** Provinces, former provinces and OCOP categories. Upserts, so it can run on every start. */
export function seedReference(db: Db) {
  const rows = readCsv<{ old_code: string; old_name: string; new_code: string; new_name: string }>(
    "provinces-2025.csv",
  );
  const categories = readCsv<{ code: string; group_vi: string; subgroup_vi: string; group_en: string }>(
    "ocop-categories.csv",
  );
  db.transaction((tx) => {
    const current = new Map(rows.map((r) => [r.new_code, r.new_name]));
    for (const [code, name] of current) {
      const shortName = provinceShortName(name);
      tx.insert(schema.provinces)
        .values({
          code,
          name,
          shortName,
          kind: name.startsWith("Thành phố") ? "city" : "province",
          slug: slugify(shortName),
          folded: fold(shortName),
        })
        .onConflictDoUpdate({
          target: schema.provinces.code,
          set: { name: sql`excluded.name`, shortName: sql`excluded.short_name`, folded: sql`excluded.folded` },
        })
        .run();
    }
    for (const r of rows) {
      const shortName = provinceShortName(r.old_name);
      tx.insert(schema.formerProvinces)
        .values({ code: r.old_code, name: r.old_name, shortName, folded: fold(shortName), provinceCode: r.new_code })
        .onConflictDoUpdate({
          target: schema.formerProvinces.code,
          set: { provinceCode: sql`excluded.province_code`, name: sql`excluded.name` },
        })
        .run();
    }
    categories.forEach((c, position) => {
      const groupCode = c.code.split(".")[0]!;
      tx.insert(schema.ocopCategories)
        .values({
          code: c.code,
          groupCode,
          groupVi: c.group_vi,
          groupEn: c.group_en,
          nameVi: c.subgroup_vi,
          nameEn: categoryEn[c.code] ?? c.subgroup_vi,
          position,
        })
        .onConflictDoUpdate({
          target: schema.ocopCategories.code,
          set: { nameVi: sql`excluded.name_vi`, nameEn: sql`excluded.name_en`, position: sql`excluded.position` },
        })
        .run();
    });
  });
}
