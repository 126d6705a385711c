import { getFormProps, useForm } from "@conform-to/react";
import { decimal } from "~/lib/validation";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, SelectField, TextAreaField, TextField } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useT, type MessageKey } from "~/i18n";
import { todayInVietnam } from "~/lib/certificates";
import { formatNumber, formatVnd } from "~/lib/money";
import { quoteRequestSchema } from "~/lib/order-forms";
import { useLocale } from "~/i18n";
import { notifyOrganisation } from "~/services/notify.server";
import { getProvince, listProvinces } from "~/models/province.server";
import { requestQuote } from "~/models/quote.server";
import { getCooperativeContact, getPublishedProduct } from "~/models/thread.server";
import { getMemberships } from "~/models/user.server";
import { notFound, requireBuyer, ruleViolation } from "~/capabilities/orders/route-helpers.server";
import { readForm } from "~/services/uploads.server";

function load(request: Request, productId: string | undefined) {
  const id = decimal(z.number().int().positive()).safeParse(productId);
  const product = id.success ? getPublishedProduct({ id: id.data }) : null;
  const cooperative = product ? getCooperativeContact({ id: product.cooperativeId }) : null;
  if (!product || !cooperative) throw notFound(request, "orders.errors.productNotFound");
  return { product, cooperative };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { product, cooperative } = load(request, params.productId);
  const buyer = getMemberships(user.id).find((m) => m.organisation.kind === "buyer")?.organisation;
  return {
    product,
    cooperative: { name: cooperative.name, slug: cooperative.slug },
    isBuyer: !!buyer,
    provinces: listProvinces().map((p) => ({ value: p.code, label: p.name })),
    defaults: { quantity: String(product.minOrderQty), deliveryProvinceCode: buyer?.provinceCode ?? "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = requireBuyer(request);
  const { product } = load(request, params.productId);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, {
    schema: quoteRequestSchema
      .refine((v) => v.deliveryDate >= todayInVietnam(), { path: ["deliveryDate"], error: "orders.errors.dateFuture" })
      .refine((v) => !!getProvince(v.deliveryProvinceCode), { path: ["deliveryProvinceCode"], error: "errors.province" }),
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const quote = requestQuote({ buyerId: organisation.id, productId: product.id, userId: user.id, ...submission.value });
    await notifyOrganisation({
      organisationId: quote.cooperativeId,
      subject: "orders.mail.quoteRequestedSubject",
      body: "orders.mail.quoteRequestedBody",
      params: { product: product.name, buyer: organisation.name, quantity: formatNumber(quote.quantity, "vi"), unit: `units.${product.unit}`, date: quote.deliveryDate },
      path: `/dashboard/quotes/${quote.id}`,
    });
    return redirect(`/dashboard/quotes/${quote.id}?sent=1`);
  } catch (error) {
    return ruleViolation(request, error);
  }
}

export default function RequestQuote() {
  const t = useT();
  const locale = useLocale();
  const { product, cooperative, isBuyer, provinces, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ quantity: string; deliveryProvinceCode: string; deliveryDate: string; note?: string }>({
    lastResult: lastResult && "initialValue" in lastResult ? lastResult : null,
    defaultValue: defaults,
    // Validated on the server only: the quantity is coerced there, and the date rule needs "today" in Viet Nam.
  });
  const unit = t(`units.${product.unit}` as MessageKey);
  return (
    <section className="stack">
      <h1>{t("orders.quotes.requestTitle", { product: product.name })}</h1>
      <p>
        <Link to={`/cooperatives/${cooperative.slug}`}>{cooperative.name}</Link> · {t("orders.quotes.listPrice", { price: formatVnd(product.price, locale), unit })}
      </p>
      {isBuyer ? (
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors errors={form.errors ?? (lastResult && "formErrors" in lastResult ? lastResult.formErrors : undefined)} />
          <TextField field={fields.quantity} label={t("orders.quotes.quantity", { unit })} type="number" min={1} step={1} />
          <SelectField field={fields.deliveryProvinceCode} label={t("orders.quotes.province")} options={provinces} placeholder="" />
          <TextField field={fields.deliveryDate} label={t("orders.quotes.date")} type="date" />
          <TextAreaField field={fields.note} label={t("orders.quotes.note")} rows={4} />
          <div>
            <button type="submit" className="button">
              {t("orders.quotes.send")}
            </button>
          </div>
        </Form>
      ) : (
        <Notice tone="warning">{t("orders.inquiry.loginFirst")}</Notice>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => ({ title: t("orders.quotes.requestTitle", { product: data?.product.name ?? "" }) }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
