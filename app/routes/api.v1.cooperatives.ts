import type { LoaderFunctionArgs } from "@remix-run/node";
import { cooperativesApi } from "~/models/search-api.server";
import { apiResponse, readOnlyApiAction } from "~/services/api-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return apiResponse(cooperativesApi(new URL(request.url)));
}

export const action = readOnlyApiAction;
