package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	sg "github.com/sightglass/sightglass"
)

// MaxThemeVersions is how many versions one theme may have; an UpdateTheme
// beyond it is refused with LimitExceededException.
const MaxThemeVersions = 1000

// ThemeInput is the members of CreateTheme and UpdateTheme.
type ThemeInput struct {
	Name               string // optional on update: the name stays
	BaseThemeID        string
	VersionDescription string
	Configuration      json.RawMessage // a ThemeConfiguration; optional on update
	Permissions        []sg.ResourcePermission
	Tags               []sg.Tag
}

// ThemeAtVersion is a theme, custom or one of QuickSight's starting
// themes, with one of its versions.
type ThemeAtVersion struct {
	Theme   *sg.Theme
	Version *sg.ThemeVersion
	Builtin bool // a starting theme (Type QUICKSIGHT)
}

// ThemeARN returns the ARN of a custom theme, or of a starting theme for
// a built-in id.
func (a *App) ThemeARN(accountID, id string) string {
	if accountID == sg.AWSManagedAccount {
		return BuiltinThemeARN(id)
	}
	return sg.QuickSightARN(a.Region, accountID, "theme/"+id)
}

// ThemeVersionARN returns the ARN of one version of a theme.
func (a *App) ThemeVersionARN(accountID, id string, version int64) string {
	return a.ThemeARN(accountID, id) + "/version/" + strconv.FormatInt(version, 10)
}

func themeNotFound(arn string) error {
	return sg.Errorf(sg.ENOTFOUND, "Theme %s is not found.", arn)
}

func checkThemeID(id string) error { return checkModel("ShortRestrictiveResourceId", "themeId", id) }

// checkThemePath validates the account and theme id, authorizes the
// action on the theme and checks the subscription.
func (a *App) checkThemePath(ctx context.Context, action, accountID, id string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	resource := a.ThemeARN(accountID, "*")
	if id != "" {
		if err := checkThemeID(id); err != nil {
			return err
		}
		resource = a.ThemeARN(accountID, id)
	}
	if err := a.authorize(ctx, accountID, action, resource); err != nil {
		return err
	}
	_, err := a.account(ctx, accountID)
	return err
}

// checkThemeInput validates what a new version of a theme carries.
func checkThemeInput(in *ThemeInput, create bool) error {
	if create || in.Name != "" {
		if err := checkModel("ThemeName", "name", in.Name); err != nil {
			return err
		}
	}
	if in.BaseThemeID == "" {
		return required("baseThemeId")
	}
	if err := checkModel("ShortRestrictiveResourceId", "baseThemeId", in.BaseThemeID); err != nil {
		return err
	}
	if !isBuiltinTheme(in.BaseThemeID) {
		return sg.Errorf(sg.EINVALID, "BaseThemeId %s is not a starting theme; use one of CLASSIC, MIDNIGHT, RAINIER, SEASIDE.", in.BaseThemeID)
	}
	if in.VersionDescription != "" {
		if err := checkModel("VersionDescription", "versionDescription", in.VersionDescription); err != nil {
			return err
		}
	}
	if create && (in.Configuration == nil || isNull(in.Configuration)) {
		return required("configuration")
	}
	if in.Configuration != nil && !isNull(in.Configuration) {
		if _, err := parseThemeConfiguration(in.Configuration); err != nil {
			return err
		}
	}
	return nil
}

