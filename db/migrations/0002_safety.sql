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
CREATE INDEX `lot_safety_decisions_coop_idx` ON `lot_safety_decisions` (`cooperative_id`,`kind`);