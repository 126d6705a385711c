import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { translateMaybe, useLocale, useT, type MessageKey } from "~/i18n";

const titles: Record<number, MessageKey> = {
  400: "errors.badRequestTitle",
  403: "errors.forbiddenTitle",
  404: "errors.notFoundTitle",
};

/** The one error boundary: exported by root and by routes that want errors shown inside their layout. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const locale = useLocale();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail = isRouteErrorResponse(error)
    ? typeof error.data === "string" && error.data
      ? translateMaybe(locale, error.data)
      : status === 404
        ? t("errors.notFound")
        : error.statusText
    : t("errors.unexpected");
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{t("errors.status", { status })}</p>
      <h1 id="error-title">{t(titles[status] ?? "errors.title")}</h1>
      <p>{detail}</p>
      <p>
        <Link to="/" className="button">
          {t("errors.goHome")}
        </Link>
      </p>
    </section>
  );
}
