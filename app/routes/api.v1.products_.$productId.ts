import type { LoaderFunctionArgs } from "@remix-run/node";
import { productApi } from "~/models/search-api.server";
import { apiError, apiResponse, readOnlyApiAction } from "~/services/api-errors.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const answer = productApi(params.productId ?? "");
  return answer ? apiResponse(answer, { pageCache: context }) : apiError(404);
}

export const action = readOnlyApiAction;
