import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/auth.server";
import { secureCookies } from "~/env.server";
import { isLocale, localeCookie } from "~/i18n/locale";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  if (!isLocale(lang)) return data("errors.invalid", { status: 400 });
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": localeCookie(lang, secureCookies) } });
}
