import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { productArtSvg } from "../../app/lib/product-art";
import type { Db } from "../open";
import * as schema from "../schema";

const WIDTH = 800;
const HEIGHT = 600;

/**
 * Gives every seeded product a photo: the project's own illustration of its kind (app/lib/product-art.ts),
 * rendered once per distinct picture to WebP in the uploads directory, in the file layout `storeImage` uses
 * (`<base>-320.webp`, `-800.webp`, `-1600.webp`; the original is 800 px wide, so the 1600 file is the 800 one, as
 * for any upload narrower than 1600). Rendered files are cached under node_modules/.cache, so rebuilding a test
 * database copies instead of rendering. Nothing is downloaded.
 */
export async function seedProductImages(db: Db, { uploadsDir }: { uploadsDir: string }) {
  const products = db
    .select({ id: schema.products.id, nameVi: schema.products.nameVi, categoryCode: schema.products.categoryCode, unit: schema.products.unit, cooperativeId: schema.products.cooperativeId })
    .from(schema.products)
    .all();
  const cacheDir = path.resolve("node_modules/.cache/cho-htx-product-art");
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.mkdirSync(path.join(uploadsDir, "seed"), { recursive: true });

  const bases = new Map<string, string>(); // svg hash -> base path
  const rows: (typeof schema.productPhotos.$inferInsert)[] = [];
  const pending: { svg: string; key: string }[] = [];
  for (const p of products) {
    // Same picture for the same product kind and pack; the cooperative shifts its background.
    const svg = productArtSvg({ nameVi: p.nameVi, categoryCode: p.categoryCode, unit: p.unit, variant: p.cooperativeId % 4 });
    const key = crypto.createHash("sha256").update(svg).digest("hex").slice(0, 20);
    if (!bases.has(key)) {
      bases.set(key, `seed/${key}`);
      pending.push({ svg, key });
    }
    rows.push({ productId: p.id, path: `seed/${key}`, width: WIDTH, height: HEIGHT, alt: p.nameVi, position: 0 });
  }

  const render = async ({ svg, key }: { svg: string; key: string }) => {
    const cached = (w: number) => path.join(cacheDir, `${key}-${w}.webp`);
    if (!fs.existsSync(cached(320)) || !fs.existsSync(cached(800))) {
      const raw = await sharp(Buffer.from(svg)).png().toBuffer();
      await sharp(raw).webp({ quality: 80 }).toFile(cached(800));
      await sharp(raw).resize({ width: 320 }).webp({ quality: 78 }).toFile(cached(320));
    }
    const out = (w: number) => path.join(uploadsDir, "seed", `${key}-${w}.webp`);
    fs.copyFileSync(cached(320), out(320));
    fs.copyFileSync(cached(800), out(800));
    fs.copyFileSync(cached(800), out(1600));
  };
  // Two at a time: the machine this runs on may be small.
  for (let i = 0; i < pending.length; i += 2) await Promise.all(pending.slice(i, i + 2).map(render));

  db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 200) tx.insert(schema.productPhotos).values(rows.slice(i, i + 200)).run();
  });
  return { products: rows.length, pictures: pending.length };
}
