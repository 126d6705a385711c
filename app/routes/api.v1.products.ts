import type { LoaderFunctionArgs } from "@remix-run/node";
import { productsApi } from "~/models/search-api.server";
import { apiResponse, readOnlyApiAction } from "~/services/api-errors.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiResponse(productsApi(new URL(request.url)), { pageCache: context });
}

export const action = readOnlyApiAction;
