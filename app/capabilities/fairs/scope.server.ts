import { z } from "zod";
import { requireModerator } from "~/capabilities/alliance/scope.server";
import { notFound } from "~/capabilities/orders/route-helpers.server";
import { getFair } from "~/models/fair.server";
import { forbidden } from "~/services/auth.server";

/** A positive integer route parameter, or a 404 in the reader's language. */
export function idParam(request: Request, value: string | undefined, key: "fairs.errors.notFound" | "fairs.errors.boothNotFound" = "fairs.errors.notFound") {
  const id = z.coerce.number().int().positive().max(2 ** 31).safeParse(value);
  if (!id.success) throw notFound(request, key);
  return id.data;
}

/**
 * The fair an organiser works on: an alliance admin only in its own province (403 for another province's fair), a
 * platform admin anywhere; a cooperative or buyer gets 403 from `requireModerator`; an unknown fair 404.
 */
export function requireFairOrganiser(request: Request, fairIdParam: string | undefined) {
  const moderator = requireModerator(request);
  const fair = getFair({ id: idParam(request, fairIdParam) });
  if (!fair) throw notFound(request, "fairs.errors.notFound");
  if (moderator.provinceCode && moderator.provinceCode !== fair.provinceCode) throw forbidden(request);
  return { moderator, fair };
}
