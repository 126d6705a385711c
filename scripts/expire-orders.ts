// Releases the stock held by unpaid orders past their hold (ORDER_HOLD_HOURS). The app also does this whenever
// an orders list or an order page is loaded; run this from cron for a quiet marketplace.
//   DATABASE_PATH=./data/cho-htx.db npx tsx scripts/expire-orders.ts
import { expireUnpaidOrders } from "~/models/order.server";

const n = expireUnpaidOrders();
console.log(`${n} unpaid order(s) expired, stock returned`);
