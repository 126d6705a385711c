import { and, asc, desc, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, prepared, schema } from "~/db.server";

export type Attachment = { path: string; mime: string; bytes: number; filename: string };

const buyerOrg = alias(schema.organisations, "buyer_org");
const coopOrg = alias(schema.organisations, "coop_org");

function markReadTx(tx: Pick<typeof db, "insert">, threadId: number, organisationId: number, messageId: number) {
  tx.insert(schema.threadReads)
    .values({ threadId, organisationId, lastReadMessageId: messageId })
    .onConflictDoUpdate({
      target: [schema.threadReads.threadId, schema.threadReads.organisationId],
      set: { lastReadMessageId: sql`max(${schema.threadReads.lastReadMessageId}, ${messageId})` },
    })
    .run();
}

/** A buyer opens an inquiry to a cooperative (optionally about one of its published products). */
export function openThread({
  buyerId,
  cooperativeId,
  productId,
  subject,
  body,
  userId,
  attachments = [],
}: {
  buyerId: number;
  cooperativeId: number;
  productId?: number | null;
  subject: string;
  body: string;
  /** Null for a fair visitor without an account (the buyer is then the fair's visitor stand-in). */
  userId: number | null;
  attachments?: Attachment[];
}) {
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const thread = tx
      .insert(schema.threads)
      .values({ buyerId, cooperativeId, productId: productId ?? null, subject, createdBy: userId, lastMessageAt: now, createdAt: now })
      .returning({ id: schema.threads.id })
      .get();
    const message = tx
      .insert(schema.messages)
      .values({ threadId: thread.id, senderOrgId: buyerId, senderUserId: userId, body, createdAt: now })
      .returning({ id: schema.messages.id })
      .get();
    if (attachments.length) tx.insert(schema.messageAttachments).values(attachments.map((a) => ({ ...a, messageId: message.id }))).run();
    markReadTx(tx, thread.id, buyerId, message.id);
    return { threadId: thread.id, messageId: message.id };
  });
}

/** The thread, only for its buyer or its cooperative. */
export function getThreadForOrganisation({ id, organisationId }: { id: number; organisationId: number }) {
  const thread = db
    .select({
      id: schema.threads.id,
      subject: schema.threads.subject,
      buyerId: schema.threads.buyerId,
      cooperativeId: schema.threads.cooperativeId,
      productId: schema.threads.productId,
      productName: schema.products.nameVi,
      buyerName: buyerOrg.name,
      cooperativeName: coopOrg.name,
      cooperativeSlug: coopOrg.slug,
      createdAt: schema.threads.createdAt,
    })
    .from(schema.threads)
    .innerJoin(buyerOrg, eq(buyerOrg.id, schema.threads.buyerId))
    .innerJoin(coopOrg, eq(coopOrg.id, schema.threads.cooperativeId))
    .leftJoin(schema.products, eq(schema.products.id, schema.threads.productId))
    .where(and(eq(schema.threads.id, id), or(eq(schema.threads.buyerId, organisationId), eq(schema.threads.cooperativeId, organisationId))))
    .get();
  if (!thread) return null;
  const rows = db
    .select({
      id: schema.messages.id,
      body: schema.messages.body,
      createdAt: schema.messages.createdAt,
      senderOrgId: schema.messages.senderOrgId,
      senderName: schema.users.name,
    })
    .from(schema.messages)
    .leftJoin(schema.users, eq(schema.users.id, schema.messages.senderUserId))
    .where(eq(schema.messages.threadId, id))
    .orderBy(asc(schema.messages.id))
    .all();
  const files = rows.length
    ? db.select().from(schema.messageAttachments).where(inArray(schema.messageAttachments.messageId, rows.map((r) => r.id))).all()
    : [];
  const messages = rows.map((r) => ({ ...r, attachments: files.filter((f) => f.messageId === r.id) }));
  return { thread, messages, side: thread.cooperativeId === organisationId ? ("cooperative" as const) : ("buyer" as const) };
}

/** Appends a message; the sender's own read marker moves past it. Returns null when the thread is not theirs. */
export function postMessage({
  threadId,
  organisationId,
  userId,
  body,
  attachments = [],
}: {
  threadId: number;
  organisationId: number;
  userId: number;
  body: string;
  attachments?: Attachment[];
}) {
  return db.transaction((tx) => {
    const thread = tx
      .select()
      .from(schema.threads)
      .where(and(eq(schema.threads.id, threadId), or(eq(schema.threads.buyerId, organisationId), eq(schema.threads.cooperativeId, organisationId))))
      .get();
    if (!thread) return null;
    const now = new Date().toISOString();
    const message = tx
      .insert(schema.messages)
      .values({ threadId, senderOrgId: organisationId, senderUserId: userId, body, createdAt: now })
      .returning({ id: schema.messages.id })
      .get();
    if (attachments.length) tx.insert(schema.messageAttachments).values(attachments.map((a) => ({ ...a, messageId: message.id }))).run();
    tx.update(schema.threads).set({ lastMessageAt: now }).where(eq(schema.threads.id, threadId)).run();
    markReadTx(tx, threadId, organisationId, message.id);
    return { messageId: message.id, otherOrgId: thread.buyerId === organisationId ? thread.cooperativeId : thread.buyerId, subject: thread.subject };
  });
}

