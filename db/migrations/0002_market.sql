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
CREATE INDEX `requests_category_idx` ON `requests` (`category_code`,`state`);