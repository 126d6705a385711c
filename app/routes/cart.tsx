import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { safeRedirect } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, Notice, SelectField, TextAreaField, TextField, validationTiming } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { getT, useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { formatNumber, formatVnd } from "~/lib/money";
import { addToCartSchema, checkoutSchema, idSchema, paymentMethodSchema, quantitySchema } from "~/lib/order-forms";
import { notifyOrderPlaced, orderErrorMessage, requireBuyer, ruleViolation } from "~/capabilities/orders/route-helpers.server";
import { addToCart, cartQuantity, checkAddable, checkoutCart, getCart, removeFromCart, setCartQuantity, OrderError, type Delivery } from "~/models/order.server";
import { listProvinces } from "~/models/province.server";
import type { PaymentMethod } from "~/lib/order-states";
import { singleFields } from "~/lib/form-fields";
import { attributeOrdersFromFair } from "~/capabilities/fairs/attribution.server";
import { readForm } from "~/services/uploads.server";
import { firstPhotos } from "~/models/commerce.server";
import { categoryArtUrl, photoUrl } from "~/components/catalogue";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireBuyer(request);
  const groups = getCart({ buyerId: organisation.id });
  return {
    groups,
    pictures: firstPhotos({ productIds: groups.flatMap((g) => g.lines.map((l) => l.productId)) }),
    provinces: listProvinces().map((p) => ({ value: p.code, label: p.name })),
    defaults: { provinceCode: organisation.provinceCode, commune: organisation.commune ?? "", address: organisation.address ?? "", contactPhone: organisation.phone ?? "" },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organisation } = requireBuyer(request);
  const formData = await readForm(request);
  const t = getT(getLocale(request));
  const fields = singleFields(formData);
  if (!fields) return data({ status: "error" as const, formErrors: [t("errors.invalid")] }, { status: 400 });
  const intent = fields.intent ?? "add";

  if (intent === "add") {
    const parsed = addToCartSchema.safeParse(fields);
    if (!parsed.success) return data({ status: "error" as const, formErrors: [t("orders.errors.quantity")] }, { status: 400 });
    const { productId, quantity, redirectTo } = parsed.data;
    try {
      checkAddable({ productId, quantity: quantity + cartQuantity({ buyerId: organisation.id, productId }) });
      addToCart({ buyerId: organisation.id, productId, quantity, userId: user.id });
    } catch (error) {
      return ruleViolation(request, error);
    }
    if (redirectTo) return redirect(safeRedirect(redirectTo, "/cart"));
    return data({ status: "added" as const, formErrors: [] as string[] });
  }

  if (intent === "update" || intent === "remove") {
    const parsed = z.object({ productId: idSchema, quantity: quantitySchema.optional() }).safeParse(fields);
    if (!parsed.success) return data({ status: "error" as const, formErrors: [t("orders.errors.quantity")] }, { status: 400 });
    if (intent === "remove" || !parsed.data.quantity) removeFromCart({ buyerId: organisation.id, productId: parsed.data.productId });
    else setCartQuantity({ buyerId: organisation.id, productId: parsed.data.productId, quantity: parsed.data.quantity });
    return redirect("/cart");
  }

  const submission = parseWithZod(formData, { schema: checkoutSchema });
  if (submission.status !== "success") return data({ ...submission.reply(), status: "error" as const }, { status: 400 });
  const groups = getCart({ buyerId: organisation.id });
  const methods: Record<number, PaymentMethod> = {};
  for (const g of groups) {
    const method = paymentMethodSchema.safeParse(formData.get(`payment_${g.cooperativeId}`) ?? "bank_transfer");
    if (!method.success) return data({ ...submission.reply({ formErrors: [t("errors.invalid")] }), status: "error" as const }, { status: 400 });
    methods[g.cooperativeId] = method.data;
  }
  const { intent: _i, ...delivery } = submission.value;
  try {
    const placed = checkoutCart({ buyerId: organisation.id, userId: user.id, delivery: delivery satisfies Delivery, paymentMethods: methods });
    attributeOrdersFromFair(request, placed);
    for (const order of placed) await notifyOrderPlaced(order, organisation.name);
    return redirect(placed.length === 1 ? `/dashboard/orders/${placed[0]!.id}?placed=1` : `/dashboard/orders?placed=${placed.length}`);
  } catch (error) {
    if (error instanceof OrderError) {
      return data({ ...submission.reply({ formErrors: [orderErrorMessage(t, error)] }), status: "error" as const }, { status: error.status });
    }
    throw error;
  }
}

