import path from "node:path";
import { fileURLToPath } from "node:url";
import { hash } from "@node-rs/argon2";
import { migrateDatabase } from "./migrate";
import { openDatabase, type Db } from "./open";
import { seedReference } from "./seed/reference";
import { seedCatalogue } from "./seed/catalogue";
import { isSeeded, seedFoundation } from "./seed/foundation";
import { seedOrders } from "./seed/orders";
import { seedTrace } from "./seed/trace";
import { seedProductImages } from "./seed/product-images";
import { seedHistory } from "./seed/history";
import { seedFairs } from "./seed/fairs";
import { seedMarket } from "./seed/market";
import { seedHarvest } from "./seed/harvest";
import { DEMO_PASSWORD, demoAccounts } from "./seed/foundation-data";

/**
 * Builds the demo marketplace. Reference data is upserted on every run; the demo organisations, people and
 * their data are written once (a second run finds them and leaves them be), all from fixed inputs.
 */
export async function seedDatabase(db: Db, { uploadsDir = process.env.UPLOADS_DIR ?? "./data/uploads" }: { uploadsDir?: string } = {}) {
  seedReference(db);
  if (isSeeded(db)) return { created: false };
  const passwordHash = await hash(DEMO_PASSWORD);
  const ids = seedFoundation(db, { passwordHash });
  seedCatalogue(db, ids);
  seedTrace(db, ids);
  seedOrders(db, ids);
  await seedProductImages(db, { uploadsDir });
  seedHistory(db, ids);
  seedFairs(db, ids);
  seedMarket(db, ids);
  seedHarvest(db, ids);
  return { created: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = process.env.DATABASE_PATH ?? "./data/cho-htx.db";
  const db = openDatabase(file);
  migrateDatabase(db);
  const { created } = await seedDatabase(db);
  db.$client.close();
  console.log(created ? `Seeded ${file}` : `${file} already holds the demo data; left as it is`);
  console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD})`);
  console.log(`  cooperative owner  ${demoAccounts.cooperative.email}   (${demoAccounts.cooperative.organisation})`);
  console.log(`  cooperative staff  ${demoAccounts.cooperativeStaff.email}`);
  console.log(`  buyer              ${demoAccounts.buyer.email}   (${demoAccounts.buyer.organisation})`);
  console.log(`  alliance admin     ${demoAccounts.alliance.email}   (Liên minh HTX tỉnh Vĩnh Long)`);
  console.log(`  platform admin     ${demoAccounts.admin.email}`);
}
