import { getT, type MessageKey } from "~/i18n";
import type { ApiAnswer } from "~/models/search-api.server";
import type { AppLoadContext } from "@remix-run/node";
import { allowPageCache } from "./page-cache.server";

/** Errors of the public JSON API: always JSON, in the `{ error: { code, message } }` shape the search API uses. */
export function apiError(status: 404 | 405, { allow }: { allow?: string } = {}) {
  const body =
    status === 404
      ? { error: { code: "not_found", message: "There is no such API resource." } }
      : { error: { code: "method_not_allowed", message: "This API resource only answers GET." } };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
      ...(allow ? { Allow: allow } : {}),
    },
  });
}

/** The `action` of a read-only API route: other methods get a JSON 405 instead of Remix's generic error. */
export async function readOnlyApiAction() {
  return apiError(405, { allow: "GET, HEAD" });
}

const jsonHeaders = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };

/**
 * A model's API answer as the HTTP response: 200 with its body, or 400 naming the first bad parameter (in English).
 * With `pageCache` (the request's load context) the answer is public catalogue data that the page cache may keep
 * (app/services/page-cache.server.ts), unless its counts are not final.
 */
export function apiResponse(answer: ApiAnswer, { pageCache }: { pageCache?: AppLoadContext } = {}): Response {
  if (answer.ok && pageCache && answer.final !== false) allowPageCache(pageCache);
  if (answer.ok) return new Response(JSON.stringify(answer.body), { status: 200, headers: jsonHeaders });
  const t = getT("en");
  const first = answer.problems[0]!;
  const body = {
    error: {
      code: "invalid_parameter",
      parameter: first.param,
      message: t(first.key as MessageKey, { value: first.value }),
      details: answer.problems.map((p) => ({ parameter: p.param, message: t(p.key as MessageKey, { value: p.value }) })),
    },
  };
  return new Response(JSON.stringify(body), { status: 400, headers: jsonHeaders });
}
