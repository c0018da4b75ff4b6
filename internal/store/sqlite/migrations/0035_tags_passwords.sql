-- Resource tags in a table of their own, and the passwords of QUICKSIGHT
-- identity users. Keep in step with
-- internal/store/postgres/migrations/0035_tags_passwords.sql.
--
-- A tagged resource is named by its account and the resource part of its
-- ARN (analysis/ID, dashboard/ID, dataset/ID, datasource/ID,
-- custompermissions/NAME, user/NAMESPACE/NAME): the partition and region
-- of an ARN are the server's. The tags a create call carries (the
-- resource's tags column) are copied here by the insert triggers, in the
-- create's own statement; the delete triggers remove a resource's tags
-- with it (delete, purge). TagResource and UntagResource change this table
-- alone.

CREATE TABLE resource_tags (
    account_id TEXT NOT NULL,
    resource   TEXT NOT NULL,
    tag_key    TEXT NOT NULL,
    tag_value  TEXT NOT NULL,
    PRIMARY KEY (account_id, resource, tag_key)
) STRICT, WITHOUT ROWID;

INSERT OR REPLACE INTO resource_tags
    SELECT r.account_id, 'analysis/' || r.id, json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value')
    FROM analyses r, json_each(r.tags) j WHERE json_type(r.tags) = 'array';
INSERT OR REPLACE INTO resource_tags
    SELECT r.account_id, 'dashboard/' || r.id, json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value')
    FROM dashboards r, json_each(r.tags) j WHERE json_type(r.tags) = 'array';
INSERT OR REPLACE INTO resource_tags
    SELECT r.account_id, 'dataset/' || r.id, json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value')
    FROM data_sets r, json_each(r.tags) j WHERE json_type(r.tags) = 'array';
INSERT OR REPLACE INTO resource_tags
    SELECT r.account_id, 'datasource/' || r.id, json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value')
    FROM data_sources r, json_each(r.tags) j WHERE json_type(r.tags) = 'array';
INSERT OR REPLACE INTO resource_tags
    SELECT r.account_id, 'custompermissions/' || r.name, json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value')
    FROM custom_permissions r, json_each(r.tags) j WHERE json_type(r.tags) = 'array';
INSERT OR REPLACE INTO resource_tags
    SELECT r.account_id, 'user/' || r.namespace || '/' || r.user_name, json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value')
    FROM users r, json_each(r.tags) j WHERE json_type(r.tags) = 'array';

CREATE TRIGGER analyses_tags_insert AFTER INSERT ON analyses WHEN json_type(NEW.tags) = 'array' BEGIN
    INSERT OR REPLACE INTO resource_tags SELECT NEW.account_id, 'analysis/' || NEW.id,
        json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value') FROM json_each(NEW.tags) j;
END;
CREATE TRIGGER analyses_tags_delete AFTER DELETE ON analyses BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'analysis/' || OLD.id;
END;
CREATE TRIGGER dashboards_tags_insert AFTER INSERT ON dashboards WHEN json_type(NEW.tags) = 'array' BEGIN
    INSERT OR REPLACE INTO resource_tags SELECT NEW.account_id, 'dashboard/' || NEW.id,
        json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value') FROM json_each(NEW.tags) j;
END;
CREATE TRIGGER dashboards_tags_delete AFTER DELETE ON dashboards BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'dashboard/' || OLD.id;
END;
CREATE TRIGGER data_sets_tags_insert AFTER INSERT ON data_sets WHEN json_type(NEW.tags) = 'array' BEGIN
    INSERT OR REPLACE INTO resource_tags SELECT NEW.account_id, 'dataset/' || NEW.id,
        json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value') FROM json_each(NEW.tags) j;
END;
CREATE TRIGGER data_sets_tags_delete AFTER DELETE ON data_sets BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'dataset/' || OLD.id;
END;
CREATE TRIGGER data_sources_tags_insert AFTER INSERT ON data_sources WHEN json_type(NEW.tags) = 'array' BEGIN
    INSERT OR REPLACE INTO resource_tags SELECT NEW.account_id, 'datasource/' || NEW.id,
        json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value') FROM json_each(NEW.tags) j;
END;
CREATE TRIGGER data_sources_tags_delete AFTER DELETE ON data_sources BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'datasource/' || OLD.id;
END;
CREATE TRIGGER custom_permissions_tags_insert AFTER INSERT ON custom_permissions WHEN json_type(NEW.tags) = 'array' BEGIN
    INSERT OR REPLACE INTO resource_tags SELECT NEW.account_id, 'custompermissions/' || NEW.name,
        json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value') FROM json_each(NEW.tags) j;
END;
CREATE TRIGGER custom_permissions_tags_delete AFTER DELETE ON custom_permissions BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'custompermissions/' || OLD.name;
END;
CREATE TRIGGER users_tags_insert AFTER INSERT ON users WHEN json_type(NEW.tags) = 'array' BEGIN
    INSERT OR REPLACE INTO resource_tags SELECT NEW.account_id, 'user/' || NEW.namespace || '/' || NEW.user_name,
        json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value') FROM json_each(NEW.tags) j;
END;
CREATE TRIGGER users_tags_delete AFTER DELETE ON users BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'user/' || OLD.namespace || '/' || OLD.user_name;
    DELETE FROM user_passwords WHERE account_id = OLD.account_id AND namespace = OLD.namespace AND user_name = OLD.user_name;
END;

-- The password of a QUICKSIGHT identity user, set through the invitation
-- link RegisterUser returns: a PHC-style argon2id string, never the
-- password. principal_id binds it to the registration it was set for.
CREATE TABLE user_passwords (
    account_id   TEXT    NOT NULL,
    namespace    TEXT    NOT NULL,
    user_name    TEXT    NOT NULL,
    principal_id TEXT    NOT NULL,
    hash         TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, namespace, user_name)
) STRICT, WITHOUT ROWID;
