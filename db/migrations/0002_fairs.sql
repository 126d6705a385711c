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
CREATE INDEX `fairs_state_start_idx` ON `fairs` (`state`,`start_date`);