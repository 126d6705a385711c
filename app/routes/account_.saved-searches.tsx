import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { getT, useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { renameSearchSchema, saveSearchSchema } from "~/lib/harvest-forms";
import { formatDate, formatVnd } from "~/lib/money";
import { OrderError } from "~/models/order.server";
import { deleteSavedSearch, listSavedSearches, pendingAlerts, renameSavedSearch, saveSearch, setSavedSearchAlerts } from "~/models/saved-search.server";
import { orderErrorMessage, requireBuyer } from "~/capabilities/orders/route-helpers.server";
import { readForm } from "~/services/uploads.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requireBuyer(request);
  return { searches: listSavedSearches({ userId: user.id }), pending: pendingAlerts({ userId: user.id }) };
}

const idOf = (v: FormDataEntryValue | null) => (typeof v === "string" && /^[1-9]\d{0,14}$/.test(v) ? Number(v) : null);

/**
 * save (from /search), rename, delete, alerts on/off. Another user's saved search is a 404 like a missing one;
 * a search with invalid filters or saved twice is refused (400/409) and nothing is written.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { user, organisation } = requireBuyer(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const t = getT(getLocale(request));
  const fail = (status: number, message: string, extra: Record<string, unknown> = {}) => data({ intent, formErrors: [message], ...extra }, { status });
  try {
    if (intent === "save") {
      const s = parseWithZod(formData, { schema: saveSearchSchema });
      if (s.status !== "success") return fail(400, t("harvest.saved.invalidSearch"), { name: formData.get("name") });
      saveSearch({ userId: user.id, buyerId: organisation.id, search: s.value.search, name: s.value.name });
      return redirect("/account/saved-searches?done=saved");
    }
    if (intent === "rename") {
      const s = parseWithZod(formData, { schema: renameSearchSchema });
      if (s.status !== "success") return fail(400, t("errors.formInvalid"));
      renameSavedSearch({ id: s.value.id, userId: user.id, name: s.value.name });
      return redirect("/account/saved-searches?done=renamed");
    }
    const id = idOf(formData.get("id"));
    if (id === null) return fail(404, t("harvest.saved.notFound"));
    if (intent === "delete") {
      deleteSavedSearch({ id, userId: user.id });
      return redirect("/account/saved-searches?done=deleted");
    }
    if (intent === "alertsOn" || intent === "alertsOff") {
      setSavedSearchAlerts({ id, userId: user.id, on: intent === "alertsOn" });
      return redirect("/account/saved-searches");
    }
    return fail(400, t("errors.invalid"));
  } catch (error) {
    if (error instanceof OrderError) return fail(error.status, orderErrorMessage(t, error));
    throw error;
  }
}

export default function SavedSearches() {
  const t = useT();
  const locale = useLocale();
  const { searches, pending } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <section className="stack">
      <h1>{t("harvest.saved.title")}</h1>
      <p>{t("harvest.saved.intro")}</p>
      {done === "saved" ? <Notice tone="success">{t("harvest.saved.saved")}</Notice> : null}
      {done === "renamed" ? <Notice tone="success">{t("harvest.saved.renamed")}</Notice> : null}
      {done === "deleted" ? <Notice tone="success">{t("harvest.saved.deleted")}</Notice> : null}
      <FormErrors errors={a?.formErrors} />
      {searches.length === 0 ? (
        <p>{t("harvest.saved.empty")}</p>
      ) : (
        <ul className="harvest-list">
          {searches.map((s) => (
            <li key={s.id} className="card stack">
              <h2 className="harvest-subheading">
                <Link to={`/search?${s.query}`}>{s.name}</Link>{" "}
                <span className={`badge${s.alertsOn ? "" : " badge-pending"}`}>{t(s.alertsOn ? "harvest.saved.alertsOn" : "harvest.saved.alertsOff")}</span>
              </h2>
              <p className="muted harvest-query">/search?{s.query}</p>
              {s.pending ? <p>{t("harvest.saved.pending", { n: s.pending })}</p> : null}
              {s.lastDigestAt ? <p className="muted">{t("harvest.saved.lastDigest", { date: formatDate(s.lastDigestAt, locale) })}</p> : null}
              <div className="orders-inline-form">
                <Form method="post" className="orders-inline-form">
                  <input type="hidden" name="intent" value="rename" />
                  <input type="hidden" name="id" value={s.id} />
                  <label htmlFor={`rename-${s.id}`} className="visually-hidden">
                    {t("harvest.saved.name")}
                  </label>
                  <input id={`rename-${s.id}`} name="name" defaultValue={s.name} maxLength={80} required />
                  <button type="submit" className="button button-secondary button-small">
                    {t("harvest.saved.rename")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value={s.alertsOn ? "alertsOff" : "alertsOn"} />
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="button button-secondary button-small">
                    {t(s.alertsOn ? "harvest.saved.turnOff" : "harvest.saved.turnOn")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="button button-danger button-small" aria-label={`${t("harvest.saved.delete")}: ${s.name}`}>
                    {t("harvest.saved.delete")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
      {pending.length ? (
        <section aria-labelledby="pending-h" className="stack">
          <h2 id="pending-h">{t("harvest.saved.pendingTitle")}</h2>
          <ul>
            {pending.map((p) => (
              <li key={p.id}>
                <span className="badge">{t(`harvest.saved.kind.${p.kind}` as MessageKey)}</span>{" "}
                <Link to={p.announcementId ? `/harvests/${p.announcementId}` : `/products/${p.productId}`}>{p.name}</Link>
                {p.kind === "price_drop" && p.oldPrice && p.newPrice ? ` · ${formatVnd(p.oldPrice, locale)} → ${formatVnd(p.newPrice, locale)}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("harvest.saved.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
