/*
 * Which tables the page cache watches (app/services/page-cache.server.ts). Anonymous public pages (the consumer
 * trace page, product pages, /search, the products API) are kept rendered per URL and language and served again
 * while `page_generation` has not moved and the Viet Nam date is the same. Every INSERT, UPDATE and DELETE on a
 * table in `pageContentTables` bumps that generation in the writer's own transaction (triggers written by
 * scripts/page-cache-sql.ts into the `*_page_cache_sql` migration), so a recall, a certificate decision or a price
 * change is seen by the next request in every worker process.
 *
 * Every table of the schema is in exactly one of the two lists (tests/integration/page-cache-tables.test.ts fails
 * for a new table that is in neither): a new table is watched unless someone writes down why no cached page reads it.
 */
export const pageContentTables = [
  // Reference data shown on every page.
  "provinces",
  "former_provinces",
  "ocop_categories",
  // Who sells: cooperatives (organisations), their people and pictures.
  "organisations",
  "users",
  "memberships",
  "members",
  "cooperative_photos",
  "cooperative_workforce",
  // What is sold.
  "products",
  "product_photos",
  "price_tiers",
  "price_history",
  "certificates",
  "certificate_products",
  // Traceability: lots, their diary, contributing members, safety decisions (withheld lots).
  "lots",
  "lot_events",
  "lot_members",
  "lot_safety_decisions",
  // Shown beside products (fair booths, harvest announcements).
  "fairs",
  "fair_booths",
  "fair_booth_products",
  "harvest_announcements",
] as const;

/** Tables no cached page reads, each with the reason; writes to them leave cached pages alone. */
export const pageCacheIgnoredTables: Record<string, string> = {
  __drizzle_migrations: "migration bookkeeping",
  sqlite_sequence: "SQLite's own AUTOINCREMENT counters",
  page_generation: "the counter itself",
  sessions: "sign-in state; signed-in requests are never served from the cache",
  tokens: "invitation and password-reset tokens",
  login_failures: "throttling",
  outbox: "mail not yet sent",
  notifications: "private, signed-in only",
  notification_preferences: "private, signed-in only",
  threads: "inquiry threads are private",
  thread_reads: "private read marks",
  messages: "private",
  message_attachments: "private",
  quotes: "private between buyer and cooperative",
  cart_items: "private; carts are signed-in only",
  orders: "private (stock, which product pages show, lives on products)",
  order_lines: "private",
  order_events: "private",
  order_lots: "private",
  payments: "private",
  refunds: "private",
  cancellation_requests: "private",
  processed_webhook_events: "webhook bookkeeping",
  trusted_buyers: "changes what a signed-in buyer may pay with, not a public page",
  audit_log: "append-only record",
  problem_reports: "consumers' reports, shown to the cooperative and the alliance only",
  scans: "counted per scan; the trace page does not show them (serial pages, which do, are not cached)",
  serials: "read only by serial (?sn=) trace pages, which are not cached",
  requests: "the demand board and request pages are not cached",
  request_certifications: "as requests",
  request_provinces: "as requests",
  request_invitations: "as requests",
  request_matches: "as requests",
  request_notices: "mail bookkeeping",
  offers: "private between buyer and cooperative",
  offer_revisions: "as offers",
  harvest_follows: "private",
  harvest_reservations: "private; harvest pages are not cached",
  saved_searches: "private",
  alert_queue: "alert bookkeeping",
  alert_deliveries: "alert bookkeeping",
  fair_invitations: "alliance workspace",
  fair_leads: "private",
  fair_attributions: "alliance figures",
  alliance_report_jobs: "alliance workspace",
  search_meta: "bumped only together with products and organisations, which are watched",
  search_attrs: "derived from products and certificates by triggers",
  search_facet_cube: "derived search counts",
  search_expiry_counts: "derived search counts",
  product_fts: "derived search index",
  coop_fts: "derived search index",
};

/** Tables of SQLite's own or of virtual tables' shadow storage, never written directly. */
export function isShadowTable(name: string) {
  return /^(product|coop)_fts_(config|data|docsize|idx|content)$/.test(name) || name.startsWith("sqlite_stat");
}

/** The alliance's rollup tables are derived from watched and ignored tables by triggers (0004_alliance_sql). */
export function isDerivedRollup(name: string) {
  return name.startsWith("alliance_") && name !== "alliance_report_jobs";
}
