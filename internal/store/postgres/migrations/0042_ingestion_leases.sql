-- Ingestion leases: the node that runs an unfinished ingestion holds its
-- lease and renews it; when it expires another node claims the ingestion
-- and retries or fails it. Keep in step with
-- internal/store/sqlite/migrations/0042_ingestion_leases.sql.

ALTER TABLE ingestions ADD COLUMN lease_owner   text   NOT NULL DEFAULT '';
ALTER TABLE ingestions ADD COLUMN lease_expires bigint NOT NULL DEFAULT 0; -- ms; 0: free to claim
ALTER TABLE ingestions ADD COLUMN attempts      integer NOT NULL DEFAULT 1;

-- Serves ClaimExpiredIngestion.
CREATE INDEX ingestions_lease ON ingestions (lease_expires) WHERE finished_at IS NULL;
DROP INDEX ingestions_unfinished;
