// The crash test: card checkouts and Stripe webhook deliveries run while the production server (2 workers) is killed
// with SIGKILL, CRASH_ROUNDS times (default 3) at a random moment; after each restart Stripe's retries (every event
// delivered again) arrive, and the database must hold no half-written order, no reserved stock without its order,
// and every webhook applied exactly once.
import { cardCheckout, checkInvariants, checkPaidSessions, client, ensureBuild, freshDatabase, openDb, report, sessionFor, startFake, startServer } from "./harness.mjs";

const port = Number(process.env.CRASH_PORT ?? Number(process.env.SOAK_PORT ?? 3150) + 1);
const rounds = Number(process.env.CRASH_ROUNDS ?? 3);

export async function crash() {
  ensureBuild();
  const dbFile = freshDatabase(`crash-${port}`);
  const db = openDb(dbFile);
  const coop = db.prepare("select id from organisations where slug = 'htx-nong-nghiep-phu-ngai'").get();
  const products = db.prepare("select id from products where cooperative_id = ? and status = 'published' order by id limit 2").all(coop.id).map((p) => p.id);
  const startStock = new Map(products.map((id) => [id, 100_000]));
  for (const [id, stock] of startStock) db.prepare("update products set stock = ?, min_order_qty = 1 where id = ?").run(stock, id);
  const buyers = db.prepare("select u.email from users u join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id where o.kind = 'buyer' and m.role = 'owner' and o.status = 'active' order by o.id limit 3").all().map((r) => sessionFor(db, r.email));
  const coopCookie = sessionFor(db, "htx@demo.chohtx.vn");
  const firstOrder = db.prepare("select coalesce(max(id),0) n from orders").get().n;
  db.close();

  const origin = `http://127.0.0.1:${port}`;
  const fake = await startFake({ port: 0, webhookUrl: `${origin}/webhooks/stripe` });
  const stats = { statuses: {}, errors: [], refused: 0 };
  const request = client(origin, stats);
  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  let server = await startServer({ port, dbFile, stripeUrl: fake.url });
  let kills = 0;
  const problems = [];

  try {
    for (let round = 0; round < rounds; round++) {
      let running = true;
      const work = Promise.all([
        ...buyers.map(async (buyer) => {
          while (running) await cardCheckout({ request, fake, buyer, coop: coopCookie, coopId: coop.id, productId: pick(products), quantity: 1 + Math.floor(Math.random() * 3) });
        }),
        (async () => {
          while (running) {
            if (fake.events.length) await fake.deliver(pick(fake.events));
            await new Promise((r) => setTimeout(r, 50));
          }
        })(),
      ]);
      // Let orders and payments pile up, then pull the plug somewhere in the middle of them.
      await new Promise((r) => setTimeout(r, 2500 + Math.random() * 2500));
      await server.kill();
      kills++;
      running = false;
      await work;
      server = await startServer({ port, dbFile, stripeUrl: fake.url });
      // Stripe retries every event until it gets a 2xx: deliver them all again, twice, to the restarted server.
      for (let pass = 0; pass < 2; pass++) {
        for (const signed of fake.events) {
          const status = await fake.deliver(signed);
          if (status !== 200) problems.push(`round ${round}: retried webhook ${signed.event.id} → ${status}`);
        }
      }
      const check = openDb(dbFile);
      problems.push(...checkInvariants(check, { startStock, firstOrder }).map((p) => `round ${round}: ${p}`));
      problems.push(...checkPaidSessions(check, fake).map((p) => `round ${round}: ${p}`));
      // Applied exactly once: one processed row per event id, and it is each event's id.
      const processed = check.prepare("select count(*) n from processed_webhook_events where event_id in (select value from json_each(?))").get(JSON.stringify(fake.events.map((e) => e.event.id))).n;
      if (processed !== fake.events.length) problems.push(`round ${round}: ${processed} of ${fake.events.length} events recorded as processed`);
      check.close();
    }
  } finally {
    await server.stop();
    await fake.close();
  }
  // 5xx during a kill is the kill's; afterwards there must be none (the retries above require 200).
  const check = openDb(dbFile);
  const orders = check.prepare("select count(*) n, sum(status = 'paid') paid from orders where id > ?").get(firstOrder);
  check.close();
  if (!orders.paid) problems.push("no order was paid: the crash test did not exercise checkout");
  return report("crash", { stats: { ...stats, errors: [] }, problems, extra: `${kills} SIGKILLs, ${orders.n} orders, ${orders.paid} paid, ${fake.events.length} webhook events` });
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await crash()) ? 0 : 1);
