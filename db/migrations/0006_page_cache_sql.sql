-- Written by scripts/page-cache-sql.ts from db/page-cache-tables.ts: edit those, then run the script.
CREATE TABLE page_generation (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL)
--> statement-breakpoint
INSERT INTO page_generation (id, generation) VALUES (1, 0)
--> statement-breakpoint
CREATE TRIGGER provinces_page_cache_ai AFTER INSERT ON provinces BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER provinces_page_cache_au AFTER UPDATE ON provinces BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER provinces_page_cache_ad AFTER DELETE ON provinces BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER former_provinces_page_cache_ai AFTER INSERT ON former_provinces BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER former_provinces_page_cache_au AFTER UPDATE ON former_provinces BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER former_provinces_page_cache_ad AFTER DELETE ON former_provinces BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER ocop_categories_page_cache_ai AFTER INSERT ON ocop_categories BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER ocop_categories_page_cache_au AFTER UPDATE ON ocop_categories BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER ocop_categories_page_cache_ad AFTER DELETE ON ocop_categories BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER organisations_page_cache_ai AFTER INSERT ON organisations BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER organisations_page_cache_au AFTER UPDATE ON organisations BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER organisations_page_cache_ad AFTER DELETE ON organisations BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER users_page_cache_ai AFTER INSERT ON users BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER users_page_cache_au AFTER UPDATE ON users BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER users_page_cache_ad AFTER DELETE ON users BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER memberships_page_cache_ai AFTER INSERT ON memberships BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER memberships_page_cache_au AFTER UPDATE ON memberships BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER memberships_page_cache_ad AFTER DELETE ON memberships BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER members_page_cache_ai AFTER INSERT ON members BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER members_page_cache_au AFTER UPDATE ON members BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER members_page_cache_ad AFTER DELETE ON members BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER cooperative_photos_page_cache_ai AFTER INSERT ON cooperative_photos BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER cooperative_photos_page_cache_au AFTER UPDATE ON cooperative_photos BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER cooperative_photos_page_cache_ad AFTER DELETE ON cooperative_photos BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER cooperative_workforce_page_cache_ai AFTER INSERT ON cooperative_workforce BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER cooperative_workforce_page_cache_au AFTER UPDATE ON cooperative_workforce BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER cooperative_workforce_page_cache_ad AFTER DELETE ON cooperative_workforce BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER products_page_cache_ai AFTER INSERT ON products BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER products_page_cache_au AFTER UPDATE ON products BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER products_page_cache_ad AFTER DELETE ON products BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER product_photos_page_cache_ai AFTER INSERT ON product_photos BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER product_photos_page_cache_au AFTER UPDATE ON product_photos BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER product_photos_page_cache_ad AFTER DELETE ON product_photos BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER price_tiers_page_cache_ai AFTER INSERT ON price_tiers BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER price_tiers_page_cache_au AFTER UPDATE ON price_tiers BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER price_tiers_page_cache_ad AFTER DELETE ON price_tiers BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER price_history_page_cache_ai AFTER INSERT ON price_history BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER price_history_page_cache_au AFTER UPDATE ON price_history BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER price_history_page_cache_ad AFTER DELETE ON price_history BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER certificates_page_cache_ai AFTER INSERT ON certificates BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER certificates_page_cache_au AFTER UPDATE ON certificates BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER certificates_page_cache_ad AFTER DELETE ON certificates BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER certificate_products_page_cache_ai AFTER INSERT ON certificate_products BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER certificate_products_page_cache_au AFTER UPDATE ON certificate_products BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER certificate_products_page_cache_ad AFTER DELETE ON certificate_products BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lots_page_cache_ai AFTER INSERT ON lots BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lots_page_cache_au AFTER UPDATE ON lots BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lots_page_cache_ad AFTER DELETE ON lots BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lot_events_page_cache_ai AFTER INSERT ON lot_events BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lot_events_page_cache_au AFTER UPDATE ON lot_events BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lot_events_page_cache_ad AFTER DELETE ON lot_events BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lot_members_page_cache_ai AFTER INSERT ON lot_members BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lot_members_page_cache_au AFTER UPDATE ON lot_members BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lot_members_page_cache_ad AFTER DELETE ON lot_members BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lot_safety_decisions_page_cache_ai AFTER INSERT ON lot_safety_decisions BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lot_safety_decisions_page_cache_au AFTER UPDATE ON lot_safety_decisions BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER lot_safety_decisions_page_cache_ad AFTER DELETE ON lot_safety_decisions BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER fairs_page_cache_ai AFTER INSERT ON fairs BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER fairs_page_cache_au AFTER UPDATE ON fairs BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER fairs_page_cache_ad AFTER DELETE ON fairs BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER fair_booths_page_cache_ai AFTER INSERT ON fair_booths BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER fair_booths_page_cache_au AFTER UPDATE ON fair_booths BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER fair_booths_page_cache_ad AFTER DELETE ON fair_booths BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER fair_booth_products_page_cache_ai AFTER INSERT ON fair_booth_products BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER fair_booth_products_page_cache_au AFTER UPDATE ON fair_booth_products BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER fair_booth_products_page_cache_ad AFTER DELETE ON fair_booth_products BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER harvest_announcements_page_cache_ai AFTER INSERT ON harvest_announcements BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER harvest_announcements_page_cache_au AFTER UPDATE ON harvest_announcements BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
--> statement-breakpoint
CREATE TRIGGER harvest_announcements_page_cache_ad AFTER DELETE ON harvest_announcements BEGIN
  UPDATE page_generation SET generation = generation + 1 WHERE id = 1;
END
