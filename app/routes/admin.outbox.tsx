import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePlatformAdmin } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { formatDateTime } from "~/lib/money";
import { listOutbox } from "~/models/outbox.server";

export async function loader({ request }: LoaderFunctionArgs) {
  requirePlatformAdmin(request);
  return { messages: listOutbox({ limit: 200 }) };
}

/** Linkify URLs in a plain-text mail so the demo can follow reset and invitation links. */
function MailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="mail">
      {parts.map((p, i) => (/^https?:\/\//.test(p) ? <a key={i} href={p}>{p}</a> : p))}
    </pre>
  );
}

export default function Outbox() {
  const t = useT();
  const locale = useLocale();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{t("outbox.lead")}</p>
      {messages.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card" aria-label={m.subject}>
          <h2>{m.subject}</h2>
          <p className="muted">
            {t("outbox.to")}: {m.to} · {formatDateTime(m.createdAt, locale)}
          </p>
          <MailText text={m.text} />
        </article>
      ))}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("outbox.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
