import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { AnnouncementForm } from "~/components/harvest-form";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { listAnnounceableProducts } from "~/models/harvest.server";
import { requireCooperative } from "~/capabilities/orders/route-helpers.server";
import { handleAnnouncementForm } from "~/capabilities/harvest/routes.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireCooperative(request);
  return { products: listAnnounceableProducts({ cooperativeId: organisation.id }), today: todayInVietnam() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { organisation, user } = requireCooperative(request);
  return handleAnnouncementForm(request, { cooperativeId: organisation.id, cooperativeName: organisation.name, userId: user.id });
}

export default function NewHarvest() {
  const t = useT();
  const { products, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="stack">
      <h1>{t("harvest.dashboard.newTitle")}</h1>
      {products.length === 0 ? (
        <Notice tone="warning">{t("harvest.dashboard.noProducts")}</Notice>
      ) : (
        <AnnouncementForm products={products} today={today} lastResult={lastResult} submitLabel={t("harvest.dashboard.publish")} />
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("harvest.dashboard.newTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
