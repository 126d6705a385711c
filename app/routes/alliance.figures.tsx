import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

/** The figures page became the province dashboard; old links and bookmarks land there. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return redirect(`/alliance/dashboard${url.search}`, 301);
}
