/**
 * Writes db/migrations/0001_discovery_fts.sql. The folding has to be plain SQL (a trigger fired from any
 * connection, e.g. a test's raw better-sqlite3 handle, cannot call an app-registered function), so it is a chain of
 * replace() calls generated here from one table of Vietnamese letters. Run: npx tsx scripts/discovery-fts-sql.ts
 */
import fs from "node:fs";

const groups: Record<string, string> = {
  a: "àáảãạăằắẳẵặâầấẩẫậ",
  e: "èéẻẽẹêềếểễệ",
  i: "ìíỉĩị",
  o: "òóỏõọôồốổỗộơờớởỡợ",
  u: "ùúủũụưừứửữự",
  y: "ỳýỷỹỵ",
  d: "đ",
};
const pairs: [string, string][] = [];
for (const [base, letters] of Object.entries(groups)) {
  for (const ch of letters) {
    pairs.push([ch, base]);
    pairs.push([ch.toUpperCase(), base]);
  }
}
// Combining marks, for text that arrived decomposed (NFD).
for (const cp of [0x300, 0x301, 0x303, 0x309, 0x323, 0x302, 0x306, 0x31b]) pairs.push([String.fromCodePoint(cp), ""]);

const chunk = 12;
/**
 * A WITH list over a source query that adds a column \`f\` (the folded \`x\`) in stages of a few replace() calls
 * each, ending in a CTE named \`a\`. The stages are sibling CTEs, not nested subqueries, so no statement nests more
 * than a dozen calls: every stock sqlite3 shell (3.40+, parser stack of 100) can read the schema, and the planner
 * flattens the chain as before.
 */
const withFold = (source: string) => {
  const ctes = [`s0 AS (${source})`];
  let prev = "x";
  const stages = Math.ceil(pairs.length / chunk);
  for (let i = 0; i < stages; i++) {
    const expr = pairs.slice(i * chunk, (i + 1) * chunk).reduce((acc, [from, to]) => `replace(${acc},'${from}','${to}')`, prev);
    const name = i + 1 === stages ? "a" : `s${i + 1}`;
    ctes.push(`${name} AS (SELECT s${i}.*, ${expr} AS f${i + 1} FROM s${i})`);
    prev = `f${i + 1}`;
  }
  return { with: `WITH ${ctes.join(",\n  ")}`, f: prev };
};

const types = ["ocop", "vietgap", "organic", "globalgap", "iso9001", "iso22000", "haccp", "gi", "collective_trademark", "planting_area_code", "other"];
const until = (cond: string) =>
  `(SELECT max(coalesce(c.expiry_date,'9999-12-31')) FROM certificate_products cp CROSS JOIN certificates c ON c.id = cp.certificate_id WHERE cp.product_id = p.id AND c.status = 'verified' AND ${cond})`;

// CROSS JOIN keeps certificate_products (by product) as the outer loop: without statistics the planner may
// otherwise scan every verified certificate for each product.
const untilCols = [
  ...types.map((t) => ({ name: `u_${t}`, expr: until(`c.type = '${t}'`) })),
  ...[3, 4, 5].map((s) => ({ name: `u_ocop${s}`, expr: until(`c.type = 'ocop' AND c.ocop_stars >= ${s}`) })),
];

const attrCols = [
  "product_id INTEGER PRIMARY KEY NOT NULL",
  "cooperative_id INTEGER NOT NULL",
  "province_code TEXT NOT NULL",
  "category_code TEXT NOT NULL",
  "price INTEGER NOT NULL",
  "min_order_qty INTEGER NOT NULL",
  "stock INTEGER NOT NULL",
  "verified INTEGER NOT NULL",
  "harvest_months INTEGER NOT NULL",
  "published_at TEXT",
  ...untilCols.map((c) => `${c.name} TEXT`),
];

const months = Array.from({ length: 12 }, (_, i) => `CASE WHEN a.harvest_months & ${1 << i} THEN ' h${i + 1}' ELSE '' END`).join(" || ");
const certTokens = [
  ...types.map((t) => `CASE WHEN a.u_${t} IS NOT NULL THEN ' c${t.replace(/_/g, "")}' ELSE '' END`),
  ...[3, 4, 5].map((s) => `CASE WHEN a.u_ocop${s} IS NOT NULL THEN ' o${s}' ELSE '' END`),
].join(" || ");

// x holds the Vietnamese text only: English has no diacritics, so it needs no exact tier and goes into f alone.
const exactText = `p.name_vi || ' ' || coalesce(p.description_vi,'') || ' ' || k.name_vi || ' ' || k.group_vi || ' ' || o.name || ' ' || pr.short_name || ' ' || coalesce((SELECT group_concat(f.short_name, ' ') FROM former_provinces f WHERE f.province_code = pr.code AND f.short_name <> pr.short_name),'')`;
const coopText = `o.name || ' ' || coalesce(o.main_products,'') || ' ' || coalesce(o.commune,'') || ' ' || pr.short_name || ' ' || coalesce((SELECT group_concat(f.short_name, ' ') FROM former_provinces f WHERE f.province_code = pr.code AND f.short_name <> pr.short_name),'')`;

