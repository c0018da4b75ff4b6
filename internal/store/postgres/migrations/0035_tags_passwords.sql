-- Resource tags in a table of their own, and the passwords of QUICKSIGHT
-- identity users. Keep in step with
-- internal/store/sqlite/migrations/0035_tags_passwords.sql, which says
-- how resources are named. The insert triggers copy a create call's tags
-- (the resource's tags column) in the create's own statement; the delete
-- triggers remove a resource's tags (and a user's password) with it.

CREATE TABLE resource_tags (
    account_id text COLLATE "C" NOT NULL,
    resource   text COLLATE "C" NOT NULL,
    tag_key    text COLLATE "C" NOT NULL,
    tag_value  text NOT NULL,
    CONSTRAINT resource_tags_pkey PRIMARY KEY (account_id, resource, tag_key)
);

-- The password of a QUICKSIGHT identity user: a PHC-style argon2id
-- string, never the password, bound to the registration (principal_id).
CREATE TABLE user_passwords (
    account_id   text   COLLATE "C" NOT NULL,
    namespace    text   COLLATE "C" NOT NULL,
    user_name    text   COLLATE "C" NOT NULL,
    principal_id text   NOT NULL,
    hash         text   NOT NULL,
    updated_at   bigint NOT NULL,
    CONSTRAINT user_passwords_pkey PRIMARY KEY (account_id, namespace, user_name)
);

-- sg_json_tags returns the tags of a tags column ('null' or a JSON array).
CREATE FUNCTION sg_json_tags(tags text) RETURNS TABLE (tag_key text, tag_value text)
LANGUAGE sql IMMUTABLE AS $$
    SELECT t->>'Key', t->>'Value'
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(tags::jsonb) = 'array' THEN tags::jsonb ELSE '[]'::jsonb END) t
$$;

INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
    SELECT DISTINCT ON (r.account_id, 'analysis/' || r.id, t.tag_key) r.account_id, 'analysis/' || r.id, t.tag_key, t.tag_value
    FROM analyses r, sg_json_tags(r.tags) t;

CREATE FUNCTION analyses_tags_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
        SELECT NEW.account_id, 'analysis/' || NEW.id, t.tag_key, t.tag_value FROM sg_json_tags(NEW.tags) t
        ON CONFLICT (account_id, resource, tag_key) DO UPDATE SET tag_value = EXCLUDED.tag_value;
    RETURN NULL;
END $$;
CREATE TRIGGER analyses_tags_insert AFTER INSERT ON analyses FOR EACH ROW EXECUTE FUNCTION analyses_tags_insert();

CREATE FUNCTION analyses_tags_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'analysis/' || OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER analyses_tags_delete AFTER DELETE ON analyses FOR EACH ROW EXECUTE FUNCTION analyses_tags_delete();

INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
    SELECT DISTINCT ON (r.account_id, 'dashboard/' || r.id, t.tag_key) r.account_id, 'dashboard/' || r.id, t.tag_key, t.tag_value
    FROM dashboards r, sg_json_tags(r.tags) t;

CREATE FUNCTION dashboards_tags_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
        SELECT NEW.account_id, 'dashboard/' || NEW.id, t.tag_key, t.tag_value FROM sg_json_tags(NEW.tags) t
        ON CONFLICT (account_id, resource, tag_key) DO UPDATE SET tag_value = EXCLUDED.tag_value;
    RETURN NULL;
END $$;
CREATE TRIGGER dashboards_tags_insert AFTER INSERT ON dashboards FOR EACH ROW EXECUTE FUNCTION dashboards_tags_insert();

CREATE FUNCTION dashboards_tags_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'dashboard/' || OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER dashboards_tags_delete AFTER DELETE ON dashboards FOR EACH ROW EXECUTE FUNCTION dashboards_tags_delete();

INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
    SELECT DISTINCT ON (r.account_id, 'dataset/' || r.id, t.tag_key) r.account_id, 'dataset/' || r.id, t.tag_key, t.tag_value
    FROM data_sets r, sg_json_tags(r.tags) t;

