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