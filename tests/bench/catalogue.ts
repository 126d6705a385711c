/**
 * The synthetic catalogue every benchmark runs on: `ensureCatalogue(size)` builds bench-data/bench-<size>.db from the
 * real migrations (30,000 cooperatives at 500,000 products, scaled down for smaller sizes) in all 34 provinces, or
 * reuses the file when it is complete and was built from the same migrations. A feature's benchmark adds the rows it
 * needs (orders, scans, requests…) to that file itself, marked in `kv_bench` so it happens once per build.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "../../db/migrate";
import { openDatabase } from "../../db/open";
import { seedReference } from "../../db/seed/reference";
import { productTemplates } from "../../db/seed/catalogue-data";
import { prng, addDays } from "../../db/seed/random";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const dir = path.join(root, "bench-data");
export const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** A digest of the migrations: a catalogue built from other migrations is rebuilt. */
function migrationsDigest() {
  const mdir = path.join(root, "db", "migrations");
  const h = crypto.createHash("sha256");
  for (const f of fs.readdirSync(mdir).filter((f) => f.endsWith(".sql")).sort()) h.update(f).update(fs.readFileSync(path.join(mdir, f)));
  return h.digest("hex").slice(0, 16);
}

/* ------------------------------------------------------------------ building the catalogue */

const places = ["Phú Ngãi", "Tân Phú", "Bình Minh", "Hòa Lộc", "Cái Mơn", "An Bình", "Thạnh Phú", "Mỏ Cày", "Long Hồ", "Đức Hòa", "Tam Nông", "Hưng Đạo", "Đông Hải", "Nam Sách", "Mường Thanh", "Cầu Đất", "Ea Kar", "Krông Pắc", "Tiên Phước", "Đại Lộc"];
const kinds = ["Nông nghiệp", "Dịch vụ nông nghiệp", "Rau an toàn", "Trái cây", "Lúa gạo", "Cà phê", "Chè", "Thủy sản", "Dừa", "Mật ong"];
const grades = ["", " loại 1", " loại 2", " xuất khẩu", " hữu cơ", " đặc biệt", " vụ mới", " sỉ"];

