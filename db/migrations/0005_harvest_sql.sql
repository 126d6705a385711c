-- Saved-search alerts: the writes that can interest a saved search enqueue work in their own transaction, so no
-- write path (product form, CSV import, a script) can forget it. The trigger names contain "search" so the bench
-- catalogue's bulk load switches them off with the search triggers and back on afterwards.
CREATE TRIGGER saved_search_alert_product_ai AFTER INSERT ON products WHEN NEW.status = 'published' BEGIN
  INSERT INTO alert_queue (kind, product_id) VALUES ('product', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER saved_search_alert_product_publish_au AFTER UPDATE OF status ON products
  WHEN NEW.status = 'published' AND OLD.status <> 'published' BEGIN
  INSERT INTO alert_queue (kind, product_id) VALUES ('product', NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER saved_search_price_history_au AFTER UPDATE OF price ON products WHEN NEW.price <> OLD.price BEGIN
  INSERT INTO price_history (product_id, old_price, new_price) VALUES (NEW.id, OLD.price, NEW.price);
  INSERT INTO alert_queue (kind, product_id, price_history_id)
    SELECT 'price_drop', NEW.id, last_insert_rowid() WHERE NEW.price < OLD.price AND NEW.status = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER saved_search_alert_announcement_ai AFTER INSERT ON harvest_announcements WHEN NEW.status = 'open' BEGIN
  INSERT INTO alert_queue (kind, product_id, announcement_id) VALUES ('announcement', NEW.product_id, NEW.id);
END;
