import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestsApi } from "~/capabilities/market/board.server";
import { readOnlyApiAction } from "~/services/api-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return requestsApi(new URL(request.url));
}

export const action = readOnlyApiAction;
