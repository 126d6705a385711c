import { db, schema } from "~/db.server";

/** The local mail outbox: where mail lands when no SMTP server is configured (shown at /admin/outbox). */
export function recordOutboxMail({ to, subject, text, html }: { to: string; subject: string; text: string; html?: string | null }) {
  db.insert(schema.outbox).values({ to, subject, text, html: html ?? null }).run();
}

export function listOutbox({ limit = 100 }: { limit?: number } = {}) {
  return db.query.outbox.findMany({ orderBy: (o, { desc }) => [desc(o.id)], limit }).sync();
}
