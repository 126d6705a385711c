import { secureCookies } from "~/env.server";
import { FAIR_COOKIE, FAIR_COOKIE_DAYS, parseFairCookie, withBooth } from "~/lib/fair-rules";
import { attributeInquiry, attributeOrders } from "~/models/fair-lead.server";

/** The Set-Cookie header the booth page sends: this booth first among the ones the visitor opened. */
export function boothVisitCookie(request: Request, boothId: number): string {
  const value = withBooth(parseFairCookie(request.headers.get("Cookie")), boothId);
  return `${FAIR_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${FAIR_COOKIE_DAYS * 86_400}${secureCookies ? "; Secure" : ""}`;
}

/**
 * Called after an inquiry thread is opened (app/capabilities/contact/inquiry.server.ts): when the buyer opened the
 * cooperative's booth page in the last days, the inquiry counts for that fair. Never fails the inquiry itself.
 */
export function attributeInquiryFromFair(request: Request, { threadId, cooperativeId }: { threadId: number; cooperativeId: number }) {
  const boothIds = parseFairCookie(request.headers.get("Cookie"));
  if (!boothIds.length) return;
  try {
    attributeInquiry({ boothIds, threadId, cooperativeId });
  } catch (error) {
    console.error("fair attribution failed", error);
  }
}

/** The same for the orders a checkout placed (app/routes/cart.tsx), one per cooperative. */
export function attributeOrdersFromFair(request: Request, orders: { id: number; cooperativeId: number }[]) {
  const boothIds = parseFairCookie(request.headers.get("Cookie"));
  if (!boothIds.length) return;
  try {
    attributeOrders({ boothIds, orders });
  } catch (error) {
    console.error("fair attribution failed", error);
  }
}
