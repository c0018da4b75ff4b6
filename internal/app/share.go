package app

import (
	"context"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// SharePrincipal is a user or group a console user may share with.
type SharePrincipal struct {
	ARN   string
	Name  string
	Group bool
}

// ConsoleSharePrincipals lists whom u may share with from the console:
// the users and groups of u's own namespace (users of a namespace share
// only within it, as in QuickSight), at most consoleListLimit of each,
// groups first. It is for the console's share dialog.
func (a *App) ConsoleSharePrincipals(ctx context.Context, u *sg.User) ([]SharePrincipal, error) {
	var out []SharePrincipal
	groups, err := listVisible(ctx,
		func(p sg.Page) ([]*sg.Group, bool, error) {
			return a.Store.ListGroups(ctx, u.AccountID, u.Namespace, "", p)
		},
		func(g *sg.Group) string { return g.Name },
		func(*sg.Group) bool { return true })
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		out = append(out, SharePrincipal{ARN: a.GroupARN(g), Name: g.Name, Group: true})
	}
	users, err := listVisible(ctx,
		func(p sg.Page) ([]*sg.User, bool, error) { return a.Store.ListUsers(ctx, u.AccountID, u.Namespace, p) },
		func(v *sg.User) string { return v.UserName },
		func(*sg.User) bool { return true })
	if err != nil {
		return nil, err
	}
	for _, v := range users {
		out = append(out, SharePrincipal{ARN: a.UserARN(v), Name: v.UserName})
	}
	return out, nil
}

// ConsoleCheckShare refuses a share from the console that names a
// principal outside u's namespace (InvalidParameterValue): users of a
// namespace share only with the users and groups of that namespace. The
// account's API callers are not so bound (see README, Groups and
// namespaces).
func (a *App) ConsoleCheckShare(u *sg.User, perms []sg.ResourcePermission) error {
	for _, p := range perms {
		arn, ok := sg.ParseARN(p.Principal)
		kind, rest, _ := strings.Cut(arn.Resource, "/")
		ns, _, _ := strings.Cut(rest, "/")
		if !ok || arn.AccountID != u.AccountID || (kind != "user" && kind != "group") || ns != u.Namespace {
			return sg.Errorf(sg.EINVALID, "You can share only with users and groups of namespace %s; %s is not one of them.", u.Namespace, p.Principal)
		}
	}
	return nil
}
