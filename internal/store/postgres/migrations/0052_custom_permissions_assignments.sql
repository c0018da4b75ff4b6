-- Custom permissions profiles applied to every user of a role
-- (UpdateRoleCustomPermission) or of the account
-- (UpdateAccountCustomPermission: namespace and role are ''). Keep in step
-- with internal/store/sqlite/migrations/0052_custom_permissions_assignments.sql.

CREATE TABLE custom_permissions_assignments (
    account_id text   COLLATE "C" NOT NULL,
    namespace  text   COLLATE "C" NOT NULL,
    role       text   COLLATE "C" NOT NULL,
    name       text   COLLATE "C" NOT NULL,
    updated_at bigint NOT NULL,
    CONSTRAINT custom_permissions_assignments_pkey PRIMARY KEY (account_id, namespace, role)
);
