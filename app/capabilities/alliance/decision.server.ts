import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { forbidden, safeRedirect } from "~/services/auth.server";
import { requireModerator } from "~/capabilities/alliance/scope.server";
import { decideCertificate, decideCooperative } from "~/models/alliance.server";
import { singleFields } from "~/lib/form-fields";
import { readForm } from "~/services/uploads.server";

/** A reason is required to reject, so the cooperative learns what to fix. */
export const decisionSchema = z
  .object({
    decision: z.enum(["verify", "reject"], { error: "errors.invalid" }),
    reason: z
      .string()
      .trim()
      .max(500, { error: "errors.tooLong" })
      .optional()
      .transform((v) => v || null),
    returnTo: z.string().optional(),
    /** The "I checked the evidence" box of the verify form; the browser requires it, the server ignores it. */
    checked: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !v.reason) ctx.addIssue({ code: "custom", message: "catalogue.errors.reasonRequired", path: ["reason"] });
  });

/** Verify or reject a cooperative or a certificate: 403 outside the moderator's province, 404 for an unknown id. */
export async function submitDecision(request: Request, target: { kind: "cooperative" | "certificate"; id: number }) {
  const moderator = requireModerator(request);
  const parsed = decisionSchema.safeParse(singleFields(await readForm(request)));
  if (!parsed.success) {
    return data({ error: parsed.error.issues[0]?.message ?? "errors.invalid", targetId: target.id, kind: target.kind }, { status: 400 });
  }
  const { decision, reason } = parsed.data;
  const result =
    target.kind === "cooperative"
      ? decideCooperative({ moderator, cooperativeId: target.id, decision, reason })
      : decideCertificate({ moderator, certificateId: target.id, decision, reason });
  if (result === "not_found") throw new Response("errors.notFound", { status: 404 });
  if (result === "forbidden") throw forbidden(request);
  // Checked after the URL is normalised: `/alliance/..//evil.example` starts with /alliance but resolves off-site.
  const base = "http://local.invalid";
  let url = new URL(safeRedirect(parsed.data.returnTo, "/alliance"), base);
  if (url.origin !== base || !(url.pathname === "/alliance" || url.pathname.startsWith("/alliance/"))) url = new URL("/alliance", base);
  url.searchParams.set("done", `${target.kind}-${decision}`);
  // The fragment names the next item of the queue, so the moderator carries on where they were.
  const hash = /^#[a-z]+-\d+$|^#queue-[a-z]+$/.test(url.hash) ? url.hash : "";
  return redirect(safeRedirect(`${url.pathname}${url.search}${hash}`, "/alliance"));
}
