-- Groups, their memberships, and the namespaces created through
-- CreateNamespace (the default namespace has no row). Keep in step with
-- the SQLite store's migration of the same number.

CREATE TABLE namespaces (
    account_id     text   COLLATE "C" NOT NULL,
    name           text   COLLATE "C" NOT NULL,
    identity_store text   NOT NULL,
    tags           text   NOT NULL, -- JSON array or null
    created_at     bigint NOT NULL,
    CONSTRAINT namespaces_pkey PRIMARY KEY (account_id, name)
);

CREATE TABLE groups (
    account_id   text   COLLATE "C" NOT NULL,
    namespace    text   COLLATE "C" NOT NULL,
    group_name   text   COLLATE "C" NOT NULL,
    description  text   NOT NULL,
    principal_id text   COLLATE "C" NOT NULL,
    created_at   bigint NOT NULL,
    CONSTRAINT groups_pkey PRIMARY KEY (account_id, namespace, group_name),
    CONSTRAINT groups_principal_id_key UNIQUE (account_id, principal_id)
);

-- A membership goes with its group and with its user.
CREATE TABLE group_members (
    account_id  text   COLLATE "C" NOT NULL,
    namespace   text   COLLATE "C" NOT NULL,
    group_name  text   COLLATE "C" NOT NULL,
    member_name text   COLLATE "C" NOT NULL,
    created_at  bigint NOT NULL,
    CONSTRAINT group_members_pkey PRIMARY KEY (account_id, namespace, group_name, member_name),
    CONSTRAINT group_members_group_fkey FOREIGN KEY (account_id, namespace, group_name)
        REFERENCES groups (account_id, namespace, group_name) ON DELETE CASCADE,
    CONSTRAINT group_members_user_fkey FOREIGN KEY (account_id, namespace, member_name)
        REFERENCES users (account_id, namespace, user_name) ON DELETE CASCADE
);

-- Serves ListUserGroups and the permission check's group lookup.
CREATE INDEX group_members_member ON group_members (account_id, namespace, member_name, group_name);
