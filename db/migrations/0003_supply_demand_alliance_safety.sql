CREATE TABLE `lot_safety_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`kind` text NOT NULL,
	`event_id` integer,
	`harvest_date_before` text,
	`harvest_date_after` text,
	`note` text NOT NULL,
	`decided_by` integer,
	`decided_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `lot_events`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lot_safety_decisions_lot_idx` ON `lot_safety_decisions` (`lot_id`,`kind`);--> statement-breakpoint
CREATE INDEX `lot_safety_decisions_coop_idx` ON `lot_safety_decisions` (`cooperative_id`,`kind`);--> statement-breakpoint
CREATE TABLE `alliance_report_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`province_code` text,
	`period_kind` text NOT NULL,
	`period_key` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`format` text NOT NULL,
	`locale` text DEFAULT 'vi' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`file_path` text,
	`error` text,
	`requested_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `alliance_report_jobs_status_idx` ON `alliance_report_jobs` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `cooperative_workforce` (
	`cooperative_id` integer PRIMARY KEY NOT NULL,
	`workers` integer NOT NULL,
	`declared_at` text NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `fair_attributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fair_id` integer NOT NULL,
	`booth_id` integer NOT NULL,
	`kind` text NOT NULL,
	`thread_id` integer,
	`order_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`booth_id`) REFERENCES `fair_booths`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fair_attributions_fair_idx` ON `fair_attributions` (`fair_id`,`kind`);--> statement-breakpoint
CREATE INDEX `fair_attributions_booth_idx` ON `fair_attributions` (`booth_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `fair_attributions_thread_idx` ON `fair_attributions` (`thread_id`) WHERE thread_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `fair_attributions_order_idx` ON `fair_attributions` (`order_id`) WHERE order_id is not null;--> statement-breakpoint
CREATE TABLE `fair_booth_products` (
	`booth_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`booth_id`, `product_id`),
	FOREIGN KEY (`booth_id`) REFERENCES `fair_booths`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fair_booth_products_product_idx` ON `fair_booth_products` (`product_id`);--> statement-breakpoint
CREATE TABLE `fair_booths` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fair_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`booth_number` text,
	`state` text DEFAULT 'registered' NOT NULL,
	`registered_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fair_booths_fair_coop_idx` ON `fair_booths` (`fair_id`,`cooperative_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `fair_booths_number_idx` ON `fair_booths` (`fair_id`,`booth_number`) WHERE booth_number is not null;--> statement-breakpoint
CREATE INDEX `fair_booths_coop_idx` ON `fair_booths` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `fair_invitations` (
	`fair_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`invited_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`fair_id`, `cooperative_id`),
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fair_invitations_coop_idx` ON `fair_invitations` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `fair_leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fair_id` integer NOT NULL,
	`booth_id` integer NOT NULL,
	`name` text NOT NULL,
	`business` text,
	`phone` text,
	`email` text,
	`interest` text NOT NULL,
	`consent` integer NOT NULL,
	`buyer_org_id` integer,
	`dedupe_key` text NOT NULL,
	`thread_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`booth_id`) REFERENCES `fair_booths`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`buyer_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fair_leads_dedupe_key_unique` ON `fair_leads` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `fair_leads_fair_idx` ON `fair_leads` (`fair_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `fair_leads_booth_idx` ON `fair_leads` (`booth_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organiser_id` integer NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`venue` text NOT NULL,
	`province_code` text NOT NULL,
	`description` text,
	`registration_deadline` text NOT NULL,
	`state` text DEFAULT 'published' NOT NULL,
	`visitor_org_id` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`organiser_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visitor_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fairs_province_start_idx` ON `fairs` (`province_code`,`start_date`);--> statement-breakpoint
CREATE INDEX `fairs_state_start_idx` ON `fairs` (`state`,`start_date`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`organisation_id` integer PRIMARY KEY NOT NULL,
	`request_digest` integer DEFAULT false NOT NULL,
	`last_digest_at` text,
	`updated_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`message_key` text NOT NULL,
	`params` text NOT NULL,
	`path` text NOT NULL,
	`dedupe_key` text,
	`read_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_org_idx` ON `notifications` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`organisation_id`) WHERE read_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_idx` ON `notifications` (`organisation_id`,`dedupe_key`) WHERE dedupe_key is not null;--> statement-breakpoint
CREATE TABLE `offer_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offer_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`tiers` text NOT NULL,
	`harvest_from` text,
	`harvest_to` text,
	`packing_date` text,
	`lot_id` integer,
	`valid_until` text NOT NULL,
	`notes` text,
	`attachment_path` text,
	`attachment_mime` text,
	`attachment_name` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offer_revisions_offer_idx` ON `offer_revisions` (`offer_id`,`revision`);--> statement-breakpoint
CREATE TABLE `offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`state` text DEFAULT 'submitted' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`tiers` text DEFAULT '[]' NOT NULL,
	`harvest_from` text,
	`harvest_to` text,
	`packing_date` text,
	`lot_id` integer,
	`valid_until` text NOT NULL,
	`notes` text,
	`shortlisted_at` text,
	`thread_id` integer,
	`order_id` integer,
	`accepted_at` text,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offers_request_coop_idx` ON `offers` (`request_id`,`cooperative_id`);--> statement-breakpoint
CREATE INDEX `offers_coop_idx` ON `offers` (`cooperative_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `offers_order_idx` ON `offers` (`order_id`) WHERE order_id is not null;--> statement-breakpoint
CREATE TABLE `request_certifications` (
	`request_id` integer NOT NULL,
	`type` text NOT NULL,
	`min_stars` integer,
	PRIMARY KEY(`request_id`, `type`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_certifications_type_idx` ON `request_certifications` (`type`);--> statement-breakpoint
CREATE TABLE `request_invitations` (
	`request_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`invited_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`request_id`, `cooperative_id`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_invitations_coop_idx` ON `request_invitations` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `request_matches` (
	`request_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`product_id` integer,
	`rank` integer NOT NULL,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	`gaps` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`request_id`, `cooperative_id`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `request_matches_coop_idx` ON `request_matches` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `request_notices` (
	`request_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`reason` text NOT NULL,
	`mailed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`request_id`, `organisation_id`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_notices_unmailed_idx` ON `request_notices` (`mailed_at`,`organisation_id`);--> statement-breakpoint
CREATE TABLE `request_provinces` (
	`request_id` integer NOT NULL,
	`province_code` text NOT NULL,
	PRIMARY KEY(`request_id`, `province_code`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_provinces_province_idx` ON `request_provinces` (`province_code`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`buyer_id` integer NOT NULL,
	`created_by` integer,
	`title` text NOT NULL,
	`description` text,
	`category_code` text NOT NULL,
	`product_id` integer,
	`quantity` real NOT NULL,
	`unit` text NOT NULL,
	`delivery_from` text NOT NULL,
	`delivery_to` text NOT NULL,
	`delivery_province_code` text NOT NULL,
	`target_price` integer,
	`payment_terms` text,
	`closing_date` text NOT NULL,
	`visibility` text NOT NULL,
	`show_buyer_name` integer DEFAULT false NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`published_at` text,
	`closed_at` text,
	`close_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`buyer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_code`) REFERENCES `ocop_categories`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`delivery_province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requests_buyer_idx` ON `requests` (`buyer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_board_idx` ON `requests` (`state`,`visibility`,`published_at`);--> statement-breakpoint
CREATE INDEX `requests_state_closing_idx` ON `requests` (`state`,`closing_date`);--> statement-breakpoint
CREATE INDEX `requests_category_idx` ON `requests` (`category_code`,`state`);--> statement-breakpoint
CREATE TABLE `alert_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`saved_search_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	`product_id` integer,
	`announcement_id` integer,
	`old_price` integer,
	`new_price` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`saved_search_id`) REFERENCES `saved_searches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_deliveries_search_ref_idx` ON `alert_deliveries` (`saved_search_id`,`ref`);--> statement-breakpoint
CREATE INDEX `alert_deliveries_pending_idx` ON `alert_deliveries` (`saved_search_id`) WHERE sent_at is null;--> statement-breakpoint
CREATE TABLE `alert_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`product_id` integer,
	`announcement_id` integer,
	`price_history_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `harvest_announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cooperative_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	`remaining_quantity` integer NOT NULL,
	`harvest_from` text NOT NULL,
	`harvest_to` text NOT NULL,
	`price_min` integer NOT NULL,
	`price_max` integer,
	`notes` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` integer,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `harvest_announcements_status_from_idx` ON `harvest_announcements` (`status`,`harvest_from`);--> statement-breakpoint
CREATE INDEX `harvest_announcements_coop_idx` ON `harvest_announcements` (`cooperative_id`,`status`);--> statement-breakpoint
CREATE INDEX `harvest_announcements_product_idx` ON `harvest_announcements` (`product_id`);--> statement-breakpoint
CREATE TABLE `harvest_follows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`buyer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`buyer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `harvest_follows_buyer_target_idx` ON `harvest_follows` (`buyer_id`,`kind`,`value`);--> statement-breakpoint
CREATE INDEX `harvest_follows_target_idx` ON `harvest_follows` (`kind`,`value`);--> statement-breakpoint
CREATE TABLE `harvest_reservations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`announcement_id` integer NOT NULL,
	`buyer_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer,
	`note` text,
	`delivery_province_code` text NOT NULL,
	`delivery_commune` text NOT NULL,
	`delivery_address` text NOT NULL,
	`payment_method` text DEFAULT 'bank_transfer' NOT NULL,
	`status` text DEFAULT 'requested' NOT NULL,
	`decline_reason` text,
	`requested_by` integer,
	`decided_by` integer,
	`decided_at` text,
	`order_id` integer,
	`lot_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`announcement_id`) REFERENCES `harvest_announcements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`buyer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`delivery_province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `harvest_reservations_announcement_idx` ON `harvest_reservations` (`announcement_id`,`status`);--> statement-breakpoint
CREATE INDEX `harvest_reservations_buyer_idx` ON `harvest_reservations` (`buyer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `harvest_reservations_coop_idx` ON `harvest_reservations` (`cooperative_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `harvest_reservations_order_idx` ON `harvest_reservations` (`order_id`) WHERE order_id is not null;--> statement-breakpoint
CREATE TABLE `price_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`old_price` integer NOT NULL,
	`new_price` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `price_history_product_idx` ON `price_history` (`product_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `saved_searches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`buyer_id` integer NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`terms` text DEFAULT '[]' NOT NULL,
	`prefix_last` integer DEFAULT false NOT NULL,
	`province_code` text,
	`category_code` text,
	`certification` text,
	`min_stars` integer,
	`verified_only` integer DEFAULT false NOT NULL,
	`in_stock` integer DEFAULT false NOT NULL,
	`price_min` integer,
	`price_max` integer,
	`moq_max` integer,
	`harvest_month` integer,
	`anchor` text NOT NULL,
	`frequency` text DEFAULT 'daily' NOT NULL,
	`last_digest_at` text,
	`unsubscribe_token` text NOT NULL,
	`unsubscribed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`buyer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_searches_unsubscribe_token_unique` ON `saved_searches` (`unsubscribe_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `saved_searches_user_query_idx` ON `saved_searches` (`user_id`,`query`);--> statement-breakpoint
CREATE INDEX `saved_searches_anchor_idx` ON `saved_searches` (`anchor`) WHERE unsubscribed_at is null;