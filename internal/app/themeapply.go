package app

import (
	"context"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// ThemeToApply returns the style of a theme a viewer asks to draw its
// dashboard with (the embedding SDK's setTheme): a starting theme, or a
// custom theme of the account shared with the user. An anonymous session
// may apply starting themes only (its authorized theme ARNs are not kept).
// Themes change colors and fonts, never the numbers drawn.
func (a *App) ThemeToApply(ctx context.Context, u *sg.User, themeARN string) (*ThemeStyle, error) {
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
	if u.Anonymous() {
		return nil, sg.Errorf(sg.EACCESSDENIED, "An anonymous embedded session can apply starting themes only, not %s.", themeARN)
	}
	if p.AccountID != u.AccountID || p.Region != a.Region {
		return nil, notFound
	}
	t, err := a.Store.FindTheme(ctx, u.AccountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, notFound
	} else if err != nil {
		return nil, err
	}
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return nil, err
	}
	if !visible(t.Permissions) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Theme %s is not shared with you.", themeARN)
	}
	s := a.ThemeStyleOf(ctx, u.AccountID, themeARN)
	if s == nil || s.Notice != "" {
		return nil, notFound
	}
	return s, nil
}