const statements: string[] = [];
const add = (s: string) => statements.push(s.trim());

add(`CREATE TABLE search_meta (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL)`);
add(`INSERT INTO search_meta (id, generation) VALUES (1, 0)`);
add(`CREATE TABLE search_attrs (\n  ${attrCols.join(",\n  ")}\n)`);
add(`CREATE INDEX search_attrs_coop_idx ON search_attrs (cooperative_id)`);
add(`CREATE INDEX search_attrs_price_idx ON search_attrs (price)`);
add(`CREATE INDEX search_attrs_published_idx ON search_attrs (published_at)`);
add(`CREATE INDEX search_attrs_province_idx ON search_attrs (province_code)`);
add(`CREATE INDEX search_attrs_category_idx ON search_attrs (category_code)`);
// The home page lists recently verified cooperatives.
add(`CREATE INDEX organisations_coop_verified_idx ON organisations (verified_at) WHERE kind = 'cooperative'`);

add(`CREATE VIEW search_attrs_source AS
SELECT p.id AS product_id, p.cooperative_id, p.origin_province_code AS province_code, p.category_code, p.price,
  p.min_order_qty, p.stock, (o.verified_at IS NOT NULL) AS verified, p.harvest_months, p.published_at,
  ${untilCols.map((c) => `${c.expr} AS ${c.name}`).join(",\n  ")}
FROM products p JOIN organisations o ON o.id = p.cooperative_id
WHERE p.status = 'published' AND o.status = 'active'`);

// Exact facet counts for searches without text (home, /search, province and category pages), kept by triggers on
// search_attrs so a browse page never counts half a million rows. search_facet_cube: products per combination of
// the dimensions the browse filters use (a few thousand rows at national scale). search_expiry_counts: per
// certificate column (u_vietgap, u_ocop4, ...), the number of products whose latest expiry is a given date, for
// everything (dim ''), per province (dim 'p') and per category (dim 'k'); "active today" is then the sum over the
// dates >= today, so a certificate stops counting the day after its expiry with no job.
const untilNames = untilCols.map((c) => c.name);
add(`CREATE TABLE search_facet_cube (
  province_code TEXT NOT NULL,
  category_code TEXT NOT NULL,
  verified INTEGER NOT NULL,
  in_stock INTEGER NOT NULL,
  harvest_months INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (province_code, category_code, verified, in_stock, harvest_months)
) WITHOUT ROWID`);
add(`CREATE TABLE search_expiry_counts (
  dim TEXT NOT NULL,
  value TEXT NOT NULL,
  kind TEXT NOT NULL,
  until TEXT NOT NULL,
  verified INTEGER NOT NULL,
  in_stock INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (dim, value, kind, until, verified, in_stock)
) WITHOUT ROWID`);
const expiryRows = (ref: string) => `SELECT d.dim, d.value, k.kind, k.until, ${ref}.verified AS verified, (${ref}.stock > 0) AS in_stock FROM
    (${untilNames.map((n) => `SELECT '${n.slice(2)}' AS kind, ${ref}.${n} AS until`).join(" UNION ALL ")}) k,
    (SELECT '' AS dim, '' AS value UNION ALL SELECT 'p', ${ref}.province_code UNION ALL SELECT 'k', ${ref}.category_code) d
    WHERE k.until IS NOT NULL`;
add(`CREATE VIEW search_facet_cube_source AS
SELECT province_code, category_code, verified, (stock > 0) AS in_stock, harvest_months, count(*) AS n FROM search_attrs
GROUP BY province_code, category_code, verified, (stock > 0), harvest_months`);
add(`CREATE VIEW search_expiry_counts_source AS
SELECT dim, value, kind, until, verified, in_stock, count(*) AS n FROM (
  ${untilNames
    .flatMap((n) =>
      [["''", "''"], ["'p'", "province_code"], ["'k'", "category_code"]].map(
        ([dim, value]) => `SELECT ${dim} AS dim, ${value} AS value, '${n.slice(2)}' AS kind, ${n} AS until, verified, (stock > 0) AS in_stock FROM search_attrs WHERE ${n} IS NOT NULL`,
      ),
    )
    .join("\n  UNION ALL ")}
) GROUP BY dim, value, kind, until, verified, in_stock`);
const cubeKey = (ref: string) => `province_code = ${ref}.province_code AND category_code = ${ref}.category_code AND verified = ${ref}.verified AND in_stock = (${ref}.stock > 0) AND harvest_months = ${ref}.harvest_months`;
const facetsIn = `
  INSERT INTO search_facet_cube (province_code, category_code, verified, in_stock, harvest_months, n)
    VALUES (NEW.province_code, NEW.category_code, NEW.verified, NEW.stock > 0, NEW.harvest_months, 1)
    ON CONFLICT (province_code, category_code, verified, in_stock, harvest_months) DO UPDATE SET n = n + 1;
  INSERT INTO search_expiry_counts (dim, value, kind, until, verified, in_stock, n) SELECT e.*, 1 FROM (${expiryRows("NEW")}) e WHERE 1
    ON CONFLICT (dim, value, kind, until, verified, in_stock) DO UPDATE SET n = n + 1;`;
