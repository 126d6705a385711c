CREATE TABLE `lot_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`type` text NOT NULL,
	`epcis_type` text NOT NULL,
	`action` text,
	`biz_step` text NOT NULL,
	`event_time` text NOT NULL,
	`commune` text NOT NULL,
	`latitude` text,
	`longitude` text,
	`who` text NOT NULL,
	`what` text NOT NULL,
	`notes` text,
	`spray_product` text,
	`pre_harvest_interval_days` integer,
	`attachment_path` text,
	`attachment_mime` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lot_events_lot_time_idx` ON `lot_events` (`lot_id`,`event_time`);--> statement-breakpoint
CREATE TABLE `lot_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`planting_area` text,
	`quantity` integer NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lot_members_lot_member_idx` ON `lot_members` (`lot_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`code` text NOT NULL,
	`harvest_date` text NOT NULL,
	`packing_date` text NOT NULL,
	`best_before_date` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	`serialised` integer DEFAULT false NOT NULL,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lots_product_code_idx` ON `lots` (`product_id`,`code`);--> statement-breakpoint
CREATE INDEX `lots_coop_idx` ON `lots` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `problem_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`cooperative_id` integer NOT NULL,
	`serial` text,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`contact` text,
	`reporter_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `problem_reports_key_idx` ON `problem_reports` (`reporter_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `problem_reports_coop_idx` ON `problem_reports` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`serial` text,
	`at` text NOT NULL,
	`language` text NOT NULL,
	`device` text NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scans_lot_at_idx` ON `scans` (`lot_id`,`at`);--> statement-breakpoint
CREATE INDEX `scans_lot_serial_idx` ON `scans` (`lot_id`,`serial`);--> statement-breakpoint
CREATE TABLE `serials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`serial` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `serials_lot_serial_idx` ON `serials` (`lot_id`,`serial`);