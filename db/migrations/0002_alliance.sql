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
