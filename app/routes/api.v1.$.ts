import { apiError } from "~/services/api-errors.server";

/** Unknown paths under /api/v1 answer JSON, not the HTML not-found page. */
export async function loader() {
  return apiError(404);
}

export async function action() {
  return apiError(404);
}
