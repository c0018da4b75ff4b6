-- Sightglass schema, SQLite dialect. Keep in step with
-- internal/store/postgres/migrations/0001_init.sql.
--
-- Conventions: timestamps are unix milliseconds (INTEGER); slices and maps
-- are JSON text; text keys use the default BINARY collation, so ORDER BY and
-- keyset comparisons are in byte order (PostgreSQL declares them COLLATE "C").

CREATE TABLE accounts (
    id                             TEXT    NOT NULL PRIMARY KEY,
    name                           TEXT    NOT NULL UNIQUE,
    edition                        TEXT    NOT NULL,
    authentication_type            TEXT    NOT NULL,
    notification_email             TEXT    NOT NULL,
    status                         TEXT    NOT NULL,
    default_namespace              TEXT    NOT NULL,
    public_sharing_enabled         INTEGER NOT NULL,
    termination_protection_enabled INTEGER NOT NULL,
    embedding_domains              TEXT    NOT NULL, -- JSON array or null
    created_at                     INTEGER NOT NULL,
    updated_at                     INTEGER NOT NULL
) STRICT;

CREATE TABLE principals (
    account_id TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, type, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE principal_policies (
    account_id     TEXT    NOT NULL,
    principal_type TEXT    NOT NULL,
    principal_name TEXT    NOT NULL,
    policy_name    TEXT    NOT NULL,
    document       TEXT    NOT NULL,
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, principal_type, principal_name, policy_name),
    FOREIGN KEY (account_id, principal_type, principal_name)
        REFERENCES principals (account_id, type, name) ON DELETE CASCADE
) STRICT;

CREATE TABLE access_keys (
    access_key_id     TEXT    NOT NULL PRIMARY KEY,
    secret_access_key TEXT    NOT NULL,
    account_id        TEXT    NOT NULL,
    principal_type    TEXT    NOT NULL,
    principal_name    TEXT    NOT NULL,
    session_name      TEXT    NOT NULL,
    session_token     TEXT    NOT NULL,
    expires_at        INTEGER,          -- NULL for long-term keys
    created_at        INTEGER NOT NULL,
    FOREIGN KEY (account_id, principal_type, principal_name)
        REFERENCES principals (account_id, type, name) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Lists a principal's keys in creation order and serves the cascade.
CREATE INDEX access_keys_principal
    ON access_keys (account_id, principal_type, principal_name, created_at, access_key_id);

CREATE TABLE users (
    account_id                              TEXT    NOT NULL,
    namespace                               TEXT    NOT NULL,
    user_name                               TEXT    NOT NULL,
    email                                   TEXT    NOT NULL,
    role                                    TEXT    NOT NULL,
    identity_type                           TEXT    NOT NULL,
    active                                  INTEGER NOT NULL,
    principal_id                            TEXT    NOT NULL,
    iam_arn                                 TEXT    NOT NULL,
    session_name                            TEXT    NOT NULL,
    custom_permissions_name                 TEXT    NOT NULL,
    external_login_federation_provider_type TEXT    NOT NULL,
    external_login_federation_provider_url  TEXT    NOT NULL,
    external_login_id                       TEXT    NOT NULL,
    tags                                    TEXT    NOT NULL, -- JSON array or null
    created_at                              INTEGER NOT NULL,
    updated_at                              INTEGER NOT NULL,
    PRIMARY KEY (account_id, namespace, user_name)
) STRICT;

CREATE UNIQUE INDEX users_principal_id ON users (account_id, principal_id);

-- Serves CountUsersWithCustomPermissions.
CREATE INDEX users_custom_permissions ON users (account_id, custom_permissions_name);

CREATE TABLE custom_permissions (
    account_id   TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    capabilities TEXT    NOT NULL, -- JSON object or null
    tags         TEXT    NOT NULL, -- JSON array or null
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, name)
) STRICT;

CREATE TABLE once_items (
    key        TEXT    NOT NULL PRIMARY KEY,
    payload    BLOB    NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX once_items_expires ON once_items (expires_at);
