-- Users' saved views of dashboards: the persisted state (name '') and
-- named bookmarks. Keep in step with
-- internal/store/postgres/migrations/0053_dashboard_views.sql.

CREATE TABLE dashboard_views (
    account_id   TEXT    NOT NULL,
    principal_id TEXT    NOT NULL,
    dashboard_id TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, principal_id, dashboard_id, name),
    FOREIGN KEY (account_id, dashboard_id) REFERENCES dashboards (account_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Serves the cascade from a deleted dashboard.
CREATE INDEX dashboard_views_dashboard ON dashboard_views (account_id, dashboard_id);
