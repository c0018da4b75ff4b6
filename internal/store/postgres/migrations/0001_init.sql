-- Sightglass schema, PostgreSQL dialect. Keep in step with
-- internal/store/sqlite/migrations/0001_init.sql.
--
-- Conventions: timestamps are unix milliseconds (bigint); slices and maps
-- are JSON text (text, not jsonb, so that they read back byte for byte as
-- written, as in SQLite). Text keys are COLLATE "C": ORDER BY and keyset
-- comparisons are in byte order whatever the database's locale, as in
-- SQLite.

CREATE TABLE accounts (
    id                             text    COLLATE "C" NOT NULL,
    name                           text    COLLATE "C" NOT NULL,
    edition                        text    NOT NULL,
    authentication_type            text    NOT NULL,
    notification_email             text    NOT NULL,
    status                         text    NOT NULL,
    default_namespace              text    NOT NULL,
    public_sharing_enabled         boolean NOT NULL,
    termination_protection_enabled boolean NOT NULL,
    embedding_domains              text    NOT NULL, -- JSON array or null
    created_at                     bigint  NOT NULL,
    updated_at                     bigint  NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_name_key UNIQUE (name)
);

CREATE TABLE principals (
    account_id text   COLLATE "C" NOT NULL,
    type       text   COLLATE "C" NOT NULL,
    name       text   COLLATE "C" NOT NULL,
    id         text   NOT NULL,
    created_at bigint NOT NULL,
    CONSTRAINT principals_pkey PRIMARY KEY (account_id, type, name)
);

CREATE TABLE principal_policies (
    account_id     text   COLLATE "C" NOT NULL,
    principal_type text   COLLATE "C" NOT NULL,
    principal_name text   COLLATE "C" NOT NULL,
    policy_name    text   COLLATE "C" NOT NULL,
    document       text   NOT NULL,
    updated_at     bigint NOT NULL,
    CONSTRAINT principal_policies_pkey PRIMARY KEY (account_id, principal_type, principal_name, policy_name),
    CONSTRAINT principal_policies_principal_fkey FOREIGN KEY (account_id, principal_type, principal_name)
        REFERENCES principals (account_id, type, name) ON DELETE CASCADE
);

CREATE TABLE access_keys (
    access_key_id     text   COLLATE "C" NOT NULL,
    secret_access_key text   NOT NULL,
    account_id        text   COLLATE "C" NOT NULL,
    principal_type    text   COLLATE "C" NOT NULL,
    principal_name    text   COLLATE "C" NOT NULL,
    session_name      text   NOT NULL,
    session_token     text   NOT NULL,
    expires_at        bigint,          -- NULL for long-term keys
    created_at        bigint NOT NULL,
    CONSTRAINT access_keys_pkey PRIMARY KEY (access_key_id),
    CONSTRAINT access_keys_principal_fkey FOREIGN KEY (account_id, principal_type, principal_name)
        REFERENCES principals (account_id, type, name) ON DELETE CASCADE
);

-- Lists a principal's keys in creation order and serves the cascade.
CREATE INDEX access_keys_principal
    ON access_keys (account_id, principal_type, principal_name, created_at, access_key_id);

CREATE TABLE users (
    account_id                              text    COLLATE "C" NOT NULL,
    namespace                               text    COLLATE "C" NOT NULL,
    user_name                               text    COLLATE "C" NOT NULL,
    email                                   text    NOT NULL,
    role                                    text    NOT NULL,
    identity_type                           text    NOT NULL,
    active                                  boolean NOT NULL,
    principal_id                            text    COLLATE "C" NOT NULL,
    iam_arn                                 text    NOT NULL,
    session_name                            text    NOT NULL,
    custom_permissions_name                 text    COLLATE "C" NOT NULL,
    external_login_federation_provider_type text    NOT NULL,
    external_login_federation_provider_url  text    NOT NULL,
    external_login_id                       text    NOT NULL,
    tags                                    text    NOT NULL, -- JSON array or null
    created_at                              bigint  NOT NULL,
    updated_at                              bigint  NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (account_id, namespace, user_name),
    CONSTRAINT users_principal_id_key UNIQUE (account_id, principal_id)
);

-- Serves CountUsersWithCustomPermissions.
CREATE INDEX users_custom_permissions ON users (account_id, custom_permissions_name);

CREATE TABLE custom_permissions (
    account_id   text   COLLATE "C" NOT NULL,
    name         text   COLLATE "C" NOT NULL,
    capabilities text   NOT NULL, -- JSON object or null
    tags         text   NOT NULL, -- JSON array or null
    created_at   bigint NOT NULL,
    updated_at   bigint NOT NULL,
    CONSTRAINT custom_permissions_pkey PRIMARY KEY (account_id, name)
);

CREATE TABLE once_items (
    key        text   COLLATE "C" NOT NULL,
    payload    bytea  NOT NULL,
    expires_at bigint NOT NULL,
    CONSTRAINT once_items_pkey PRIMARY KEY (key)
);

CREATE INDEX once_items_expires ON once_items (expires_at);