// CreateTheme creates a custom theme and its version 1.
func (a *App) CreateTheme(ctx context.Context, accountID, id string, in *ThemeInput) (*ThemeAtVersion, error) {
	if err := a.checkThemePath(ctx, "CreateTheme", accountID, id); err != nil {
		return nil, err
	}
	if err := checkThemeInput(in, true); err != nil {
		return nil, err
	}
	if err := checkPermissions("permissions", in.Permissions); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	if isBuiltinTheme(id) {
		return nil, sg.Errorf(sg.EEXISTS, "Theme %s is a QuickSight starting theme.", id)
	}
	now := a.now()
	t := &sg.Theme{AccountID: accountID, ID: id, Name: in.Name, Permissions: in.Permissions, Tags: in.Tags, CreatedAt: now, UpdatedAt: now}
	v := &sg.ThemeVersion{AccountID: accountID, ThemeID: id, BaseThemeID: in.BaseThemeID, Description: in.VersionDescription,
		Configuration: nullable(in.Configuration), CreatedAt: now}
	if err := a.Store.CreateTheme(ctx, t, v); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, sg.Errorf(sg.EEXISTS, "Theme %s already exists.", a.ThemeARN(accountID, id))
		}
		return nil, err
	}
	return &ThemeAtVersion{Theme: t, Version: v}, nil
}

// builtinThemeAt returns a starting theme as a theme of one version.
func builtinThemeAt(id string) *ThemeAtVersion {
	b := builtinThemes[id]
	return &ThemeAtVersion{
		Theme:   &sg.Theme{AccountID: sg.AWSManagedAccount, ID: id, Name: b.Name, VersionNumber: 1},
		Version: &sg.ThemeVersion{AccountID: sg.AWSManagedAccount, ThemeID: id, VersionNumber: 1, BaseThemeID: id, Configuration: b.Configuration},
		Builtin: true,
	}
}

// DescribeTheme returns a theme at its latest version, at version (> 0)
// or at an alias ($LATEST or one of CreateThemeAlias). accountID may be
// "aws" for a starting theme.
func (a *App) DescribeTheme(ctx context.Context, accountID, id string, version int64, alias string) (*ThemeAtVersion, error) {
	if accountID == sg.AWSManagedAccount {
		if err := checkThemeID(id); err != nil {
			return nil, err
		}
		caller := sg.CallerFromContext(ctx)
		if caller != nil {
			if err := a.authorize(ctx, caller.AccountID, "DescribeTheme", BuiltinThemeARN(id)); err != nil {
				return nil, err
			}
		}
		if !isBuiltinTheme(id) {
			return nil, themeNotFound(BuiltinThemeARN(id))
		}
	} else if err := a.checkThemePath(ctx, "DescribeTheme", accountID, id); err != nil {
		return nil, err
	}
	if version != 0 && alias != "" {
		return nil, sg.Errorf(sg.EINVALID, "Give either VersionNumber or AliasName, not both.")
	}
	if alias != "" {
		if err := checkModel("AliasName", "aliasName", alias); err != nil {
			return nil, err
		}
	}
	if version < 0 {
		return nil, invalid("versionNumber", fmt.Sprint(version), "Member must have value greater than or equal to 1")
	}
	if isBuiltinTheme(id) {
		if alias != "" && alias != latestAlias {
			return nil, a.themeAliasNotFound(accountID, id, alias)
		}
		if version > 1 {
			return nil, sg.Errorf(sg.ENOTFOUND, "Version %d of theme %s is not found.", version, BuiltinThemeARN(id))
		}
		return builtinThemeAt(id), nil
	}
	t, err := a.findTheme(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	if alias != "" {
		al, err := a.themeAlias(ctx, t, alias)
		if err != nil {
			return nil, err
		}
		version = al.VersionNumber
	}
	if version == 0 {
		version = t.VersionNumber
	}
	v, err := a.Store.FindThemeVersion(ctx, accountID, id, version)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.ENOTFOUND, "Version %d of theme %s is not found.", version, a.ThemeARN(accountID, id))
	} else if err != nil {
		return nil, err
	}
	return &ThemeAtVersion{Theme: t, Version: v}, nil
}

func (a *App) findTheme(ctx context.Context, accountID, id string) (*sg.Theme, error) {
	t, err := a.Store.FindTheme(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, themeNotFound(a.ThemeARN(accountID, id))
	}
	return t, err
}

