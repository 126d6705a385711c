import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { followSchema } from "~/lib/harvest-forms";
import { follow, unfollow } from "~/models/harvest.server";
import { getCategory, getProvince } from "~/models/province.server";
import { getCooperativeContact } from "~/models/thread.server";
import { requireBuyer } from "~/capabilities/orders/route-helpers.server";
import { safeRedirect } from "~/services/auth.server";
import { readForm } from "~/services/uploads.server";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";

/** POST only: a buyer follows or unfollows a cooperative, an OCOP category or a province, then goes back. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, organisation } = requireBuyer(request);
  const submission = parseWithZod(await readForm(request), { schema: followSchema });
  const t = getT(getLocale(request));
  if (submission.status !== "success") return new Response(t("errors.invalid"), { status: 400 });
  const { intent, kind, value, redirectTo } = submission.value;
  const exists =
    kind === "cooperative" ? /^\d+$/.test(value) && !!getCooperativeContact({ id: Number(value) }) : kind === "category" ? !!getCategory(value) : !!getProvince(value);
  if (!exists) return new Response(t("errors.notFound"), { status: 404 });
  if (intent === "follow") follow({ buyerId: organisation.id, userId: user.id, target: { kind, value } });
  else unfollow({ buyerId: organisation.id, target: { kind, value } });
  return redirect(safeRedirect(redirectTo ?? "/account/follows"));
}

export async function loader() {
  return redirect("/account/follows");
}
