-- Users' saved views of dashboards: the persisted state (name '') and
-- named bookmarks. Keep in step with
-- internal/store/sqlite/migrations/0053_dashboard_views.sql.

CREATE TABLE dashboard_views (
    account_id   text   COLLATE "C" NOT NULL,
    principal_id text   COLLATE "C" NOT NULL,
    dashboard_id text   COLLATE "C" NOT NULL,
    name         text   COLLATE "C" NOT NULL,
    state        text   NOT NULL,
    created_at   bigint NOT NULL,
    updated_at   bigint NOT NULL,
    CONSTRAINT dashboard_views_pkey PRIMARY KEY (account_id, principal_id, dashboard_id, name),
    CONSTRAINT dashboard_views_dashboard_fkey FOREIGN KEY (account_id, dashboard_id)
        REFERENCES dashboards (account_id, id) ON DELETE CASCADE
);

-- Serves the cascade from a deleted dashboard.
CREATE INDEX dashboard_views_dashboard ON dashboard_views (account_id, dashboard_id);
