import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { handleFairForm } from "~/capabilities/fairs/fair-form.server";
import { requireFairOrganiser } from "~/capabilities/fairs/scope.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FairForm } from "~/components/fair-form";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fair } = requireFairOrganiser(request, params.fairId);
  return {
    fair: { id: fair.id, name: fair.name },
    defaults: {
      name: fair.name,
      startDate: fair.startDate,
      endDate: fair.endDate,
      registrationDeadline: fair.registrationDeadline,
      venue: fair.venue,
      description: fair.description ?? "",
      state: fair.state,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { moderator, fair } = requireFairOrganiser(request, params.fairId);
  return handleFairForm(request, { moderator, fair });
}

export default function EditFair() {
  const t = useT();
  const { fair, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="stack">
      <p>
        <Link to={`/alliance/fairs/${fair.id}`}>← {fair.name}</Link>
      </p>
      <h1>{t("fairs.alliance.editTitle", { name: fair.name })}</h1>
      <FairForm lastResult={lastResult} defaultValue={defaults} submitLabel={t("fairs.alliance.save")} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: t("fairs.alliance.editTitle", { name: data?.fair.name ?? "" }) }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
