import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";

export async function loader() {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("errors.notFoundTitle") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
