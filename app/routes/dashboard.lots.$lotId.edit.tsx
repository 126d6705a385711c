import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { eventOrderError } from "~/lib/trace-rules";
import { getLot, listEvents, listCooperativeMembers, listCooperativeProducts, listLotMembers, lotInputProblems, updateLot } from "~/models/trace.server";
import { lotSchema } from "~/capabilities/trace/forms.server";
import { lotSafety } from "~/models/safety.server";
import { LotForm } from "~/components/lot-form";
import { parseLotId } from "~/capabilities/trace/page.server";
import { readForm } from "~/services/uploads.server";

function ownLot(request: Request, lotId: string | undefined) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const id = parseLotId(lotId);
  const lot = id ? getLot({ id, cooperativeId: organisation.id }) : undefined;
  if (!lot) throw new Response(null, { status: 404, statusText: "Not Found" });
  return { organisation, lot };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, lot } = ownLot(request, params.lotId);
  return {
    lot,
    contributions: listLotMembers({ lotId: lot.id }).map((m) => ({ memberId: m.memberId, plantingArea: m.plantingArea, quantity: m.quantity })),
    products: listCooperativeProducts({ cooperativeId: organisation.id }),
    members: listCooperativeMembers({ cooperativeId: organisation.id }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, lot } = ownLot(request, params.lotId);
  const submission = parseWithZod(await readForm(request), { schema: lotSchema });
  // "Add a member" / "remove" (conform list intents, plain submit buttons): the form comes back changed, nothing is written.
  if (submission.status === undefined) return data({ result: submission.reply() });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const input = { ...submission.value, unit: submission.value.unit ?? lot.unit };
  const problems = lotInputProblems({ cooperativeId: organisation.id, input, lotId: lot.id });
  if (problems) {
    const fieldErrors = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]]));
    return data({ result: submission.reply({ fieldErrors }) }, { status: "code" in problems ? 409 : 400 });
  }
  // New dates must still fit the diary already written (packing not before harvest, and so on).
  const events = listEvents({ lotId: lot.id });
  if (events.some((e) => eventOrderError(e, events.filter((o) => o.id !== e.id), input))) {
    return data({ result: submission.reply({ fieldErrors: { harvestDate: ["trace.errors.datesVsDiary"] } }) }, { status: 422 });
  }
  // A flagged lot's harvest date is corrected through the safety decision on the lot page (noted and audited), and
  // an edit may not silently put a spray inside its interval.
  if (input.harvestDate !== lot.harvestDate) {
    const before = lotSafety({ lotId: lot.id, harvestDate: lot.harvestDate, events });
    const after = lotSafety({ lotId: lot.id, harvestDate: input.harvestDate, events });
    if (before.status === "flagged") return data({ result: submission.reply({ fieldErrors: { harvestDate: ["safety.errors.useDecision"] } }) }, { status: 409 });
    if (after.breaches.length > before.breaches.length) return data({ result: submission.reply({ fieldErrors: { harvestDate: ["safety.errors.editCreatesBreach"] } }) }, { status: 409 });
  }
  updateLot({ id: lot.id, cooperativeId: organisation.id, input });
  return redirect(`/dashboard/lots/${lot.id}`);
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("trace.lots.edit") }));

export default function EditLot() {
  const t = useT();
  const { lot, contributions, products, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="stack">
      <p>
        <Link to={`/dashboard/lots/${lot.id}`}>{t("trace.lots.detailTitle", { code: lot.code })}</Link>
      </p>
      <h1>{t("trace.lots.editTitle", { code: lot.code })}</h1>
      <LotForm products={products} members={members} lastResult={actionData?.result} defaults={{ ...lot, contributions }} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
