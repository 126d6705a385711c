import nodemailer from "nodemailer";
import { env } from "~/env.server";
import { recordOutboxMail } from "~/models/outbox.server";

/** `headers` carries extra headers such as List-Unsubscribe (SMTP only; the outbox keeps the text). */
export type Mail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

let transport: ReturnType<typeof nodemailer.createTransport> | undefined;

/**
 * SMTP when `SMTP_URL` is set; otherwise nodemailer still builds the message (JSON transport) and it lands in the
 * local outbox table, which admins read at /admin/outbox.
 */
export async function sendMail(mail: Mail): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    return;
  }
  transport ??= nodemailer.createTransport({ jsonTransport: true });
  await transport.sendMail({ from: env.MAIL_FROM, ...mail });
  recordOutboxMail(mail);
}

export function absoluteUrl(path: string): string {
  return new URL(path, env.PUBLIC_ORIGIN).toString();
}
