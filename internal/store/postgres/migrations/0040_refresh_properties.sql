-- A dataset's refresh properties (PutDataSetRefreshProperties), the
-- DataSetRefreshProperties JSON as sent; NULL when none. Keep in step
-- with internal/store/sqlite/migrations/0040_refresh_properties.sql.

ALTER TABLE data_sets ADD COLUMN refresh_properties bytea;
