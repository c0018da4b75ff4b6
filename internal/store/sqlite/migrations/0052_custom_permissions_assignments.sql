-- Custom permissions profiles applied to every user of a role
-- (UpdateRoleCustomPermission) or of the account
-- (UpdateAccountCustomPermission: namespace and role are ''). Keep in step
-- with internal/store/postgres/migrations/0052_custom_permissions_assignments.sql.

CREATE TABLE custom_permissions_assignments (
    account_id TEXT    NOT NULL,
    namespace  TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, namespace, role)
) STRICT;
