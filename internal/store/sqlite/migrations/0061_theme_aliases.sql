-- Theme aliases (CreateThemeAlias): a name for one version of a theme,
-- deleted with the theme. Keep in step with
-- internal/store/postgres/migrations/0061_theme_aliases.sql.

CREATE TABLE theme_aliases (
    account_id     TEXT    NOT NULL,
    theme_id       TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    version_number INTEGER NOT NULL,
    PRIMARY KEY (account_id, theme_id, name)
) STRICT;

CREATE TRIGGER themes_aliases_delete AFTER DELETE ON themes BEGIN
    DELETE FROM theme_aliases WHERE account_id = OLD.account_id AND theme_id = OLD.id;
END;