export default function Cart() {
  const t = useT();
  const locale = useLocale();
  const { groups, provinces, defaults, pictures } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const lastResult = actionData && "initialValue" in actionData ? actionData : undefined;
  const [form, fields] = useForm<z.input<typeof checkoutSchema>>({
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkoutSchema }),
    ...validationTiming,
  });
  const hasProblems = groups.some((g) => g.lines.some((l) => l.problem));
  const unit = (u: string) => t(`units.${u}` as MessageKey);
  const lineErrors = actionData && "formErrors" in actionData ? actionData.formErrors : undefined;
  return (
    <section className="stack orders-cart">
      <h1>{t("orders.cart.title")}</h1>
      {params.get("added") ? <Notice tone="success">{t("orders.cart.added")}</Notice> : null}
      <FormErrors errors={lineErrors} />
      {groups.length === 0 ? (
        <p>
          {t("orders.cart.empty")} <Link to="/search">{t("orders.cart.browse")}</Link>
        </p>
      ) : (
        <>
          <p className="muted">{t("orders.cart.priceNote")}</p>
          {groups.map((g) => (
            <section key={g.cooperativeId} className="card orders-cart-group" aria-labelledby={`coop-${g.cooperativeId}`}>
              <h2 id={`coop-${g.cooperativeId}`}>{t("orders.cart.from", { cooperative: g.cooperativeName })}</h2>
              <div className="table-wrap" tabIndex={0}>
                <table className="cards-on-phone">
                  <thead>
                    <tr>
                      <th scope="col">{t("orders.cart.product")}</th>
                      <th scope="col">{t("orders.cart.quantity")}</th>
                      <th scope="col">{t("orders.cart.unitPrice")}</th>
                      <th scope="col">{t("orders.cart.lineTotal")}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t("orders.cart.remove")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.lines.map((l) => (
                      <tr key={l.productId} className={l.problem ? "orders-line-problem" : undefined}>
                        <td data-label={t("orders.cart.product")}>
                          <Link to={`/products/${l.productId}`} className="commerce-line-product">
                            <img
                              src={pictures[l.productId]?.path ? photoUrl(pictures[l.productId]!.path!, 320) : categoryArtUrl(pictures[l.productId]?.categoryCode, l.unit)}
                              alt=""
                              width={56}
                              height={42}
                              loading="lazy"
                            />
                            <span>{locale === "en" && l.nameEn ? l.nameEn : l.name}</span>
                          </Link>
                          {l.problem ? (
                            <p className="field-errors" role="alert">
                              {l.problem.code === "moq"
                                ? t("orders.errors.moq", { product: l.name, min: formatNumber(l.problem.minOrderQty, locale), unit: unit(l.unit) })
                                : l.problem.code === "stock"
                                  ? t("orders.errors.stock", { product: l.name, available: formatNumber(l.problem.available, locale), unit: unit(l.unit) })
                                  : t("orders.errors.quantity")}
                            </p>
                          ) : null}
                        </td>
                        <td data-label={t("orders.cart.quantity")}>
                          <Form method="post" className="orders-qty-form">
                            <input type="hidden" name="intent" value="update" />
                            <input type="hidden" name="productId" value={l.productId} />
                            <input
                              type="number"
                              name="quantity"
                              min={1}
                              step={1}
                              defaultValue={l.quantity}
                              aria-label={t("orders.cart.quantityLabel", { product: l.name })}
                            />{" "}
                            {unit(l.unit)}{" "}
                            <button type="submit" className="button button-small button-secondary">
                              {t("orders.cart.update")}
                            </button>
                          </Form>
                        </td>
                        <td data-label={t("orders.cart.unitPrice")}>
                          {formatVnd(l.unitPrice, locale)}
                          {l.source === "tier" ? <span className="badge">{t("orders.cart.tierApplied")}</span> : null}
                        </td>
                        <td data-label={t("orders.cart.lineTotal")}>{formatVnd(l.lineTotal, locale)}</td>
                        <td className="cards-action">
                          <Form method="post">
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="productId" value={l.productId} />
                            <button type="submit" className="link-button" aria-label={t("orders.cart.removeLabel", { product: l.name })}>
                              {t("orders.cart.remove")}
                            </button>
                          </Form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="orders-total">{t("orders.cart.groupTotal", { cooperative: g.cooperativeName, total: formatVnd(g.total, locale) })}</p>
            </section>
          ))}

          <Form method="post" className="form form-wide" {...getFormProps(form)}>
            <h2>{t("orders.cart.checkoutTitle")}</h2>
            <FormErrors errors={form.errors} />
            {hasProblems ? <Notice tone="warning">{t("orders.cart.fixProblems")}</Notice> : null}
            <input type="hidden" name="intent" value="checkout" />
            <div className="form-row">
              <SelectField field={fields.provinceCode} label={t("orders.delivery.province")} options={provinces} />
              <TextField field={fields.commune} label={t("orders.delivery.commune")} />
            </div>
            <TextField field={fields.address} label={t("orders.delivery.address")} />
            <div className="form-row">
              <TextField field={fields.contactPhone} label={t("orders.delivery.phone")} type="tel" />
              <TextField field={fields.requestedDate} label={t("orders.delivery.date")} type="date" />
            </div>
            <TextAreaField field={fields.notes} label={t("orders.delivery.notes")} rows={3} />
            {groups.map((g) => (
              <fieldset key={g.cooperativeId} className="orders-payment">
                <legend>{t("orders.cart.paymentFor", { cooperative: g.cooperativeName })}</legend>
                <div className="radio-row">
                  {(["bank_transfer", "card", ...(g.codAllowed ? ["cod"] : [])] as const).map((m, i) => (
                    <label key={m}>
                      <input type="radio" name={`payment_${g.cooperativeId}`} value={m} defaultChecked={i === 0} /> {t(`orders.method.${m}` as MessageKey)}
                    </label>
                  ))}
                </div>
                {/* Shown when "card" is picked (CSS :has, no JavaScript needed). */}
                <p className="commerce-card-note muted">{t("commerce.cart.cardNote")}</p>
              </fieldset>
            ))}
            <div>
              <button type="submit" className="button">
                {t("orders.cart.placeOrders", { n: groups.length })}
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("orders.cart.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
