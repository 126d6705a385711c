import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { confirmSchema, declineSchema, orderSchema } from "~/lib/harvest-forms";
import { parsePrice } from "~/lib/harvest-rules";
import { getReservationForOrganisation, orderFromReservation, transitionReservation } from "~/models/harvest.server";
import { notifyOrganisation } from "~/services/notify.server";
import { ruleViolation } from "~/capabilities/orders/route-helpers.server";
import { readForm } from "~/services/uploads.server";

type Found = NonNullable<ReturnType<typeof getReservationForOrganisation>>;

/**
 * The actions of the reservation page: confirm with the agreed price, decline, cancel, and "create the order with
 * this lot". Each answers bad input with 400 and rule breaks with their status (404 stranger, 403 other party,
 * 409 wrong state), writing nothing.
 */
export async function handleReservationAction(request: Request, { found, organisationId, userId }: { found: Found; organisationId: number; userId: number }) {
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const r = found.reservation;
  const path = `/dashboard/reservations/${r.id}`;
  const tell = (status: string) =>
    notifyOrganisation({
      organisationId: r.buyerId,
      subject: "harvest.mail.decisionSubject",
      body: "harvest.mail.decisionBody",
      params: { product: r.productName, quantity: r.quantity, unit: `units.${r.unit}`, status: `harvest.reservation.${status}` },
      path,
    });
  try {
    if (intent === "confirm") {
      const s = parseWithZod(formData, { schema: confirmSchema });
      if (s.status !== "success") return data({ intent, result: s.reply() }, { status: 400 });
      const price = parsePrice(s.value.unitPrice);
      transitionReservation({ id: r.id, organisationId, userId, action: "confirm", unitPrice: price.ok ? price.value : undefined });
      await tell("confirmed");
      return redirect(`${path}?done=confirmed`);
    }
    if (intent === "decline") {
      const s = parseWithZod(formData, { schema: declineSchema });
      if (s.status !== "success") return data({ intent, result: s.reply() }, { status: 400 });
      transitionReservation({ id: r.id, organisationId, userId, action: "decline", reason: s.value.reason || null });
      await tell("declined");
      return redirect(`${path}?done=declined`);
    }
    if (intent === "cancel") {
      transitionReservation({ id: r.id, organisationId, userId, action: "cancel" });
      await notifyOrganisation({
        organisationId: r.cooperativeId,
        subject: "harvest.mail.decisionSubject",
        body: "harvest.mail.decisionBody",
        params: { product: r.productName, quantity: r.quantity, unit: `units.${r.unit}`, status: "harvest.reservation.cancelled" },
        path,
      });
      return redirect(`${path}?done=cancelled`);
    }
    if (intent === "order") {
      const s = parseWithZod(formData, { schema: orderSchema });
      if (s.status !== "success") return data({ intent, result: s.reply() }, { status: 400 });
      if (found.side !== "cooperative") return data({ intent, result: s.reply() }, { status: 403 });
      const order = orderFromReservation({ id: r.id, cooperativeId: organisationId, userId, lotId: s.value.lotId });
      const lot = found.lots.find((l) => l.id === s.value.lotId);
      await notifyOrganisation({
        organisationId: r.buyerId,
        subject: "harvest.mail.orderedSubject",
        body: "harvest.mail.orderedBody",
        params: { product: r.productName, number: order.number, lot: lot?.code ?? "" },
        path: `/dashboard/orders/${order.id}`,
      });
      return redirect(`/dashboard/orders/${order.id}`);
    }
    return data({ intent: null, result: null, formErrors: ["errors.invalid"] }, { status: 400 });
  } catch (error) {
    // A rule break (409 wrong state, 403 other party…) keeps what was typed, as a 400 does.
    const schema = intent === "confirm" ? confirmSchema : intent === "decline" ? declineSchema : intent === "order" ? orderSchema : null;
    return ruleViolation(request, error, { intent, result: schema ? parseWithZod(formData, { schema }).reply() : null });
  }
}
