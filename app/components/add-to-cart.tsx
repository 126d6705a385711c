import { useFetcher } from "@remix-run/react";
import { useId } from "react";
import { useT, type MessageKey } from "~/i18n";

type Result = { status?: string; formErrors?: string[] } | undefined;

/**
 * "Add to cart" for the product page: posts productId + quantity to `/cart` (no price: the server prices the line).
 * Works without JavaScript too, landing on the cart page.
 */
export function AddToCart({ productId, unit, minOrderQty, loggedIn = true }: { productId: number; unit: string; minOrderQty: number; loggedIn?: boolean }) {
  const t = useT();
  const id = useId();
  const fetcher = useFetcher<Result>();
  const unitLabel = t(`units.${unit}` as MessageKey);
  if (!loggedIn) {
    return (
      <p>
        <a className="button" href={`/login?redirectTo=${encodeURIComponent(`/products/${productId}`)}`}>
          {t("orders.addToCart.loginToOrder")}
        </a>
      </p>
    );
  }
  const added = fetcher.state === "idle" && fetcher.data?.status === "added";
  return (
    <fetcher.Form method="post" action="/cart" className="add-to-cart">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" value={productId} />
      <div className="field">
        <label htmlFor={`${id}-qty`}>{t("orders.addToCart.quantity", { unit: unitLabel })}</label>
        <input id={`${id}-qty`} name="quantity" type="number" inputMode="numeric" min={minOrderQty} step={1} defaultValue={minOrderQty} required aria-describedby={`${id}-moq`} />
        <p className="hint" id={`${id}-moq`}>
          {t("orders.addToCart.moq", { min: minOrderQty, unit: unitLabel })}
        </p>
      </div>
      <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
        {t("orders.addToCart.submit")}
      </button>
      {fetcher.data?.formErrors?.length ? (
        <p className="field-errors" role="alert">
          {fetcher.data.formErrors.join(" ")}
        </p>
      ) : null}
      {added ? (
        <p role="status">
          {t("orders.cart.added")} <a href="/cart">{t("orders.nav.cart")}</a>
        </p>
      ) : null}
    </fetcher.Form>
  );
}