function build(file: string, products: number) {
  const coops = Math.round((products * 30_000) / 500_000);
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
  const t0 = performance.now();
  const db = openDatabase(file);
  const c = db.$client;
  migrateDatabase(db);
  seedReference(db);
  // Marks a complete build (written last), so an interrupted one is rebuilt next time.
  c.exec("CREATE TABLE kv_bench (k TEXT PRIMARY KEY, v TEXT)");
  c.pragma("synchronous = OFF");
  c.pragma("cache_size = -200000");
  // Bulk path: search, alert and page-cache triggers off while loading, one INSERT … SELECT per index table afterwards, triggers back on.
  const triggers = c.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE '%search%' OR name LIKE '%page_cache%')").all() as { name: string; sql: string }[];
  for (const t of triggers) c.exec(`DROP TRIGGER ${t.name}`);
  const provinces = c.prepare("SELECT code FROM provinces ORDER BY code").pluck().all() as string[];
  const rand = prng(500_000);
  const insOrg = c.prepare(
    "INSERT INTO organisations (kind, name, slug, province_code, cooperative_type, status, verified_at, member_count, main_products, commune) VALUES ('cooperative', ?, ?, ?, 'htx', 'active', ?, ?, ?, ?)",
  );
  const insProduct = c.prepare(
    "INSERT INTO products (cooperative_id, slug, name_vi, name_en, category_code, description_vi, description_en, unit, origin_province_code, harvest_months, price, min_order_qty, stock, status, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?)",
  );
  const insCert = c.prepare("INSERT INTO certificates (cooperative_id, type, ocop_stars, number, issuer, issue_date, expiry_date, status) VALUES (?, ?, ?, ?, 'VIETCERT', ?, ?, ?)");
  const insCp = c.prepare("INSERT INTO certificate_products (certificate_id, product_id) VALUES (?, ?)");
  const perCoop = Math.ceil(products / coops);
  let made = 0;
  c.transaction(() => {
    for (let i = 0; i < coops && made < products; i++) {
      const province = provinces[i % provinces.length]!;
      const kind = kinds[i % kinds.length]!;
      const name = `HTX ${kind} ${places[(i * 7) % places.length]} ${i + 1}`;
      const templates = productTemplates.filter((_, k) => (k + i) % 9 < 2 || k % kinds.length === i % kinds.length);
      const verified = rand.chance(0.7) ? addDays(today, -rand.int(1, 900)) : null;
      const orgId = Number(insOrg.run(name, `htx-${i + 1}`, province, verified, rand.int(7, 300), templates.slice(0, 3).map((t) => t.vi).join(", "), places[i % places.length]).lastInsertRowid);
      const ids: number[] = [];
      for (let k = 0; k < perCoop && made < products; k++, made++) {
        const t = templates[k % templates.length]!;
        const grade = grades[(k + i) % grades.length]!;
        const price = Math.max(1000, Math.round((t.price * (0.7 + rand.next() * 0.6)) / 500) * 500);
        const months = t.months.reduce((m, x) => m | (1 << (x - 1)), 0);
        const published = new Date(Date.UTC(2025, 0, 1) + made * 60_000).toISOString();
        ids.push(
          Number(
            insProduct.run(orgId, `p-${made}`, `${t.vi}${grade}`, t.en, t.category, `${t.descVi} Sản phẩm của ${name}.`, t.descEn, t.unit, province, months, price, rand.pick([5, 10, 20, 50, 100]), rand.chance(0.1) ? 0 : rand.int(10, 5000), published)
              .lastInsertRowid,
          ),
        );
      }
      const cert = (type: string, stars: number | null, expired: boolean, covers: number[]) => {
        const expiry = expired ? addDays(today, -rand.int(1, 300)) : addDays(today, rand.int(10, 900));
        const id = Number(insCert.run(orgId, type, stars, `${type}-${i}`, addDays(expiry, -730), expiry, "verified").lastInsertRowid);
        for (const p of covers) insCp.run(id, p);
      };
      if (rand.chance(0.8)) cert("vietgap", null, rand.chance(0.15), ids);
      if (rand.chance(0.35)) cert("ocop", rand.pick([3, 3, 4, 4, 5]), rand.chance(0.1), ids.slice(0, Math.ceil(ids.length / 3)));
      if (rand.chance(0.1)) cert("organic", null, rand.chance(0.1), ids.slice(0, 4));
      if (rand.chance(0.05)) cert("globalgap", null, false, ids.slice(0, 4));
      if (rand.chance(0.05)) cert("gi", null, false, ids);
    }
  })();
  const tLoad = performance.now();
  c.exec("INSERT INTO search_attrs SELECT * FROM search_attrs_source");
  c.exec("INSERT INTO product_fts (rowid, x, f, t) SELECT product_id, x, f, t FROM product_fts_source");
  c.exec("INSERT INTO coop_fts (rowid, x, f, t) SELECT organisation_id, x, f, t FROM coop_fts_source");
  c.exec("INSERT INTO search_facet_cube SELECT * FROM search_facet_cube_source");
  c.exec("INSERT INTO search_expiry_counts SELECT * FROM search_expiry_counts_source");
  c.exec("INSERT INTO product_fts (product_fts) VALUES ('optimize')");
  c.exec("INSERT INTO coop_fts (coop_fts) VALUES ('optimize')");
  for (const t of triggers) c.exec(t.sql);
  c.exec("ANALYZE");
  c.prepare("INSERT INTO kv_bench (k, v) VALUES ('products', ?), ('migrations', ?)").run(products, migrationsDigest());
  c.pragma("wal_checkpoint(TRUNCATE)");
  c.close();
  return { load: tLoad - t0, index: performance.now() - tLoad, coops };
}

export function ensureCatalogue(size: number) {
  const file = path.join(dir, `bench-${size}.db`);
  if (!process.env.BENCH_REBUILD && fs.existsSync(file)) {
    try {
      const db = openDatabase(file);
      const kv = new Map(db.$client.prepare("SELECT k, v FROM kv_bench").raw().all() as [string, string][]);
      db.$client.close();
      if (Number(kv.get("products")) === size && kv.get("migrations") === migrationsDigest()) return { file, built: null };
    } catch {
      /* incomplete: rebuild */
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  return { file, built: build(file, size) };
}

