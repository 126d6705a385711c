// The soak test: for SOAK_SECONDS (default 40) searches, trace scans, card checkouts and Stripe webhook deliveries
// (and replays of them) run at once against the production server with 2 workers, on loopback only; then it checks
// no 5xx, every paid order paid once, stock equal to its start minus what was sold, and no lost messages.
import { cardCheckout, checkInvariants, checkPaidSessions, client, ensureBuild, freshDatabase, openDb, report, sessionFor, startFake, startServer } from "./harness.mjs";

const port = Number(process.env.SOAK_PORT ?? 3150);
const seconds = Number(process.env.SOAK_SECONDS ?? 40);

export async function soak() {
  ensureBuild();
  const dbFile = freshDatabase(`soak-${port}`);
  const db = openDb(dbFile);
  const coop = db.prepare("select id from organisations where slug = 'htx-nong-nghiep-phu-ngai'").get();
  const products = db.prepare("select id from products where cooperative_id = ? and status = 'published' order by id limit 3").all(coop.id).map((p) => p.id);
  // One product with little stock, so buyers compete for the last units; two with plenty.
  const startStock = new Map(products.map((id, i) => [id, i === 0 ? 30 : 100_000]));
  for (const [id, stock] of startStock) db.prepare("update products set stock = ?, min_order_qty = 1 where id = ?").run(stock, id);
  const buyers = db.prepare("select u.email from users u join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id where o.kind = 'buyer' and m.role = 'owner' and o.status = 'active' order by o.id limit 3").all().map((r) => sessionFor(db, r.email));
  const coopCookie = sessionFor(db, "htx@demo.chohtx.vn");
  const lots = db.prepare("select l.id, l.code, p.gtin from lots l join products p on p.id = l.product_id where p.gtin is not null").all();
  const firstOrder = db.prepare("select coalesce(max(id),0) n from orders").get().n;
  db.close();

  const origin = `http://127.0.0.1:${port}`;
  const fake = await startFake({ port: 0, webhookUrl: `${origin}/webhooks/stripe` });
  const server = await startServer({ port, dbFile, stripeUrl: fake.url });
  const stats = { statuses: {}, errors: [], refused: 0 };
  const request = client(origin, stats);
  const deadline = Date.now() + seconds * 1000;
  const outcomes = {};
  const loop = async (fn) => {
    while (Date.now() < deadline) await fn();
  };
  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  const queries = ["buoi", "ca phe", "bưởi", "Bến Tre", "gao", "dua", "mat ong"];

  try {
    await Promise.all([
      // Searches: the page, with filters, and the API.
      loop(async () => {
        await request(`/search?q=${encodeURIComponent(pick(queries))}`);
        await request(`/search?q=${encodeURIComponent(pick(queries))}&province=86&inStock=1`);
        await request(`/api/v1/products?q=${encodeURIComponent(pick(queries))}`);
      }),
      // Trace scans: the consumer page and the GS1 resolver (a redirect that counts the scan).
      loop(async () => {
        const lot = pick(lots);
        await request(`/t/${lot.id}`);
        await request(`/01/${lot.gtin}/10/${encodeURIComponent(lot.code)}`);
      }),
      // Buyers checking out by card, each their own cart.
      ...buyers.map((buyer) =>
        loop(async () => {
          const r = await cardCheckout({ request, fake, buyer, coop: coopCookie, coopId: coop.id, productId: pick(products), quantity: 1 + Math.floor(Math.random() * 3) });
          outcomes[`${r.step}:${r.status}`] = (outcomes[`${r.step}:${r.status}`] ?? 0) + 1;
        }),
      ),
      // Stripe delivering again what it already delivered (retries, replays).
      loop(async () => {
        const signed = fake.events.length ? pick(fake.events) : null;
        if (signed) {
          const status = await fake.deliver(signed);
          stats.statuses[status ?? 0] = (stats.statuses[status ?? 0] ?? 0) + 1;
          if (status !== 200) stats.errors.push(`replayed webhook → ${status}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }),
    ]);
  } finally {
    await server.stop();
    await fake.close();
  }

  const check = openDb(dbFile);
  const problems = [...stats.errors.slice(0, 20), ...(stats.refused ? [`${stats.refused} requests refused or timed out`] : [])];
  problems.push(...checkInvariants(check, { startStock, firstOrder }), ...checkPaidSessions(check, fake));
  const orders = check.prepare("select id, number, status from orders where id > ?").all(firstOrder);
  const paid = orders.filter((o) => o.status === "paid");
  // No lost messages: every paid order mailed its placing (cooperative), confirmation (buyer) and payment (both).
  for (const o of paid) {
    const mails = check.prepare("select count(*) n from outbox where subject like ?").get(`%${o.number}%`).n;
    if (mails < 3) problems.push(`order ${o.number}: ${mails} mails, expected placed + confirmed + paid`);
  }
  const sold = check.prepare("select coalesce(sum(l.quantity),0) q from order_lines l join orders o on o.id = l.order_id where o.id > ? and o.status = 'paid'").get(firstOrder).q;
  check.close();
  if (!paid.length) problems.push("no order was paid: the soak did not exercise checkout");
  const ok = report("soak", { stats, problems, extra: `${orders.length} orders, ${paid.length} paid, ${sold} units sold, ${fake.events.length} webhook events; checkouts ${JSON.stringify(outcomes)}` });
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await soak()) ? 0 : 1);