const facetsOut = `
  UPDATE search_facet_cube SET n = n - 1 WHERE ${cubeKey("OLD")};
  UPDATE search_expiry_counts SET n = n - 1 WHERE (dim, value, kind, until, verified, in_stock) IN (${expiryRows("OLD")});`;
add(`CREATE TRIGGER search_attrs_facets_ai AFTER INSERT ON search_attrs BEGIN${facetsIn}
END`);
add(`CREATE TRIGGER search_attrs_facets_ad AFTER DELETE ON search_attrs BEGIN${facetsOut}
END`);
add(`CREATE TRIGGER search_attrs_facets_au AFTER UPDATE ON search_attrs BEGIN${facetsOut}${facetsIn}
END`);

add(`CREATE VIRTUAL TABLE product_fts USING fts5(x, f, t, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3', detail='column')`);

const productFold = withFold(`SELECT a.*, ${exactText} AS x, coalesce(p.name_en,'') || ' ' || coalesce(p.description_en,'') || ' ' || k.name_en AS english, k.group_code FROM search_attrs a
  JOIN products p ON p.id = a.product_id JOIN organisations o ON o.id = a.cooperative_id
  JOIN ocop_categories k ON k.code = a.category_code JOIN provinces pr ON pr.code = a.province_code`);
add(`CREATE VIEW product_fts_source AS
${productFold.with}
SELECT a.product_id, a.cooperative_id, lower(a.x) AS x, lower(a.${productFold.f}) || ' ' || lower(a.english) AS f,
  'all p' || a.province_code || ' k' || replace(a.category_code,'.','') || ' g' || replace(a.group_code,'.','')
  || CASE WHEN a.verified THEN ' v' ELSE '' END || CASE WHEN a.stock > 0 THEN ' s' ELSE '' END
  || ${months} || ${certTokens} AS t
FROM a`);

add(`CREATE VIRTUAL TABLE coop_fts USING fts5(x, f, t, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3', detail='column')`);

const coopFold = withFold(`SELECT o.id AS organisation_id, ${coopText} AS x,
  'all p' || o.province_code || CASE WHEN o.verified_at IS NOT NULL THEN ' v' ELSE '' END
  || coalesce((SELECT group_concat(DISTINCT ' c' || replace(c.type,'_','')) FROM certificates c INDEXED BY certificates_coop_idx WHERE c.cooperative_id = o.id AND c.status = 'verified'),'')
  || coalesce((SELECT ' o' || max(c.ocop_stars) FROM certificates c INDEXED BY certificates_coop_idx WHERE c.cooperative_id = o.id AND c.status = 'verified' AND c.type = 'ocop'),'') AS t
FROM organisations o JOIN provinces pr ON pr.code = o.province_code
WHERE o.kind = 'cooperative' AND o.status = 'active'`);
add(`CREATE VIEW coop_fts_source AS
${coopFold.with}
SELECT a.organisation_id, lower(a.x) AS x, lower(a.${coopFold.f}) AS f, a.t FROM a`);

const reindexProducts = (where: string) => `
  DELETE FROM product_fts WHERE rowid IN (SELECT product_id FROM search_attrs WHERE ${where});
  DELETE FROM search_attrs WHERE ${where};
  INSERT INTO search_attrs SELECT * FROM search_attrs_source WHERE ${where};
  INSERT INTO product_fts (rowid, x, f, t) SELECT product_id, x, f, t FROM product_fts_source WHERE product_id IN (SELECT product_id FROM search_attrs WHERE ${where});
  UPDATE search_meta SET generation = generation + 1 WHERE id = 1;`;
const reindexCoop = (id: string) => `
  DELETE FROM coop_fts WHERE rowid = ${id};
  INSERT INTO coop_fts (rowid, x, f, t) SELECT organisation_id, x, f, t FROM coop_fts_source WHERE organisation_id = ${id};
  UPDATE search_meta SET generation = generation + 1 WHERE id = 1;`;

