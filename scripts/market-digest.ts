/**
 * The supply–demand board's daily job: closes requests past their closing date (their unchosen offerers are thanked)
 * and sends the daily digest to cooperatives that chose it. Safe to run from cron as often as you like: requests
 * close once, a digest goes at most once a day, nobody is mailed twice for one request.
 */
import { closeDueRequests } from "~/models/request.server";
import { sendRequestDigests, tellDeclined } from "~/capabilities/market/notify.server";

const closed = closeDueRequests();
for (const requestId of closed) await tellDeclined({ requestId });
const digests = await sendRequestDigests();
console.log(`Market: ${closed.length} request(s) closed at their closing date, ${digests} digest email(s) sent.`);
