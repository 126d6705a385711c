import { and, asc, count, desc, eq, gt, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import { env } from "~/env.server";
import { leadDedupeKey } from "~/lib/fair-rules";
import { todayInVietnam } from "~/lib/certificates";
import { openThread } from "~/models/thread.server";
import { boothsOfCooperative, listBoothsForOrganiser } from "~/models/fair.server";

/* ---------------------------------------------------------------- Throttling */

const windowMs = () => env.FAIR_LEAD_WINDOW_MINUTES * 60_000;
const leadKeys = (ip: string, boothId: number) => ({ address: `fair-lead-ip:${ip}`, booth: `fair-lead-booth:${boothId}` });

/**
 * When the address or the booth has sent too many leads in the window: the instant it may try again. Counted in
 * the login-failures table, like password-reset mails, so one table holds every rolling counter.
 */
export function leadBlockedUntil({ ip, boothId, now = new Date() }: { ip: string; boothId: number; now?: Date }): Date | null {
  const since = new Date(now.getTime() - windowMs()).toISOString();
  const k = leadKeys(ip, boothId);
  let until: Date | null = null;
  for (const [key, max] of [
    [k.address, env.FAIR_LEADS_PER_ADDRESS],
    [k.booth, env.FAIR_LEADS_PER_BOOTH],
  ] as const) {
    const where = and(eq(schema.loginFailures.key, key), gt(schema.loginFailures.at, since));
    const n = db.select({ n: count() }).from(schema.loginFailures).where(where).get()?.n ?? 0;
    if (n < max) continue;
    const rows = db.select({ at: schema.loginFailures.at }).from(schema.loginFailures).where(where).orderBy(asc(schema.loginFailures.at)).limit(n - max + 1).all();
    const pivot = rows[rows.length - 1];
    if (!pivot) continue;
    const t = new Date(Date.parse(pivot.at) + windowMs());
    if (!until || t > until) until = t;
  }
  return until;
}

/* ---------------------------------------------------------------- Leads */

export type LeadInput = { name: string; business?: string | null; phone?: string | null; email?: string | null; interest: string };
export type LeadThreadText = { subject: string; body: string; visitorOrgName: string };

/**
 * Stores a lead and opens its inquiry thread, in one transaction: a signed-in buyer's own thread, or one from the
 * fair's visitor stand-in organisation. The same contact at the same booth on the same Viet Nam day is one lead:
 * the second time nothing new is written and `duplicate` is true. Every accepted attempt counts for throttling.
 */
export function createLead({
  fair,
  booth,
  input,
  buyer,
  ip,
  text,
  now = new Date(),
}: {
  fair: { id: number; provinceCode: string };
  booth: { id: number; cooperativeId: number };
  input: LeadInput;
  buyer: { organisationId: number; userId: number } | null;
  ip: string;
  text: LeadThreadText;
  now?: Date;
}) {
  const at = now.toISOString();
  const dedupeKey = leadDedupeKey({ boothId: booth.id, phone: input.phone, email: input.email, day: todayInVietnam(now) });
  return db.transaction((tx) => {
    const k = leadKeys(ip, booth.id);
    tx.insert(schema.loginFailures).values([{ key: k.address, at }, { key: k.booth, at }]).run();
    tx.delete(schema.loginFailures).where(lt(schema.loginFailures.at, new Date(now.getTime() - 86_400_000).toISOString())).run();
    const lead = tx
      .insert(schema.fairLeads)
      .values({
        fairId: fair.id,
        boothId: booth.id,
        name: input.name,
        business: input.business || null,
        phone: input.phone || null,
        email: input.email || null,
        interest: input.interest,
        consent: true,
        buyerOrgId: buyer?.organisationId ?? null,
        dedupeKey,
        createdAt: at,
      })
      .onConflictDoNothing({ target: schema.fairLeads.dedupeKey })
      .returning({ id: schema.fairLeads.id })
      .get();
    if (!lead) {
      const existing = tx.select({ id: schema.fairLeads.id, threadId: schema.fairLeads.threadId }).from(schema.fairLeads).where(eq(schema.fairLeads.dedupeKey, dedupeKey)).get()!;
      return { leadId: existing.id, threadId: existing.threadId, duplicate: true as const };
    }
    const buyerId = buyer?.organisationId ?? visitorOrganisation(tx, fair, text.visitorOrgName);
    const { threadId } = openThread({ buyerId, cooperativeId: booth.cooperativeId, subject: text.subject, body: text.body, userId: buyer?.userId ?? null });
    tx.update(schema.fairLeads).set({ threadId }).where(eq(schema.fairLeads.id, lead.id)).run();
    return { leadId: lead.id, threadId, duplicate: false as const };
  });
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** The fair's stand-in buyer for visitors without an account: suspended, so no one can sign in as it or trade. */
function visitorOrganisation(tx: Tx, fair: { id: number; provinceCode: string }, name: string): number {
  const current = tx.select({ id: schema.fairs.visitorOrgId }).from(schema.fairs).where(eq(schema.fairs.id, fair.id)).get()?.id;
  if (current) return current;
  const org = tx
    .insert(schema.organisations)
    .values({ kind: "buyer", name: name.slice(0, 200), slug: `khach-hoi-cho-${fair.id}`, provinceCode: fair.provinceCode, status: "suspended" })
    .returning({ id: schema.organisations.id })
    .get();
  tx.update(schema.fairs).set({ visitorOrgId: org.id }).where(eq(schema.fairs.id, fair.id)).run();
  return org.id;
}

/* ---------------------------------------------------------------- Attribution */

/** Records that an inquiry came through a booth in the visitor's cookie; nothing when none is the cooperative's. */
export function attributeInquiry({ boothIds, threadId, cooperativeId }: { boothIds: number[]; threadId: number; cooperativeId: number }) {
  const [booth] = boothsOfCooperative({ boothIds, cooperativeId });
  if (!booth) return false;
  db.insert(schema.fairAttributions).values({ fairId: booth.fairId, boothId: booth.id, kind: "inquiry", threadId }).onConflictDoNothing().run();
  return true;
}

/** The same for the orders of a checkout, one per cooperative. */
export function attributeOrders({ boothIds, orders }: { boothIds: number[]; orders: { id: number; cooperativeId: number }[] }) {
  if (!boothIds.length) return 0;
  let n = 0;
  db.transaction((tx) => {
    for (const order of orders) {
      const [booth] = boothsOfCooperative({ boothIds, cooperativeId: order.cooperativeId });
      if (!booth) continue;
      tx.insert(schema.fairAttributions).values({ fairId: booth.fairId, boothId: booth.id, kind: "order", orderId: order.id }).onConflictDoNothing().run();
      n++;
    }
  });
  return n;
}

/* ---------------------------------------------------------------- After the fair */

const buyerOrg = alias(schema.organisations, "buyer_org");
const coopOrg = alias(schema.organisations, "coop_org");

/** Everything the fair brought, per booth and in detail; the page and the XLSX export read the same numbers. */
export function fairOutcome({ fairId }: { fairId: number }) {
  const booths = listBoothsForOrganiser({ fairId });
  const leads = db
    .select({
      id: schema.fairLeads.id,
      createdAt: schema.fairLeads.createdAt,
      name: schema.fairLeads.name,
      business: schema.fairLeads.business,
      phone: schema.fairLeads.phone,
      email: schema.fairLeads.email,
      interest: schema.fairLeads.interest,
      threadId: schema.fairLeads.threadId,
      fromBuyer: sql<boolean>`${schema.fairLeads.buyerOrgId} is not null`,
      boothNumber: schema.fairBooths.boothNumber,
      cooperativeName: coopOrg.name,
      answered: sql<boolean>`exists(select 1 from messages m join threads t on t.id = m.thread_id
        where m.thread_id = ${schema.fairLeads.threadId} and m.sender_org_id = t.cooperative_id)`,
    })
    .from(schema.fairLeads)
    .innerJoin(schema.fairBooths, eq(schema.fairBooths.id, schema.fairLeads.boothId))
    .innerJoin(coopOrg, eq(coopOrg.id, schema.fairBooths.cooperativeId))
    .where(eq(schema.fairLeads.fairId, fairId))
    .orderBy(desc(schema.fairLeads.createdAt))
    .all();
  const inquiries = db
    .select({
      threadId: schema.threads.id,
      createdAt: schema.threads.createdAt,
      subject: schema.threads.subject,
      buyerName: buyerOrg.name,
      cooperativeName: coopOrg.name,
      boothNumber: schema.fairBooths.boothNumber,
    })
    .from(schema.fairAttributions)
    .innerJoin(schema.threads, eq(schema.threads.id, schema.fairAttributions.threadId))
    .innerJoin(schema.fairBooths, eq(schema.fairBooths.id, schema.fairAttributions.boothId))
    .innerJoin(buyerOrg, eq(buyerOrg.id, schema.threads.buyerId))
    .innerJoin(coopOrg, eq(coopOrg.id, schema.threads.cooperativeId))
    .where(and(eq(schema.fairAttributions.fairId, fairId), eq(schema.fairAttributions.kind, "inquiry")))
    .orderBy(desc(schema.threads.createdAt))
    .all();
  const orders = db
    .select({
      orderId: schema.orders.id,
      number: schema.orders.number,
      createdAt: schema.orders.createdAt,
      status: schema.orders.status,
      total: schema.orders.total,
      buyerName: buyerOrg.name,
      cooperativeName: coopOrg.name,
      boothNumber: schema.fairBooths.boothNumber,
    })
    .from(schema.fairAttributions)
    .innerJoin(schema.orders, eq(schema.orders.id, schema.fairAttributions.orderId))
    .innerJoin(schema.fairBooths, eq(schema.fairBooths.id, schema.fairAttributions.boothId))
    .innerJoin(buyerOrg, eq(buyerOrg.id, schema.orders.buyerId))
    .innerJoin(coopOrg, eq(coopOrg.id, schema.orders.cooperativeId))
    .where(and(eq(schema.fairAttributions.fairId, fairId), eq(schema.fairAttributions.kind, "order")))
    .orderBy(desc(schema.orders.createdAt))
    .all();
  const registered = booths.filter((b) => b.state === "registered");
  return {
    booths,
    leads,
    inquiries,
    orders,
    totals: {
      booths: registered.length,
      leads: leads.length,
      leadsAnswered: leads.filter((l) => l.answered).length,
      inquiries: inquiries.length,
      orders: orders.length,
      orderValue: booths.reduce((s, b) => s + b.orderValue, 0),
    },
  };
}

/** Leads left at the cooperative's own booths, for its fair page. */
export function countLeadsForBooth({ boothId }: { boothId: number }) {
  return db.select({ n: count() }).from(schema.fairLeads).where(eq(schema.fairLeads.boothId, boothId)).get()?.n ?? 0;
}
