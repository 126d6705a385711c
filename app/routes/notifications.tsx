import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { noteText } from "~/components/market";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { formatDateTime } from "~/lib/money";
import { requireOrganisationRole } from "~/services/auth.server";
import { listNotifications, markNotificationsRead } from "~/models/notification.server";
import { readForm } from "~/services/uploads.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request);
  const before = Number(new URL(request.url).searchParams.get("before"));
  return listNotifications({ organisationId: organisation.id, before: Number.isSafeInteger(before) && before > 0 ? before : undefined });
}

/** Opening a notification marks it read (for the whole organisation) and follows its link; or all at once. */
export async function action({ request }: ActionFunctionArgs) {
  const { organisation } = requireOrganisationRole(request);
  const form = await readForm(request);
  const id = Number(form.get("id"));
  if (form.get("intent") === "open" && Number.isSafeInteger(id) && id > 0) {
    markNotificationsRead({ organisationId: organisation.id, id });
    const path = String(form.get("path") ?? "/notifications");
    return redirect(path.startsWith("/") && !path.startsWith("//") ? path : "/notifications");
  }
  markNotificationsRead({ organisationId: organisation.id });
  return redirect("/notifications");
}

export default function Notifications() {
  const t = useT();
  const locale = useLocale();
  const { items, nextBefore } = useLoaderData<typeof loader>();
  return (
    <section className="stack market-notifications">
      <div className="market-head">
        <h1>{t("market.notifications.title")}</h1>
        {items.some((n) => !n.readAt) ? (
          <Form method="post">
            <button className="button button-small button-secondary" name="intent" value="all">
              {t("market.notifications.markAll")}
            </button>
          </Form>
        ) : null}
      </div>
      {items.length ? (
        <ul className="market-notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? "" : "is-unread"}>
              <Form method="post">
                <input type="hidden" name="id" value={n.id} />
                <input type="hidden" name="path" value={n.path} />
                <button className="link-button" name="intent" value="open">
                  {!n.readAt ? <span className="visually-hidden">{t("market.notifications.unread")}: </span> : null}
                  {noteText(t, { key: n.messageKey, params: n.params })}
                </button>
              </Form>
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("market.notifications.empty")}</p>
      )}
      {nextBefore ? <Link to={`/notifications?before=${nextBefore}`}>{t("market.notifications.more")}</Link> : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("market.notifications.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
