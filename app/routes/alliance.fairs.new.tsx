import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireModerator } from "~/capabilities/alliance/scope.server";
import { handleFairForm } from "~/capabilities/fairs/fair-form.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FairForm } from "~/components/fair-form";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { listProvinces } from "~/models/province.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { provinceCode } = requireModerator(request);
  return { provinces: provinceCode ? [] : listProvinces().map((p) => ({ value: p.code, label: p.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  return handleFairForm(request, { moderator: requireModerator(request) });
}

export default function NewFair() {
  const t = useT();
  const { provinces } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("fairs.alliance.newTitle")}</h1>
      <FairForm lastResult={lastResult} provinces={provinces} submitLabel={t("fairs.alliance.save")} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("fairs.alliance.newTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
