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
