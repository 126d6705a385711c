// One party racing on a request: a separate process with its own SQLite connection. It reports "ready", waits for
// "go" on stdin, then accepts an offer, revises one, or sends a new one, and prints the outcome as JSON.
import { OrderError } from "~/models/order.server";
import { acceptOffer, submitOffer } from "~/models/offer.server";

const [mode, ...rest] = process.argv.slice(2);
const n = rest.map(Number);
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  try {
    if (mode === "accept") {
      const [requestId, offerId, revision, buyerId, userId] = n as [number, number, number, number, number];
      const r = acceptOffer({ requestId, offerId, revision, buyerId, userId, delivery: { commune: "Phường Thủ Đức", address: "Kho 1" }, paymentMethod: "card", confirmOver: true });
      process.stdout.write(`${JSON.stringify({ ok: true, orderId: r.order.id })}\n`);
    } else {
      const [requestId, cooperativeId, userId, productId, price] = n as [number, number, number, number, number];
      const validUntil = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
      const r = submitOffer({ requestId, cooperativeId, userId, values: { intent: "offer", productId, quantity: 100, unitPrice: price, tiers: [], validUntil } });
      process.stdout.write(`${JSON.stringify({ ok: true, revision: r.revision })}\n`);
    }
  } catch (error) {
    if (error instanceof OrderError) process.stdout.write(`${JSON.stringify({ ok: false, status: error.status, key: error.messageKey })}\n`);
    else process.stdout.write(`${JSON.stringify({ ok: false, error: String(error) })}\n`);
  }
  process.exit(0);
});
