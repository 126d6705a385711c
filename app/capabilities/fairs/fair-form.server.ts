import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { Moderator } from "~/models/alliance.server";
import { fairSchema } from "~/lib/fair-forms";
import { createFair, getProvinceAlliance, updateFair, type Fair } from "~/models/fair.server";
import { getProvince } from "~/models/province.server";
import { readForm } from "~/services/uploads.server";

/**
 * Creates or edits a fair from the one zod schema: 400 with field errors and the input kept when dates are reversed
 * or the deadline is after the start, nothing written. An alliance admin's fairs are in its own province; a
 * platform admin picks the province and that province's alliance becomes the organiser.
 */
export async function handleFairForm(request: Request, { moderator, fair }: { moderator: Moderator; fair?: Fair }) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: fairSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { provinceCode: picked, ...input } = submission.value;
  if (fair) {
    updateFair({ id: fair.id, input: { ...input, description: input.description || null } });
    return redirect(`/alliance/fairs/${fair.id}?saved=1`);
  }
  const provinceCode = moderator.provinceCode ?? picked;
  if (!provinceCode || !getProvince(provinceCode)) return data(submission.reply({ fieldErrors: { provinceCode: ["errors.province"] } }), { status: 400 });
  const organiser = getProvinceAlliance({ provinceCode });
  if (!organiser) return data(submission.reply({ fieldErrors: { provinceCode: ["fairs.errors.noAlliance"] } }), { status: 400 });
  const { id } = createFair({ input: { ...input, provinceCode, description: input.description || null }, organiserId: organiser.id, userId: moderator.user.id });
  return redirect(`/alliance/fairs/${id}?saved=1`);
}
