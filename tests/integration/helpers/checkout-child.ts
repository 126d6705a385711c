// One buyer racing for the last units: a separate process with its own SQLite connection. It fills its cart,
// reports "ready", waits for "go" on stdin, then checks out and prints the outcome as JSON.
import { addToCart, checkoutCart, OrderError } from "~/models/order.server";

const [buyerId, userId, productId, quantity] = process.argv.slice(2).map(Number) as [number, number, number, number];
addToCart({ buyerId, productId, quantity, userId });
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  try {
    const placed = checkoutCart({
      buyerId,
      userId,
      delivery: { provinceCode: "79", commune: "Phường Thủ Đức", address: "Kho 1" },
      paymentMethods: {},
    });
    process.stdout.write(`${JSON.stringify({ ok: true, orders: placed.length })}\n`);
  } catch (error) {
    if (error instanceof OrderError) process.stdout.write(`${JSON.stringify({ ok: false, status: error.status, key: error.messageKey })}\n`);
    else process.stdout.write(`${JSON.stringify({ ok: false, error: String(error) })}\n`);
  }
  process.exit(0);
});
