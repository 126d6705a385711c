import { z } from "zod";
import { orderStatuses } from "~/lib/order-states";
import type { OrderFilters } from "~/models/order.server";

const filterSchema = z.object({
  status: z.enum(orderStatuses).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
});

/** Filters from the query string; anything malformed is dropped rather than failing the list. */
export function parseOrderFilters(url: URL): OrderFilters {
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  return filterSchema.parse(raw);
}
