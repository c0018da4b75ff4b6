package app

import (
	"context"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// ThemeToApply returns the style of a theme a viewer asks to draw its
// dashboard with (the embedding SDK's setTheme): a starting theme, or a
// custom theme of the account shared with the user. An anonymous session,
// which has no user to share with, may apply the custom themes its
// AuthorizedResourceArns listed (the caller's IAM grant is the permission,
// as for its dashboards). Themes change colors and fonts, never the
// numbers drawn.
func (a *App) ThemeToApply(ctx context.Context, sess *sg.Session, u *sg.User, themeARN string) (*ThemeStyle, error) {
	notFound := sg.Errorf(sg.ENOTFOUND, "Theme %s doesn't exist.", themeARN)
	p, ok := sg.ParseARN(themeARN)
	if !ok {
		return nil, sg.Errorf(sg.EINVALID, "'%s' is not a theme ARN.", themeARN)
	}
	kind, id, _ := strings.Cut(p.Resource, "/")
	if kind != "theme" || !isResourceID(id) {
		return nil, sg.Errorf(sg.EINVALID, "'%s' is not a theme ARN.", themeARN)
	}
	if p.AccountID == sg.AWSManagedAccount {
		if !isBuiltinTheme(id) {
			return nil, notFound
		}
		return builtinStyle(id), nil
	}
	if p.AccountID != u.AccountID || p.Region != a.Region {
		return nil, notFound
	}
	if u.Anonymous() {
		f, err := a.SessionFeatures(ctx, sess)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(f.Themes, id) {
			return nil, sg.Errorf(sg.EACCESSDENIED, "Theme %s is not among the AuthorizedResourceArns of this anonymous embedded session.", themeARN)
		}
	}
	t, err := a.Store.FindTheme(ctx, u.AccountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, notFound
	} else if err != nil {
		return nil, err
	}
	if !u.Anonymous() {
		visible, err := a.visibility(ctx, u)
		if err != nil {
			return nil, err
		}
		if !visible(t.Permissions) {
			return nil, sg.Errorf(sg.EACCESSDENIED, "Theme %s is not shared with you.", themeARN)
		}
	}
	s := a.ThemeStyleOf(ctx, u.AccountID, themeARN)
	if s == nil || s.Notice != "" {
		return nil, notFound
	}
	return s, nil
}