CREATE FUNCTION data_sets_tags_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
        SELECT NEW.account_id, 'dataset/' || NEW.id, t.tag_key, t.tag_value FROM sg_json_tags(NEW.tags) t
        ON CONFLICT (account_id, resource, tag_key) DO UPDATE SET tag_value = EXCLUDED.tag_value;
    RETURN NULL;
END $$;
CREATE TRIGGER data_sets_tags_insert AFTER INSERT ON data_sets FOR EACH ROW EXECUTE FUNCTION data_sets_tags_insert();

CREATE FUNCTION data_sets_tags_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'dataset/' || OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER data_sets_tags_delete AFTER DELETE ON data_sets FOR EACH ROW EXECUTE FUNCTION data_sets_tags_delete();

INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
    SELECT DISTINCT ON (r.account_id, 'datasource/' || r.id, t.tag_key) r.account_id, 'datasource/' || r.id, t.tag_key, t.tag_value
    FROM data_sources r, sg_json_tags(r.tags) t;

CREATE FUNCTION data_sources_tags_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
        SELECT NEW.account_id, 'datasource/' || NEW.id, t.tag_key, t.tag_value FROM sg_json_tags(NEW.tags) t
        ON CONFLICT (account_id, resource, tag_key) DO UPDATE SET tag_value = EXCLUDED.tag_value;
    RETURN NULL;
END $$;
CREATE TRIGGER data_sources_tags_insert AFTER INSERT ON data_sources FOR EACH ROW EXECUTE FUNCTION data_sources_tags_insert();

CREATE FUNCTION data_sources_tags_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'datasource/' || OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER data_sources_tags_delete AFTER DELETE ON data_sources FOR EACH ROW EXECUTE FUNCTION data_sources_tags_delete();

INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
    SELECT DISTINCT ON (r.account_id, 'custompermissions/' || r.name, t.tag_key) r.account_id, 'custompermissions/' || r.name, t.tag_key, t.tag_value
    FROM custom_permissions r, sg_json_tags(r.tags) t;

CREATE FUNCTION custom_permissions_tags_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
        SELECT NEW.account_id, 'custompermissions/' || NEW.name, t.tag_key, t.tag_value FROM sg_json_tags(NEW.tags) t
        ON CONFLICT (account_id, resource, tag_key) DO UPDATE SET tag_value = EXCLUDED.tag_value;
    RETURN NULL;
END $$;
CREATE TRIGGER custom_permissions_tags_insert AFTER INSERT ON custom_permissions FOR EACH ROW EXECUTE FUNCTION custom_permissions_tags_insert();

CREATE FUNCTION custom_permissions_tags_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'custompermissions/' || OLD.name;
    RETURN NULL;
END $$;
CREATE TRIGGER custom_permissions_tags_delete AFTER DELETE ON custom_permissions FOR EACH ROW EXECUTE FUNCTION custom_permissions_tags_delete();

INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
    SELECT DISTINCT ON (r.account_id, 'user/' || r.namespace || '/' || r.user_name, t.tag_key) r.account_id, 'user/' || r.namespace || '/' || r.user_name, t.tag_key, t.tag_value
    FROM users r, sg_json_tags(r.tags) t;

CREATE FUNCTION users_tags_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
        SELECT NEW.account_id, 'user/' || NEW.namespace || '/' || NEW.user_name, t.tag_key, t.tag_value FROM sg_json_tags(NEW.tags) t
        ON CONFLICT (account_id, resource, tag_key) DO UPDATE SET tag_value = EXCLUDED.tag_value;
    RETURN NULL;
END $$;
CREATE TRIGGER users_tags_insert AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION users_tags_insert();

CREATE FUNCTION users_tags_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'user/' || OLD.namespace || '/' || OLD.user_name;
    DELETE FROM user_passwords WHERE account_id = OLD.account_id AND namespace = OLD.namespace AND user_name = OLD.user_name;
    RETURN NULL;
END $$;
CREATE TRIGGER users_tags_delete AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_tags_delete();
