import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { createLot, listCooperativeMembers, listCooperativeProducts, lotInputProblems, productLotUnit } from "~/models/trace.server";
import { lotSchema } from "~/capabilities/trace/forms.server";
import { LotForm } from "~/components/lot-form";
import { readForm } from "~/services/uploads.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  return { products: listCooperativeProducts({ cooperativeId: organisation.id }), members: listCooperativeMembers({ cooperativeId: organisation.id }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const submission = parseWithZod(await readForm(request), { schema: lotSchema });
  // "Add a member" / "remove" (conform list intents, plain submit buttons): the form comes back changed, nothing is written.
  if (submission.status === undefined) return data({ result: submission.reply() });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const input = { ...submission.value, unit: submission.value.unit ?? productLotUnit({ productId: submission.value.productId, cooperativeId: organisation.id }) };
  const problems = lotInputProblems({ cooperativeId: organisation.id, input });
  if (problems) {
    const fieldErrors = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]]));
    return data({ result: submission.reply({ fieldErrors }) }, { status: "code" in problems ? 409 : 400 });
  }
  const id = createLot({ cooperativeId: organisation.id, input });
  return redirect(`/dashboard/lots/${id}`);
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("trace.lots.new") }));

export default function NewLot() {
  const t = useT();
  const { products, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="stack">
      <p>
        <Link to="/dashboard/lots">{t("trace.lots.back")}</Link>
      </p>
      <h1>{t("trace.lots.new")}</h1>
      <LotForm products={products} members={members} lastResult={actionData?.result} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