// findCustomTheme finds a custom theme for an operation that changes it
// or its permissions: a starting theme is not found in the account, as
// in QuickSight.
func (a *App) findCustomTheme(ctx context.Context, accountID, id string) (*sg.Theme, error) {
	if isBuiltinTheme(id) {
		return nil, themeNotFound(a.ThemeARN(accountID, id))
	}
	return a.findTheme(ctx, accountID, id)
}

// UpdateTheme adds a version to a custom theme (and renames it when
// in.Name is set). A version without a Configuration keeps the previous
// version's.
func (a *App) UpdateTheme(ctx context.Context, accountID, id string, in *ThemeInput) (*ThemeAtVersion, error) {
	if err := a.checkThemePath(ctx, "UpdateTheme", accountID, id); err != nil {
		return nil, err
	}
	if err := checkThemeInput(in, false); err != nil {
		return nil, err
	}
	t, err := a.findCustomTheme(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	if t.VersionNumber >= MaxThemeVersions {
		return nil, sg.Errorf(sg.ELIMIT, "Theme %s has %d versions, the most a theme may have.", a.ThemeARN(accountID, id), MaxThemeVersions)
	}
	conf := nullable(in.Configuration)
	if conf == nil {
		prev, err := a.Store.FindThemeVersion(ctx, accountID, id, t.VersionNumber)
		if err != nil {
			return nil, err
		}
		conf = prev.Configuration
	}
	if in.Name != "" {
		t.Name = in.Name
	}
	now := a.now()
	t.UpdatedAt = now
	v := &sg.ThemeVersion{AccountID: accountID, ThemeID: id, BaseThemeID: in.BaseThemeID, Description: in.VersionDescription,
		Configuration: conf, CreatedAt: now}
	if err := a.Store.UpdateTheme(ctx, t, v); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, themeNotFound(a.ThemeARN(accountID, id))
		}
		return nil, err
	}
	return &ThemeAtVersion{Theme: t, Version: v}, nil
}

// DeleteTheme deletes a custom theme with all its versions. Deleting one
// version (VersionNumber) is refused: Sightglass does not delete single
// theme versions.
func (a *App) DeleteTheme(ctx context.Context, accountID, id string, version int64) error {
	if err := a.checkThemePath(ctx, "DeleteTheme", accountID, id); err != nil {
		return err
	}
	if version != 0 {
		return sg.Errorf(sg.EINVALID, "Deleting one version of a theme (VersionNumber) is not supported by Sightglass; delete the theme without VersionNumber.")
	}
	if _, err := a.findCustomTheme(ctx, accountID, id); err != nil {
		return err
	}
	err := a.Store.DeleteTheme(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return themeNotFound(a.ThemeARN(accountID, id))
	}
	return err
}

// ThemeTypes are the values of ListThemes' Type.
var ThemeTypes = []string{"QUICKSIGHT", "CUSTOM", "ALL"}

