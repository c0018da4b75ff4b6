package app

import (
	"context"
	"fmt"

	sg "github.com/sightglass/sightglass"
)

// MaxThemeAliases is how many aliases one theme may have.
const MaxThemeAliases = 100

// latestAlias names a theme's latest version without being stored.
const latestAlias = "$LATEST"

// ThemeAliasARN returns the ARN of a theme alias.
func (a *App) ThemeAliasARN(accountID, themeID, name string) string {
	return a.ThemeARN(accountID, themeID) + "/alias/" + name
}

func (a *App) themeAliasNotFound(accountID, themeID, name string) error {
	return sg.Errorf(sg.ENOTFOUND, "Alias %s of theme %s is not found.", name, a.ThemeARN(accountID, themeID))
}

// checkThemeAliasPath validates the path of an alias operation,
// authorizes it and returns the custom theme.
func (a *App) checkThemeAliasPath(ctx context.Context, action, accountID, themeID, name string) (*sg.Theme, error) {
	if err := a.checkThemePath(ctx, action, accountID, themeID); err != nil {
		return nil, err
	}
	if name != "" {
		if err := checkModel("AliasName", "aliasName", name); err != nil {
			return nil, err
		}
	}
	return a.findCustomTheme(ctx, accountID, themeID)
}

// checkAliasTarget checks that a version an alias would name exists.
func (a *App) checkAliasTarget(ctx context.Context, t *sg.Theme, version int64) error {
	if version < 1 {
		return invalid("themeVersionNumber", fmt.Sprint(version), "Member must have value greater than or equal to 1")
	}
	if version > t.VersionNumber {
		return sg.Errorf(sg.ENOTFOUND, "Version %d of theme %s is not found.", version, a.ThemeARN(t.AccountID, t.ID))
	}
	return nil
}

// CreateThemeAlias names a version of a custom theme.
func (a *App) CreateThemeAlias(ctx context.Context, accountID, themeID, name string, version int64) (*sg.ThemeAlias, error) {
	t, err := a.checkThemeAliasPath(ctx, "CreateThemeAlias", accountID, themeID, name)
	if err != nil {
		return nil, err
	}
	if name == latestAlias || name == "$PUBLISHED" {
		return nil, sg.Errorf(sg.EINVALID, "AliasName %s is reserved.", name)
	}
	if err := a.checkAliasTarget(ctx, t, version); err != nil {
		return nil, err
	}
	list, err := a.Store.ListThemeAliases(ctx, accountID, themeID)
	if err != nil {
		return nil, err
	}
	if len(list) >= MaxThemeAliases {
		return nil, sg.Errorf(sg.ELIMIT, "Theme %s has %d aliases, the most a theme may have.", a.ThemeARN(accountID, themeID), MaxThemeAliases)
	}
	al := &sg.ThemeAlias{AccountID: accountID, ThemeID: themeID, Name: name, VersionNumber: version}
	if err := a.Store.CreateThemeAlias(ctx, al); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, sg.Errorf(sg.EEXISTS, "Alias %s of theme %s already exists.", name, a.ThemeARN(accountID, themeID))
		}
		return nil, err
	}
	return al, nil
}

// DescribeThemeAlias returns an alias ($LATEST names the latest version).
func (a *App) DescribeThemeAlias(ctx context.Context, accountID, themeID, name string) (*sg.ThemeAlias, error) {
	t, err := a.checkThemeAliasPath(ctx, "DescribeThemeAlias", accountID, themeID, name)
	if err != nil {
		return nil, err
	}
	return a.themeAlias(ctx, t, name)
}

func (a *App) themeAlias(ctx context.Context, t *sg.Theme, name string) (*sg.ThemeAlias, error) {
	if name == latestAlias {
		return &sg.ThemeAlias{AccountID: t.AccountID, ThemeID: t.ID, Name: name, VersionNumber: t.VersionNumber}, nil
	}
	al, err := a.Store.FindThemeAlias(ctx, t.AccountID, t.ID, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, a.themeAliasNotFound(t.AccountID, t.ID, name)
	}
	return al, err
}

// UpdateThemeAlias points an alias at another version.
func (a *App) UpdateThemeAlias(ctx context.Context, accountID, themeID, name string, version int64) (*sg.ThemeAlias, error) {
	t, err := a.checkThemeAliasPath(ctx, "UpdateThemeAlias", accountID, themeID, name)
	if err != nil {
		return nil, err
	}
	if name == latestAlias || name == "$PUBLISHED" {
		return nil, sg.Errorf(sg.EINVALID, "AliasName %s is reserved.", name)
	}
	if err := a.checkAliasTarget(ctx, t, version); err != nil {
		return nil, err
	}
	al := &sg.ThemeAlias{AccountID: accountID, ThemeID: themeID, Name: name, VersionNumber: version}
	if err := a.Store.UpdateThemeAlias(ctx, al); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, a.themeAliasNotFound(accountID, themeID, name)
		}
		return nil, err
	}
	return al, nil
}

// DeleteThemeAlias deletes an alias.
func (a *App) DeleteThemeAlias(ctx context.Context, accountID, themeID, name string) error {
	if _, err := a.checkThemeAliasPath(ctx, "DeleteThemeAlias", accountID, themeID, name); err != nil {
		return err
	}
	err := a.Store.DeleteThemeAlias(ctx, accountID, themeID, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return a.themeAliasNotFound(accountID, themeID, name)
	}
	return err
}

// ListThemeAliases lists a theme's aliases by name, a page at a time.
func (a *App) ListThemeAliases(ctx context.Context, accountID, themeID, nextToken string, maxResults *int) ([]*sg.ThemeAlias, string, error) {
	if _, err := a.checkThemeAliasPath(ctx, "ListThemeAliases", accountID, themeID, ""); err != nil {
		return nil, "", err
	}
	list := "theme-aliases-" + themeID
	page, err := pageRequest(list, accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	all, err := a.Store.ListThemeAliases(ctx, accountID, themeID)
	if err != nil {
		return nil, "", err
	}
	out := []*sg.ThemeAlias{}
	for _, al := range all {
		if al.Name <= page.After {
			continue
		}
		if len(out) == page.Limit {
			return out, encodeNextToken(list, accountID, out[len(out)-1].Name), nil
		}
		out = append(out, al)
	}
	return out, "", nil
}
