-- Groups, their memberships, and the namespaces created through
-- CreateNamespace (the default namespace has no row). Keep in step with
-- the PostgreSQL store's migration of the same number.

CREATE TABLE namespaces (
    account_id     TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    identity_store TEXT    NOT NULL,
    tags           TEXT    NOT NULL, -- JSON array or null
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE groups (
    account_id   TEXT    NOT NULL,
    namespace    TEXT    NOT NULL,
    group_name   TEXT    NOT NULL,
    description  TEXT    NOT NULL,
    principal_id TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, namespace, group_name)
) STRICT, WITHOUT ROWID;

CREATE UNIQUE INDEX groups_principal_id ON groups (account_id, principal_id);

-- A membership goes with its group and with its user.
CREATE TABLE group_members (
    account_id  TEXT    NOT NULL,
    namespace   TEXT    NOT NULL,
    group_name  TEXT    NOT NULL,
    member_name TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, namespace, group_name, member_name),
    FOREIGN KEY (account_id, namespace, group_name)
        REFERENCES groups (account_id, namespace, group_name) ON DELETE CASCADE,
    FOREIGN KEY (account_id, namespace, member_name)
        REFERENCES users (account_id, namespace, user_name) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Serves ListUserGroups and the permission check's group lookup.
CREATE INDEX group_members_member ON group_members (account_id, namespace, member_name, group_name);
