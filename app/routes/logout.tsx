import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySession } from "~/services/auth.server";

export async function loader() {
  // Logging out changes state, so it is a POST; a GET just goes home.
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": destroySession(request) } });
}
