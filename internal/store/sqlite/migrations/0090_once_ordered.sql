-- Single-use items put in key order (PutOnceOrdered: embed codes, whose
-- keys begin with their mint time) get no entry in the expiry index, so
-- that minting one dirties one page of the key index instead of two. The
-- purge sweeps them from the left edge of the key index. Keep in step
-- with internal/store/postgres/migrations/0090_once_ordered.sql.
ALTER TABLE once_items ADD COLUMN ordered INTEGER NOT NULL DEFAULT 0;

DROP INDEX once_items_expires;

CREATE INDEX once_items_expires ON once_items (expires_at) WHERE ordered = 0;
