import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { findByUnsubscribeToken, unsubscribeByToken } from "~/models/saved-search.server";
import { notFound } from "~/capabilities/orders/route-helpers.server";

/*
 * The unsubscribe link of a digest works without logging in: GET shows what will stop and a button (so a mail
 * scanner following links changes nothing), POST stops it. Mail clients' one-click unsubscribe (RFC 8058) POSTs
 * here too. An unknown token is a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = findByUnsubscribeToken(params.token ?? "");
  if (!found) throw notFound(request, "harvest.unsubscribe.invalid");
  return { name: found.name, already: found.unsubscribedAt !== null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const done = unsubscribeByToken(params.token ?? "");
  if (!done) throw notFound(request, "harvest.unsubscribe.invalid");
  return { done: true, name: done.name };
}

export default function Unsubscribe() {
  const t = useT();
  const { name, already } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("harvest.unsubscribe.title")}</h1>
      {a?.done ? (
        <Notice tone="success">{t("harvest.unsubscribe.done", { name: a.name })}</Notice>
      ) : already ? (
        <Notice>{t("harvest.unsubscribe.already", { name })}</Notice>
      ) : (
        <>
          <p>{t("harvest.unsubscribe.confirm", { name })}</p>
          <Form method="post">
            <button type="submit" className="button">
              {t("harvest.unsubscribe.button")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("harvest.unsubscribe.title") }), [{ name: "robots", content: "noindex" }]);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
