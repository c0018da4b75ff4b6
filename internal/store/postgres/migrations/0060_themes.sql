-- Custom themes and their versions (CreateTheme, UpdateTheme). Keep in
-- step with internal/store/sqlite/migrations/0060_themes.sql.

CREATE TABLE themes (
    account_id     text   COLLATE "C" NOT NULL,
    id             text   COLLATE "C" NOT NULL,
    name           text   NOT NULL,
    permissions    text   NOT NULL, -- JSON array or null
    tags           text   NOT NULL, -- JSON array or null
    version_number bigint NOT NULL,
    created_at     bigint NOT NULL,
    updated_at     bigint NOT NULL,
    CONSTRAINT themes_pkey PRIMARY KEY (account_id, id)
);

CREATE TABLE theme_versions (
    account_id     text   COLLATE "C" NOT NULL,
    theme_id       text   COLLATE "C" NOT NULL,
    version_number bigint NOT NULL,
    base_theme_id  text   NOT NULL,
    description    text   NOT NULL,
    configuration  text, -- JSON object (ThemeConfiguration) or NULL
    created_at     bigint NOT NULL,
    CONSTRAINT theme_versions_pkey PRIMARY KEY (account_id, theme_id, version_number)
);

CREATE FUNCTION themes_tags_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO resource_tags (account_id, resource, tag_key, tag_value)
        SELECT NEW.account_id, 'theme/' || NEW.id, t.tag_key, t.tag_value FROM sg_json_tags(NEW.tags) t
        ON CONFLICT (account_id, resource, tag_key) DO UPDATE SET tag_value = EXCLUDED.tag_value;
    RETURN NULL;
END $$;
CREATE TRIGGER themes_tags_insert AFTER INSERT ON themes FOR EACH ROW EXECUTE FUNCTION themes_tags_insert();

CREATE FUNCTION themes_tags_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'theme/' || OLD.id;
    DELETE FROM theme_versions WHERE account_id = OLD.account_id AND theme_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER themes_tags_delete AFTER DELETE ON themes FOR EACH ROW EXECUTE FUNCTION themes_tags_delete();
