import { getFormProps, useForm } from "@conform-to/react";
import { decimal } from "~/lib/validation";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, TextAreaField, TextField } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { getT, useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { todayInVietnam } from "~/lib/certificates";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import { quoteAcceptSchema, quoteAnswerSchema } from "~/lib/order-forms";
import { notifyOrganisation } from "~/services/notify.server";
import { acceptQuote, answerQuote, declineQuote, getQuoteForOrganisation } from "~/models/quote.server";
import { notFound, notifyOrderPlaced, requireTrader, ruleViolation } from "~/capabilities/orders/route-helpers.server";
import { readForm } from "~/services/uploads.server";

const idParam = decimal(z.number().int().positive());

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  const id = idParam.safeParse(params.quoteId);
  const view = id.success ? getQuoteForOrganisation({ id: id.data, organisationId: organisation.id }) : null;
  if (!view) throw notFound(request, "orders.errors.quoteNotFound");
  return { ...view, today: todayInVietnam(), defaults: { commune: organisation.commune ?? "", address: organisation.address ?? "", contactPhone: organisation.phone ?? "" } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = requireTrader(request);
  const id = idParam.safeParse(params.quoteId);
  const view = id.success ? getQuoteForOrganisation({ id: id.data, organisationId: organisation.id }) : null;
  if (!view) throw notFound(request, "orders.errors.quoteNotFound");
  const t = getT(getLocale(request));
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const { quote } = view;
  const forbiddenStep = () => data({ status: "error" as const, error: { "": [t("orders.errors.notYourStep")] } }, { status: 403 });
  try {
    if (intent === "answer") {
      if (view.side !== "cooperative") return forbiddenStep();
      const submission = parseWithZod(formData, {
        schema: quoteAnswerSchema.refine((v) => v.validUntil >= todayInVietnam(), { path: ["validUntil"], error: "orders.errors.dateFuture" }),
      });
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      answerQuote({ id: quote.id, cooperativeId: organisation.id, userId: user.id, ...submission.value });
      await notifyOrganisation({
        organisationId: quote.buyerId,
        subject: "orders.mail.quoteAnsweredSubject",
        body: "orders.mail.quoteAnsweredBody",
        params: { cooperative: quote.cooperativeName, product: quote.productName, price: formatVnd(submission.value.unitPrice, "vi"), unit: `units.${quote.unit}`, date: submission.value.validUntil },
        path: `/dashboard/quotes/${quote.id}`,
      });
      return redirect(`/dashboard/quotes/${quote.id}?answered=1`);
    }
    if (intent === "accept") {
      if (view.side !== "buyer") return forbiddenStep();
      const submission = parseWithZod(formData, { schema: quoteAcceptSchema });
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const { paymentMethod, intent: _i, ...delivery } = submission.value;
      const order = acceptQuote({ id: quote.id, buyerId: organisation.id, userId: user.id, delivery, paymentMethod });
      await notifyOrderPlaced({ ...order, cooperativeId: quote.cooperativeId }, organisation.name);
      return redirect(`/dashboard/orders/${order.id}?placed=1`);
    }
    if (intent === "decline") {
      if (view.side !== "buyer") return forbiddenStep();
      declineQuote({ id: quote.id, buyerId: organisation.id });
      await notifyOrganisation({
        organisationId: quote.cooperativeId,
        subject: "orders.mail.quoteDecidedSubject",
        body: "orders.mail.quoteDecidedBody",
        params: { buyer: organisation.name, product: quote.productName, decision: "orders.quotes.declined" },
        path: `/dashboard/quotes/${quote.id}`,
      });
      return redirect(`/dashboard/quotes/${quote.id}`);
    }
  } catch (error) {
    const reply = ruleViolation(request, error);
    return data({ status: "error" as const, error: { "": reply.data.formErrors } }, reply.init ?? undefined);
  }
  return data({ status: "error" as const, error: { "": [t("errors.invalid")] } }, { status: 400 });
}

export default function QuotePage() {
  const t = useT();
  const locale = useLocale();
  const { quote, side, usable, lapsed, defaults, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const unit = t(`units.${quote.unit}` as MessageKey);
  const [answerForm, answerFields] = useForm<{ unitPrice: string; validUntil: string; terms?: string; intent: string }>({
    lastResult: lastResult ?? null,
    defaultValue: { unitPrice: quote.unitPrice ? String(quote.unitPrice) : "", validUntil: quote.validUntil ?? "", terms: quote.terms ?? "" },
  });
  const [acceptForm, acceptFields] = useForm<{ commune: string; address: string; contactPhone?: string; notes?: string; paymentMethod: string; intent: string }>({
    lastResult: lastResult ?? null,
    defaultValue: defaults,
  });
  return (
    <section className="stack">
      <p>
        <Link to="/dashboard/quotes">← {t("orders.quotes.title")}</Link>
      </p>
      <h1>
        {t("orders.quotes.detailTitle", { product: quote.productName })}{" "}
        <span className="badge">{lapsed ? t("orders.quotes.lapsed") : t(`orders.quotes.status.${quote.status}` as MessageKey)}</span>
      </h1>
      {params.get("sent") ? <Notice tone="success">{t("orders.quotes.sent")}</Notice> : null}
      {params.get("answered") ? <Notice tone="success">{t("orders.quotes.answered")}</Notice> : null}
      <p>
        {side === "cooperative" ? quote.buyerName : quote.cooperativeName} ·{" "}
        {t("orders.quotes.asked", { quantity: formatNumber(quote.quantity, locale), unit, province: quote.provinceName, date: formatDate(quote.deliveryDate, locale) })}
      </p>
      <p className="muted">{t("orders.quotes.listPrice", { price: formatVnd(quote.basePrice, locale), unit })}</p>
      {quote.note ? <p>{quote.note}</p> : null}
      {quote.unitPrice && quote.validUntil ? (
        <div className="card orders-offer">
          <p>
            <strong>
              {t("orders.quotes.offer", {
                price: formatVnd(quote.unitPrice, locale),
                unit,
                total: formatVnd(quote.unitPrice * quote.quantity, locale),
                date: formatDate(quote.validUntil, locale),
              })}
            </strong>
          </p>
          {quote.terms ? <p>{quote.terms}</p> : null}
        </div>
      ) : null}
      {quote.orderId ? (
        <p>
          {t("orders.quotes.ordered")} <Link to={`/dashboard/orders/${quote.orderId}`}>{t("orders.quotes.viewOrder")}</Link>
        </p>
      ) : null}

      {side === "cooperative" && (quote.status === "requested" || quote.status === "answered") ? (
        <Form method="post" className="form" {...getFormProps(answerForm)}>
          <h2>{t("orders.quotes.answer")}</h2>
          <FormErrors errors={answerForm.errors} />
          <input type="hidden" name="intent" value="answer" />
          <TextField field={answerFields.unitPrice} label={t("orders.quotes.unitPrice", { unit })} type="number" min={1} step={1} />
          <TextField field={answerFields.validUntil} label={t("orders.quotes.validUntil")} type="date" min={today} />
          <TextAreaField field={answerFields.terms} label={t("orders.quotes.terms")} rows={3} />
          <div>
            <button type="submit" className="button">
              {t("orders.quotes.sendAnswer")}
            </button>
          </div>
        </Form>
      ) : null}

      {side === "buyer" && usable ? (
        <>
          <Form method="post" className="form" {...getFormProps(acceptForm)}>
            <h2>{t("orders.quotes.acceptTitle")}</h2>
            <FormErrors errors={acceptForm.errors} />
            <input type="hidden" name="intent" value="accept" />
            <TextField field={acceptFields.commune} label={t("orders.delivery.commune")} />
            <TextField field={acceptFields.address} label={t("orders.delivery.address")} />
            <TextField field={acceptFields.contactPhone} label={t("orders.delivery.phone")} type="tel" />
            <TextAreaField field={acceptFields.notes} label={t("orders.delivery.notes")} rows={2} />
            <fieldset>
              <legend>{t("orders.list.payment")}</legend>
              <div className="radio-row">
                {(["bank_transfer", "card"] as const).map((m, i) => (
                  <label key={m}>
                    <input type="radio" name="paymentMethod" value={m} defaultChecked={i === 0} /> {t(`orders.method.${m}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div>
              <button type="submit" className="button">
                {t("orders.quotes.accept")}
              </button>
            </div>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="decline" />
            <button type="submit" className="button button-secondary">
              {t("orders.quotes.decline")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({ title: t("orders.quotes.detailTitle", { product: data?.quote.productName ?? "" }) }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
