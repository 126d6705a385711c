import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { handleRegistration, requireInvitedCooperative } from "~/capabilities/fairs/registration.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BoothLabel, FairDates } from "~/components/fair-ui";
import { ErrorList, FormErrors, Notice, useZodForm } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { registrationSchema } from "~/lib/fair-forms";
import { registrationOpen } from "~/lib/fair-rules";
import { formatDate } from "~/lib/money";
import { countLeadsForBooth } from "~/models/fair-lead.server";
import { listOwnPublishedProducts } from "~/models/fair.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, fair, booth, productIds } = requireInvitedCooperative(request, params.fairId);
  const registered = booth?.state === "registered";
  return {
    fair: { id: fair.id, name: fair.name, startDate: fair.startDate, endDate: fair.endDate, venue: fair.venue, registrationDeadline: fair.registrationDeadline, state: fair.state },
    booth: registered ? { id: booth.id, number: booth.boothNumber } : null,
    productIds: registered ? productIds : [],
    products: listOwnPublishedProducts({ cooperativeId: organisation.id }),
    open: registrationOpen(fair, todayInVietnam()),
    leads: registered ? countLeadsForBooth({ boothId: booth.id }) : 0,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleRegistration(request, params.fairId);
}

export default function FairRegistration() {
  const t = useT();
  const locale = useLocale();
  const { fair, booth, productIds, products, open, leads } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const [form, fields] = useZodForm({ schema: registrationSchema, lastResult, defaultValue: { productIds: productIds.map(String) } });
  const chosen = new Set((fields.productIds.initialValue as string[] | string | undefined) ?? []);
  const name = locale === "en" ? "nameEn" : "name";
  return (
    <section className="stack">
      <p>
        <Link to="/dashboard/fairs">← {t("fairs.coop.title")}</Link>
      </p>
      <h1>{t("fairs.coop.registerTitle", { name: fair.name })}</h1>
      <p className="muted">
        <FairDates fair={fair} /> · {fair.venue}
      </p>
      {params.get("registered") ? <Notice tone="success">{t("fairs.coop.registered")}</Notice> : null}
      {params.get("withdrawn") ? <Notice>{t("fairs.coop.withdrawn")}</Notice> : null}
      {booth ? (
        <div className="card stack">
          <p className="fairs-booth-big">
            <BoothLabel number={booth.number} />
          </p>
          <p className="fairs-actions">
            <a className="button" href={`/dashboard/fairs/${fair.id}/poster.pdf`} download>
              {t("fairs.coop.poster")}
            </a>
            <Link className="button button-secondary" to={`/fairs/${fair.id}/booths/${booth.id}`}>
              {t("fairs.coop.boothPage")}
            </Link>
          </p>
          {leads ? (
            <p>
              <Link to="/dashboard/inquiries">{t("fairs.coop.leads", { n: leads })}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {!open ? <Notice tone="warning">{t("fairs.coop.closed", { date: formatDate(fair.registrationDeadline, locale) })}</Notice> : null}
      {open && !products.length ? <Notice tone="warning">{t("fairs.coop.noProducts")}</Notice> : null}
      {open && products.length ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <fieldset aria-describedby={fields.productIds.errors?.length ? fields.productIds.errorId : undefined}>
            <legend>{t("fairs.coop.chooseProducts")}</legend>
            <ul className="fairs-checklist">
              {products.map((p) => (
                <li key={p.id}>
                  <label>
                    <input type="checkbox" name={fields.productIds.name} value={p.id} defaultChecked={chosen.has(String(p.id))} />
                    {p[name] ?? p.name}
                  </label>
                </li>
              ))}
            </ul>
            <ErrorList id={fields.productIds.errorId} errors={fields.productIds.errors} />
          </fieldset>
          <div className="fairs-actions">
            <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
              {booth ? t("fairs.coop.update") : t("fairs.coop.register")}
            </button>
          </div>
        </Form>
      ) : null}
      {open && booth ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="button button-secondary">
            {t("fairs.coop.withdraw")}
          </button>
        </Form>
      ) : null}
      {!open && lastResult ? <FormErrors errors={lastResult.error?.[""] ?? null} /> : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: t("fairs.coop.registerTitle", { name: data?.fair.name ?? "" }) }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
