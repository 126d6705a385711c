import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/services/auth.server";
import { secureCookies } from "~/env.server";
import { getT } from "~/i18n";
import { isLocale, localeCookie } from "~/i18n/locale";
import { getLocale } from "~/i18n/server";
import { readForm } from "~/services/uploads.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  // A resource route: a plain Response, since `data()` here would be sent with status 200.
  if (!isLocale(lang)) return new Response(getT(getLocale(request))("errors.invalid"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": localeCookie(lang, secureCookies) } });
}