// ListThemes lists the starting themes (Type QUICKSIGHT), the account's
// custom themes (CUSTOM), or both, starting themes first (ALL, the
// default). A page's NextToken names the last theme listed; starting
// theme ids are upper case and custom ones are paged after them.
func (a *App) ListThemes(ctx context.Context, accountID, themeType, nextToken string, maxResults *int) ([]*ThemeAtVersion, string, error) {
	if err := a.checkThemePath(ctx, "ListThemes", accountID, ""); err != nil {
		return nil, "", err
	}
	if themeType == "" {
		themeType = "ALL"
	}
	if err := checkEnum("type", themeType, ThemeTypes); err != nil {
		return nil, "", err
	}
	list := "themes-" + themeType
	page, err := pageRequest(list, accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	// page.After is "q:ID" after a starting theme, "c:ID" after a custom one.
	phase, after := "q", ""
	if page.After != "" {
		if len(page.After) < 2 || (page.After[:2] != "q:" && page.After[:2] != "c:") {
			return nil, "", sg.Errorf(sg.EINVALIDNEXTTOKEN, "The NextToken is not valid.")
		}
		phase, after = page.After[:1], page.After[2:]
	}
	var out []*ThemeAtVersion
	last := ""
	if phase == "q" && themeType != "CUSTOM" {
		started := after == ""
		for _, id := range builtinThemeIDs {
			if !started {
				started = id == after
				continue
			}
			if len(out) == page.Limit {
				return out, encodeNextToken(list, accountID, last), nil
			}
			out, last = append(out, builtinThemeAt(id)), "q:"+id
		}
		after = ""
	}
	if themeType == "QUICKSIGHT" {
		return out, "", nil
	}
	if len(out) == page.Limit {
		// The page is full of starting themes; custom ones follow if any.
		more, _, err := a.Store.ListThemes(ctx, accountID, sg.Page{Limit: 1})
		if err != nil || len(more) == 0 {
			return out, "", err
		}
		return out, encodeNextToken(list, accountID, last), nil
	}
	themes, more, err := a.Store.ListThemes(ctx, accountID, sg.Page{After: after, Limit: page.Limit - len(out)})
	if err != nil {
		return nil, "", err
	}
	for _, t := range themes {
		out = append(out, &ThemeAtVersion{Theme: t})
	}
	if !more || len(themes) == 0 {
		return out, "", nil
	}
	return out, encodeNextToken(list, accountID, "c:"+themes[len(themes)-1].ID), nil
}

// ListThemeVersions lists a theme's versions by number.
func (a *App) ListThemeVersions(ctx context.Context, accountID, id, nextToken string, maxResults *int) ([]*sg.ThemeVersion, string, error) {
	if err := a.checkThemePath(ctx, "ListThemeVersions", accountID, id); err != nil {
		return nil, "", err
	}
	list := "theme-versions-" + id
	page, err := pageRequest(list, accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	if isBuiltinTheme(id) {
		if page.After != "" {
			return []*sg.ThemeVersion{}, "", nil
		}
		return []*sg.ThemeVersion{builtinThemeAt(id).Version}, "", nil
	}
	var after int64
	if page.After != "" {
		if after, err = strconv.ParseInt(page.After, 10, 64); err != nil {
			return nil, "", sg.Errorf(sg.EINVALIDNEXTTOKEN, "The NextToken is not valid.")
		}
	}
	versions, more, err := a.Store.ListThemeVersions(ctx, accountID, id, after, page.Limit)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, "", themeNotFound(a.ThemeARN(accountID, id))
	} else if err != nil || !more || len(versions) == 0 {
		return versions, "", err
	}
	return versions, encodeNextToken(list, accountID, strconv.FormatInt(versions[len(versions)-1].VersionNumber, 10)), nil
}

// DescribeThemePermissions returns a custom theme with its permissions.
func (a *App) DescribeThemePermissions(ctx context.Context, accountID, id string) (*sg.Theme, error) {
	if err := a.checkThemePath(ctx, "DescribeThemePermissions", accountID, id); err != nil {
		return nil, err
	}
	return a.findCustomTheme(ctx, accountID, id)
}

// UpdateThemePermissions grants and revokes permissions on a custom
// theme; it adds no version.
func (a *App) UpdateThemePermissions(ctx context.Context, accountID, id string, grant, revoke []sg.ResourcePermission) (*sg.Theme, error) {
	if err := a.checkThemePath(ctx, "UpdateThemePermissions", accountID, id); err != nil {
		return nil, err
	}
	if err := checkPermissions("grantPermissions", grant); err != nil {
		return nil, err
	}
	if err := checkPermissions("revokePermissions", revoke); err != nil {
		return nil, err
	}
	t, err := a.findCustomTheme(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	if t.Permissions, err = mergePermissions(t.Permissions, grant, revoke); err != nil {
		if sg.ErrorCode(err) == sg.EINVALID {
			return nil, sg.Errorf(sg.ELIMIT, "%s", err.Error())
		}
		return nil, err
	}
	t.UpdatedAt = a.now()
	if err := a.Store.UpdateTheme(ctx, t, nil); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, themeNotFound(a.ThemeARN(accountID, id))
		}
		return nil, err
	}
	return t, nil
}
