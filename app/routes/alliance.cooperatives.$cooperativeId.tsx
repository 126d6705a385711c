import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { submitDecision } from "~/capabilities/alliance/decision.server";
import { useT } from "~/i18n";

function id(params: { cooperativeId?: string }) {
  const n = Number(params.cooperativeId);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Response("errors.notFound", { status: 404 });
  return n;
}

export async function loader(_: LoaderFunctionArgs) {
  return redirect("/alliance");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return submitDecision(request, { kind: "cooperative", id: id(params) });
}

/** Shown only when a decision was refused (e.g. a rejection without a reason). */
export default function CooperativeDecision() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <section className="stack">
      <FormErrors errors={actionData ? [actionData.error] : null} />
      <p>
        <Link to="/alliance">{t("common.back")}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
