// Saved-search alerts: matches every queued new product, announcement and price drop against the saved searches
// (inline, on this process's connection), then mails the digests that are due (at most one a day per search).
// The server does the same every few minutes (fan-out on a worker thread); run this from cron for a quiet server.
//   DATABASE_PATH=./data/cho-htx.db npx tsx scripts/alerts-run.ts
import { getDb } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import { drainAlertQueue } from "~/models/alert-fanout.server";
import { sendDueDigests } from "~/capabilities/harvest/alerts.server";

const fanout = drainAlertQueue(getDb().$client, { today: todayInVietnam(), limit: 1_000_000 });
const sent = await sendDueDigests();
console.log(`${fanout.items} queued item(s) matched: ${fanout.matched} new alert(s); ${sent} digest(s) sent`);