// The stored product rows may not exist yet in search_attrs (a draft becoming published), so the product triggers
// key on the product id, not on search_attrs membership.
const reindexProduct = (id: string) => `
  DELETE FROM product_fts WHERE rowid = ${id};
  DELETE FROM search_attrs WHERE product_id = ${id};
  INSERT INTO search_attrs SELECT * FROM search_attrs_source WHERE product_id = ${id};
  INSERT INTO product_fts (rowid, x, f, t) SELECT product_id, x, f, t FROM product_fts_source WHERE product_id = ${id};
  UPDATE search_meta SET generation = generation + 1 WHERE id = 1;`;

const productCols = "name_vi, name_en, description_vi, description_en, category_code, origin_province_code, harvest_months, price, min_order_qty, stock, status, published_at, cooperative_id";
add(`CREATE TRIGGER products_search_ai AFTER INSERT ON products BEGIN${reindexProduct("NEW.id")}
END`);
add(`CREATE TRIGGER products_search_au AFTER UPDATE OF ${productCols} ON products BEGIN${reindexProduct("NEW.id")}
END`);
add(`CREATE TRIGGER products_search_ad AFTER DELETE ON products BEGIN
  DELETE FROM product_fts WHERE rowid = OLD.id;
  DELETE FROM search_attrs WHERE product_id = OLD.id;
  UPDATE search_meta SET generation = generation + 1 WHERE id = 1;
END`);
add(`CREATE TRIGGER organisations_search_ai AFTER INSERT ON organisations BEGIN${reindexCoop("NEW.id")}
END`);
add(`CREATE TRIGGER organisations_search_au AFTER UPDATE OF name, province_code, verified_at, status, kind, main_products, commune ON organisations BEGIN${reindexCoop("NEW.id")}
  DELETE FROM product_fts WHERE rowid IN (SELECT id FROM products WHERE cooperative_id = NEW.id);
  DELETE FROM search_attrs WHERE cooperative_id = NEW.id;
  INSERT INTO search_attrs SELECT * FROM search_attrs_source WHERE cooperative_id = NEW.id;
  INSERT INTO product_fts (rowid, x, f, t) SELECT product_id, x, f, t FROM product_fts_source WHERE cooperative_id = NEW.id;
END`);
add(`CREATE TRIGGER organisations_search_ad AFTER DELETE ON organisations BEGIN
  DELETE FROM coop_fts WHERE rowid = OLD.id;
  UPDATE search_meta SET generation = generation + 1 WHERE id = 1;
END`);
const certReindex = (ref: "NEW" | "OLD") => `${reindexProducts(`product_id IN (SELECT product_id FROM certificate_products WHERE certificate_id = ${ref}.id)`)}${reindexCoop(`${ref}.cooperative_id`)}`;
add(`CREATE TRIGGER certificates_search_ai AFTER INSERT ON certificates BEGIN${reindexCoop("NEW.cooperative_id")}
END`);
add(`CREATE TRIGGER certificates_search_au AFTER UPDATE OF status, type, ocop_stars, expiry_date, cooperative_id ON certificates BEGIN${certReindex("NEW")}
END`);
add(`CREATE TRIGGER certificates_search_bd BEFORE DELETE ON certificates BEGIN
  DELETE FROM certificate_products WHERE certificate_id = OLD.id;
END`);
add(`CREATE TRIGGER certificates_search_ad AFTER DELETE ON certificates BEGIN${reindexCoop("OLD.cooperative_id")}
END`);
add(`CREATE TRIGGER certificate_products_search_ai AFTER INSERT ON certificate_products BEGIN${reindexProduct("NEW.product_id")}
END`);
add(`CREATE TRIGGER certificate_products_search_ad AFTER DELETE ON certificate_products BEGIN${reindexProduct("OLD.product_id")}
END`);

// Fill the index from what is already there.
add(`INSERT INTO search_attrs SELECT * FROM search_attrs_source`);
add(`INSERT INTO product_fts (rowid, x, f, t) SELECT product_id, x, f, t FROM product_fts_source`);
add(`INSERT INTO coop_fts (rowid, x, f, t) SELECT organisation_id, x, f, t FROM coop_fts_source`);

const header = `-- Discovery: full-text and filter index (generated by scripts/discovery-fts-sql.ts; edit that file, not this one).
-- product_fts/coop_fts: column x holds the lower-cased text with its diacritics (exact matches rank first), f the
-- same text folded (diacritics and đ removed), t filter tokens (p<province> k<category> v s h<month> c<cert> o<stars>).
-- search_attrs: one row per searchable product with the filter columns and, per certificate type, the latest
-- expiry of a verified certificate naming the product, so "active today" is one comparison at query time.
`;
fs.writeFileSync("db/migrations/0001_discovery_fts.sql", header + statements.join("\n--> statement-breakpoint\n") + "\n");
console.log(`${statements.length} statements`);
