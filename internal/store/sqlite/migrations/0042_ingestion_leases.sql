-- Ingestion leases: the node that runs an unfinished ingestion holds its
-- lease and renews it; when it expires the ingestion is claimed again and
-- retried or failed. Keep in step with
-- internal/store/postgres/migrations/0042_ingestion_leases.sql.

ALTER TABLE ingestions ADD COLUMN lease_owner   TEXT    NOT NULL DEFAULT '';
ALTER TABLE ingestions ADD COLUMN lease_expires INTEGER NOT NULL DEFAULT 0; -- ms; 0: free to claim
ALTER TABLE ingestions ADD COLUMN attempts      INTEGER NOT NULL DEFAULT 1;

-- Serves ClaimExpiredIngestion.
CREATE INDEX ingestions_lease ON ingestions (lease_expires) WHERE finished_at IS NULL;
DROP INDEX IF EXISTS ingestions_unfinished;