export function markThreadRead({ threadId, organisationId }: { threadId: number; organisationId: number }) {
  const last = db
    .select({ id: sql<number>`max(${schema.messages.id})` })
    .from(schema.messages)
    .where(eq(schema.messages.threadId, threadId))
    .get()?.id;
  if (last) markReadTx(db, threadId, organisationId, last);
}

const unreadExpr = (organisationId: number) => sql<number>`(
  select count(*) from ${schema.messages} m
  where m.thread_id = ${schema.threads.id} and m.sender_org_id <> ${organisationId}
    and m.id > coalesce((select r.last_read_message_id from ${schema.threadReads} r
                         where r.thread_id = ${schema.threads.id} and r.organisation_id = ${organisationId}), 0)
)`;

export function listThreads({ organisationId }: { organisationId: number }) {
  return db
    .select({
      id: schema.threads.id,
      subject: schema.threads.subject,
      lastMessageAt: schema.threads.lastMessageAt,
      buyerId: schema.threads.buyerId,
      buyerName: buyerOrg.name,
      cooperativeName: coopOrg.name,
      productName: schema.products.nameVi,
      unread: unreadExpr(organisationId),
    })
    .from(schema.threads)
    .innerJoin(buyerOrg, eq(buyerOrg.id, schema.threads.buyerId))
    .innerJoin(coopOrg, eq(coopOrg.id, schema.threads.cooperativeId))
    .leftJoin(schema.products, eq(schema.products.id, schema.threads.productId))
    .where(or(eq(schema.threads.buyerId, organisationId), eq(schema.threads.cooperativeId, organisationId)))
    .orderBy(desc(schema.threads.lastMessageAt))
    .limit(200)
    .all();
}

const unreadFor = prepared((d) => {
  const org = sql.placeholder("organisationId");
  return d
    .select({ n: sql<number>`count(*)` })
    .from(schema.messages)
    .innerJoin(schema.threads, eq(schema.threads.id, schema.messages.threadId))
    .leftJoin(schema.threadReads, and(eq(schema.threadReads.threadId, schema.threads.id), eq(schema.threadReads.organisationId, org)))
    .where(
      and(
        or(eq(schema.threads.buyerId, org), eq(schema.threads.cooperativeId, org)),
        ne(schema.messages.senderOrgId, org),
        gt(schema.messages.id, sql`coalesce(${schema.threadReads.lastReadMessageId}, 0)`),
      ),
    )
    .prepare();
});

/** Messages from the other side not yet read, over all the organisation's threads: the header's badge. */
export function unreadCount({ organisationId }: { organisationId: number }): number {
  return unreadFor().get({ organisationId })?.n ?? 0;
}

/**
 * Median hours from a buyer's first message in a thread to the cooperative's first reply after it, over its most
 * recent 50 answered threads. Null when there is nothing to measure yet.
 */
export function typicalResponseHours({ cooperativeId }: { cooperativeId: number }): number | null {
  const rows = db.all<{ asked: string; answered: string | null }>(sql`
    select t.id,
      (select min(m.created_at) from messages m where m.thread_id = t.id and m.sender_org_id = t.buyer_id) as asked,
      (select min(m2.created_at) from messages m2 where m2.thread_id = t.id and m2.sender_org_id = t.cooperative_id
         and m2.created_at >= (select min(m.created_at) from messages m where m.thread_id = t.id and m.sender_org_id = t.buyer_id)) as answered
    from threads t where t.cooperative_id = ${cooperativeId}
    order by t.created_at desc limit 200`);
  const hours = rows
    .filter((r) => r.asked && r.answered)
    .slice(0, 50)
    .map((r) => (Date.parse(r.answered!) - Date.parse(r.asked)) / 3_600_000)
    .sort((a, b) => a - b);
  if (!hours.length) return null;
  const mid = Math.floor(hours.length / 2);
  const median = hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
  return Math.round(median * 10) / 10;
}

/** The cooperative an inquiry goes to, with its contact details (shown to signed-in buyers only). */
export function getCooperativeContact({ slug, id }: { slug?: string; id?: number }) {
  return (
    db
      .select({
        id: schema.organisations.id,
        name: schema.organisations.name,
        slug: schema.organisations.slug,
        phone: schema.organisations.phone,
        zalo: schema.organisations.zalo,
        email: schema.organisations.email,
        contactName: schema.organisations.contactName,
      })
      .from(schema.organisations)
      .where(
        and(
          slug !== undefined ? eq(schema.organisations.slug, slug) : eq(schema.organisations.id, id ?? -1),
          eq(schema.organisations.kind, "cooperative"),
          eq(schema.organisations.status, "active"),
        ),
      )
      .get() ?? null
  );
}

export function getPublishedProduct({ id }: { id: number }) {
  return (
    db
      .select({
        id: schema.products.id,
        name: schema.products.nameVi,
        nameEn: schema.products.nameEn,
        unit: schema.products.unit,
        price: schema.products.price,
        minOrderQty: schema.products.minOrderQty,
        stock: schema.products.stock,
        cooperativeId: schema.products.cooperativeId,
      })
      .from(schema.products)
      .where(and(eq(schema.products.id, id), eq(schema.products.status, "published")))
      .get() ?? null
  );
}
