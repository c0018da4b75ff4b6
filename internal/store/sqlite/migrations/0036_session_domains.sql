-- A session's own embedding allow-list (GenerateEmbedUrlFor*'s
-- AllowedDomains), overriding its account's. Keep in step with
-- internal/store/postgres/migrations/0036_session_domains.sql.

ALTER TABLE sessions ADD COLUMN allowed_domains TEXT NOT NULL DEFAULT 'null'; -- JSON array or null: the account's list
