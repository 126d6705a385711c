import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getUser } from "~/services/auth.server";
import { ContactButtons } from "~/components/contact-buttons";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { InquiryForm } from "~/components/inquiry-form";
import { pageMeta } from "~/components/meta";
import { ResponseTime } from "~/components/response-time";
import { contactForViewer } from "~/capabilities/contact/contact.server";
import { useT } from "~/i18n";
import { handleNewInquiry } from "~/capabilities/contact/inquiry.server";
import { getCooperativeContact, typicalResponseHours } from "~/models/thread.server";
import { getMemberships } from "~/models/user.server";
import { notFound, requireBuyer } from "~/capabilities/orders/route-helpers.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cooperative = getCooperativeContact({ slug: params.slug ?? "" });
  if (!cooperative) throw notFound(request);
  const user = getUser(request);
  return {
    cooperative: { name: cooperative.name, slug: cooperative.slug },
    contact: contactForViewer(request, { id: cooperative.id }),
    isBuyer: !!user && getMemberships(user.id).some((m) => m.organisation.kind === "buyer"),
    loggedIn: !!user,
    responseHours: typicalResponseHours({ cooperativeId: cooperative.id }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = requireBuyer(request);
  const cooperative = getCooperativeContact({ slug: params.slug ?? "" });
  if (!cooperative) throw notFound(request);
  return handleNewInquiry(request, { buyer: organisation, userId: user.id, cooperativeId: cooperative.id });
}

export default function ContactCooperative() {
  const t = useT();
  const { cooperative, contact, isBuyer, loggedIn, responseHours } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="stack orders-inquiry">
      <h1>{t("orders.inquiry.titleCoop", { cooperative: cooperative.name })}</h1>
      <p>
        <Link to={`/cooperatives/${cooperative.slug}`}>{cooperative.name}</Link> · <ResponseTime hours={responseHours} />
      </p>
      <ContactButtons contact={contact} slug={cooperative.slug} />
      {isBuyer ? (
        <InquiryForm lastResult={lastResult ?? null} defaultSubject="" />
      ) : loggedIn ? (
        <Notice tone="warning">{t("orders.inquiry.loginFirst")}</Notice>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({ title: t("orders.inquiry.titleCoop", { cooperative: data?.cooperative.name ?? "" }) }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
