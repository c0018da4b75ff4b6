-- Theme aliases (CreateThemeAlias): a name for one version of a theme,
-- deleted with the theme. Keep in step with
-- internal/store/sqlite/migrations/0061_theme_aliases.sql.

CREATE TABLE theme_aliases (
    account_id     text   COLLATE "C" NOT NULL,
    theme_id       text   COLLATE "C" NOT NULL,
    name           text   COLLATE "C" NOT NULL,
    version_number bigint NOT NULL,
    CONSTRAINT theme_aliases_pkey PRIMARY KEY (account_id, theme_id, name)
);

CREATE FUNCTION themes_aliases_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM theme_aliases WHERE account_id = OLD.account_id AND theme_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER themes_aliases_delete AFTER DELETE ON themes FOR EACH ROW EXECUTE FUNCTION themes_aliases_delete();
