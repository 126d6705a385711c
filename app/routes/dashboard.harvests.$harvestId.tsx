import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice } from "~/components/forms";
import { AnnouncementForm } from "~/components/harvest-form";
import { AnnouncementStatus, PriceIndication, ReservationStatus, WindowCertificates } from "~/components/harvest-ui";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { canAnnouncement } from "~/lib/harvest-rules";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import { getAnnouncementForCooperative, transitionAnnouncement } from "~/models/harvest.server";
import { notifyOrganisation } from "~/services/notify.server";
import { notFound, requireCooperative, ruleViolation } from "~/capabilities/orders/route-helpers.server";
import { handleAnnouncementForm, idParam } from "~/capabilities/harvest/routes.server";
import { readForm } from "~/services/uploads.server";

function load(request: Request, raw: string | undefined) {
  const auth = requireCooperative(request);
  const id = idParam(request, raw, "harvest.errors.announcementNotFound");
  const found = getAnnouncementForCooperative({ id, cooperativeId: auth.organisation.id });
  if (!found) throw notFound(request, "harvest.errors.announcementNotFound");
  return { ...auth, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { announcement, certificates, reservations } = load(request, params.harvestId);
  return { announcement, certificates, reservations, today: todayInVietnam() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { announcement, organisation, user } = load(request, params.harvestId);
  const intent = request.headers.get("Content-Type")?.includes("form") ? (await readForm(request.clone())).get("intent") : null;
  if (intent === "close" || intent === "reopen" || intent === "cancel") {
    try {
      const { declined } = transitionAnnouncement({ id: announcement.id, cooperativeId: organisation.id, action: intent });
      for (const r of declined) {
        await notifyOrganisation({
          organisationId: r.buyerId,
          subject: "harvest.mail.decisionSubject",
          body: "harvest.mail.decisionBody",
          params: { product: announcement.productName, quantity: r.quantity, unit: `units.${announcement.unit}`, status: "harvest.reservations.announcementCancelled" },
          path: `/dashboard/reservations/${r.id}`,
        });
      }
      return redirect(`/dashboard/harvests/${announcement.id}`);
    } catch (error) {
      return ruleViolation(request, error);
    }
  }
  return handleAnnouncementForm(request, {
    cooperativeId: organisation.id,
    cooperativeName: organisation.name,
    userId: user.id,
    existing: { id: announcement.id, productId: announcement.productId },
  });
}

export default function HarvestDetail() {
  const t = useT();
  const locale = useLocale();
  const { announcement: a, certificates, reservations, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const unit = t(`units.${a.unit}` as MessageKey);
  const stateError = actionData && "formErrors" in actionData && !("initialValue" in actionData) ? actionData.formErrors : null;
  const formResult = actionData && "initialValue" in actionData ? actionData : null;
  return (
    <section className="stack">
      <h1>
        {a.productName} <AnnouncementStatus status={a.status} />
      </h1>
      {params.get("created") ? <Notice tone="success">{t("harvest.dashboard.created")}</Notice> : null}
      {params.get("saved") ? <Notice tone="success">{t("harvest.dashboard.saved")}</Notice> : null}
      <FormErrors errors={stateError} />
      <div className="card stack">
        <p>
          <strong>{t("harvest.board.window", { from: formatDate(a.harvestFrom, locale), to: formatDate(a.harvestTo, locale) })}</strong>
        </p>
        <p>
          <PriceIndication min={a.priceMin} max={a.priceMax} unit={a.unit} />
        </p>
        <p>{t("harvest.board.remaining", { n: formatNumber(a.remainingQuantity, locale), total: formatNumber(a.quantity, locale), unit })}</p>
        <h2 className="harvest-subheading">{t("harvest.certificates")}</h2>
        <WindowCertificates certificates={certificates} />
        <p>
          <Link to={`/harvests/${a.id}`}>{t("harvest.dashboard.publicPage")}</Link>
        </p>
        <div className="orders-inline-form">
          {canAnnouncement("close", a.status) ? (
            <Form method="post">
              <button type="submit" name="intent" value="close" className="button button-secondary">
                {t("harvest.dashboard.close")}
              </button>
            </Form>
          ) : null}
          {canAnnouncement("reopen", a.status) ? (
            <Form method="post">
              <button type="submit" name="intent" value="reopen" className="button button-secondary">
                {t("harvest.dashboard.reopen")}
              </button>
            </Form>
          ) : null}
          {canAnnouncement("cancel", a.status) ? (
            <Form method="post">
              <button type="submit" name="intent" value="cancel" className="button button-danger">
                {t("harvest.dashboard.cancel")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="reservations-h" className="stack">
        <h2 id="reservations-h">{t("harvest.dashboard.reservations")}</h2>
        {reservations.length === 0 ? (
          <p>{t("harvest.dashboard.noReservations")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="reservations-h">
            <table className="orders-table">
              <thead>
                <tr>
                  <th scope="col">{t("harvest.reservations.buyer")}</th>
                  <th scope="col">{t("harvest.reservations.quantity")}</th>
                  <th scope="col">{t("harvest.reservations.agreedPrice")}</th>
                  <th scope="col">{t("harvest.dashboard.status")}</th>
                </tr>
              </thead>
              <tbody>
                {reservations.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/dashboard/reservations/${r.id}`}>{r.buyerName}</Link>
                    </td>
                    <td>
                      {formatNumber(r.quantity, locale)} {unit}
                    </td>
                    <td>{r.unitPrice ? formatVnd(r.unitPrice, locale) : t("harvest.reservations.notAgreed")}</td>
                    <td>
                      <ReservationStatus status={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canAnnouncement("edit", a.status) ? (
        <section aria-labelledby="edit-h" className="stack">
          <h2 id="edit-h">{t("harvest.dashboard.editTitle")}</h2>
          <AnnouncementForm
            products={[]}
            fixedProduct={{ id: a.productId, nameVi: a.productName, unit: a.unit }}
            today={today}
            lastResult={formResult}
            defaultValue={{
              quantity: String(a.quantity),
              harvestFrom: a.harvestFrom,
              harvestTo: a.harvestTo,
              priceMin: String(a.priceMin),
              priceMax: a.priceMax ? String(a.priceMax) : "",
              notes: a.notes ?? "",
            }}
            submitLabel={t("harvest.dashboard.save")}
          />
        </section>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => pageMeta(matches, (t) => ({ title: `${t("harvest.dashboard.title")}: ${d?.announcement.productName ?? ""}` }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
