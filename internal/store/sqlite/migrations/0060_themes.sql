-- Custom themes and their versions (CreateTheme, UpdateTheme). Keep in
-- step with internal/store/postgres/migrations/0060_themes.sql.

CREATE TABLE themes (
    account_id     TEXT    NOT NULL,
    id             TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    permissions    TEXT    NOT NULL, -- JSON array or null
    tags           TEXT    NOT NULL, -- JSON array or null
    version_number INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
) STRICT;

CREATE TABLE theme_versions (
    account_id     TEXT    NOT NULL,
    theme_id       TEXT    NOT NULL,
    version_number INTEGER NOT NULL,
    base_theme_id  TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    configuration  TEXT, -- JSON object (ThemeConfiguration) or NULL
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, theme_id, version_number)
) STRICT;

CREATE TRIGGER themes_tags_insert AFTER INSERT ON themes WHEN json_type(NEW.tags) = 'array' BEGIN
    INSERT OR REPLACE INTO resource_tags SELECT NEW.account_id, 'theme/' || NEW.id,
        json_extract(j.value, '$.Key'), json_extract(j.value, '$.Value') FROM json_each(NEW.tags) j;
END;
CREATE TRIGGER themes_tags_delete AFTER DELETE ON themes BEGIN
    DELETE FROM resource_tags WHERE account_id = OLD.account_id AND resource = 'theme/' || OLD.id;
    DELETE FROM theme_versions WHERE account_id = OLD.account_id AND theme_id = OLD.id;
END;
