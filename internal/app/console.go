package app

import (
	"context"
	"slices"
	"time"

	sg "github.com/sightglass/sightglass"
)

// Clock returns the App's current time.
func (a *App) Clock() time.Time { return a.now() }

// IsAuthorRole reports whether a role may author (analyses, data).
func IsAuthorRole(role string) bool {
	switch role {
	case sg.RoleAdmin, sg.RoleAuthor, sg.RoleAdminPro, sg.RoleAuthorPro, sg.RoleRestrictedAuthor:
		return true
	}
	return false
}

// IsAdminRole reports whether a role administers the account.
func IsAdminRole(role string) bool { return role == sg.RoleAdmin || role == sg.RoleAdminPro }

// seesAll reports whether u sees every resource of the account: admins of
// the default namespace do. Users of another namespace see what is shared
// with them, whatever their role, so that tenants stay apart.
func seesAll(u *sg.User) bool {
	return IsAdminRole(u.Role) && u.Namespace == sg.DefaultNamespace
}

// canSee reports whether user may see a resource with these permissions:
// those who see everything do, other users when an entry names one of
// their principals (a.principals: their own ARN, their groups' ARNs). An
// anonymous reader sees its listed dashboards alone (ConsoleDashboard).
func canSee(u *sg.User, principals principalSet, perms []sg.ResourcePermission) bool {
	if u.Anonymous() {
		return false
	}
	if seesAll(u) {
		return true
	}
	for _, p := range perms {
		if principals.has(p.Principal) {
			return true
		}
	}
	return false
}

// visibility returns canSee for user u, with u's principals read once.
func (a *App) visibility(ctx context.Context, u *sg.User) (func([]sg.ResourcePermission) bool, error) {
	if u.Anonymous() {
		return func([]sg.ResourcePermission) bool { return false }, nil
	}
	if seesAll(u) {
		return func([]sg.ResourcePermission) bool { return true }, nil
	}
	principals, err := a.principals(ctx, u)
	if err != nil {
		return nil, err
	}
	return func(perms []sg.ResourcePermission) bool { return canSee(u, principals, perms) }, nil
}

// consoleListLimit bounds the items one console list shows.
const consoleListLimit = 500

// listVisible pages through a list, keeping what user may see.
func listVisible[T any](ctx context.Context, list func(sg.Page) ([]T, bool, error), key func(T) string, visible func(T) bool) ([]T, error) {
	var out []T
	p := sg.Page{Limit: 100}
	for len(out) < consoleListLimit {
		items, more, err := list(p)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if visible(it) {
				out = append(out, it)
			}
		}
		if !more || len(items) == 0 {
			break
		}
		p.After = key(items[len(items)-1])
	}
	return out, nil
}

// ConsoleDashboards lists the dashboards user may see.
// The list comes through the content-list cache (listcache.go): the slice
// is the caller's, the items are shared and must not be modified.
func (a *App) ConsoleDashboards(ctx context.Context, u *sg.User) ([]*sg.Dashboard, error) {
	if u.Anonymous() {
		return nil, errAnonymousConsole
	}
	return cachedList(a, &a.lists.dashboards, u, func() ([]*sg.Dashboard, error) {
		return a.consoleDashboards(ctx, u)
	})
}

func (a *App) consoleDashboards(ctx context.Context, u *sg.User) ([]*sg.Dashboard, error) {
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return nil, err
	}
	return listVisible(ctx,
		func(p sg.Page) ([]*sg.Dashboard, bool, error) { return a.Store.ListDashboards(ctx, u.AccountID, p) },
		func(d *sg.Dashboard) string { return d.ID },
		func(d *sg.Dashboard) bool { return visible(d.Permissions) })
}

// ConsoleAnalyses lists the analyses user may see; readers see none. The
// result is shared, as ConsoleDashboards'.
func (a *App) ConsoleAnalyses(ctx context.Context, u *sg.User) ([]*sg.Analysis, error) {
	if !IsAuthorRole(u.Role) {
		return nil, nil
	}
	if err := a.checkCapability(ctx, u, CapabilityAnalysis, "open analyses"); err != nil {
		return nil, err
	}
	return cachedList(a, &a.lists.analyses, u, func() ([]*sg.Analysis, error) {
		visible, err := a.visibility(ctx, u)
		if err != nil {
			return nil, err
		}
		return listVisible(ctx,
			func(p sg.Page) ([]*sg.Analysis, bool, error) { return a.Store.ListAnalyses(ctx, u.AccountID, p) },
			func(an *sg.Analysis) string { return an.ID },
			func(an *sg.Analysis) bool { return visible(an.Permissions) })
	})
}

// ConsoleDashboard returns a dashboard user may see: ENOTFOUND if there is
// none, EACCESSDENIED if it is not shared with them.
func (a *App) ConsoleDashboard(ctx context.Context, u *sg.User, id string) (*sg.Dashboard, error) {
	d, err := a.Store.FindDashboard(ctx, u.AccountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.ENOTFOUND, "Dashboard %s doesn't exist.", id)
	} else if err != nil {
		return nil, err
	}
	if u.Anonymous() {
		// The dashboard's permissions are not consulted: the embed URL's
		// AuthorizedResourceArns, which the caller's IAM policy allowed,
		// are the grant.
		if !slices.Contains(u.AuthorizedDashboards, id) {
			return nil, sg.Errorf(sg.EACCESSDENIED, "Dashboard %s is not one of the dashboards this embedded session may open.", id)
		}
		return d, nil
	}
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return nil, err
	}
	if !visible(d.Permissions) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Dashboard %s is not shared with you.", id)
	}
	return d, nil
}

// ConsoleAnalysis returns an analysis user may open; readers may not, and
// deleted analyses are ENOTFOUND.
func (a *App) ConsoleAnalysis(ctx context.Context, u *sg.User, id string) (*sg.Analysis, error) {
	if !IsAuthorRole(u.Role) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Readers can't open analyses.")
	}
	if err := a.checkCapability(ctx, u, CapabilityAnalysis, "open analyses"); err != nil {
		return nil, err
	}
	an, err := a.Store.FindAnalysis(ctx, u.AccountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND || err == nil && an.Deleted() {
		return nil, sg.Errorf(sg.ENOTFOUND, "Analysis %s doesn't exist.", id)
	} else if err != nil {
		return nil, err
	}
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return nil, err
	}
	if !visible(an.Permissions) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Analysis %s is not shared with you.", id)
	}
	return an, nil
}

// FavoriteItem is a favorite with what the console shows of it.
type FavoriteItem struct {
	*sg.Favorite
	Name      string
	KindLabel string
	Href      string
}

// ConsoleFavorites lists user's favorites that they can still see, with
// links inside the embed session sid.
func (a *App) ConsoleFavorites(ctx context.Context, u *sg.User, sid string) ([]*FavoriteItem, error) {
	if u.Anonymous() {
		return nil, errAnonymousConsole
	}
	favs, err := a.Store.ListFavorites(ctx, u.AccountID, u.PrincipalID)
	if err != nil {
		return nil, err
	}
	var out []*FavoriteItem
	for _, f := range favs {
		item := &FavoriteItem{Favorite: f}
		switch f.Kind {
		case sg.FavoriteDashboard:
			d, err := a.ConsoleDashboard(ctx, u, f.ResourceID)
			if err != nil {
				continue
			}
			item.Name, item.KindLabel, item.Href = d.Name, "Dashboard", "/embedding/"+sid+"/dashboards/"+d.ID
		case sg.FavoriteAnalysis:
			an, err := a.ConsoleAnalysis(ctx, u, f.ResourceID)
			if err != nil {
				continue
			}
			item.Name, item.KindLabel, item.Href = an.Name, "Analysis", "/embedding/"+sid+"/analyses/"+an.ID
		default:
			continue
		}
		out = append(out, item)
	}
	return out, nil
}

// IsFavorite reports whether user marked the resource.
func (a *App) IsFavorite(ctx context.Context, u *sg.User, kind, id string) (bool, error) {
	if u.Anonymous() {
		return false, nil // an anonymous reader keeps nothing
	}
	favs, err := a.Store.ListFavorites(ctx, u.AccountID, u.PrincipalID)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(favs, func(f *sg.Favorite) bool { return f.Kind == kind && f.ResourceID == id }), nil
}

// SetFavorite marks (on) or unmarks a dashboard or analysis user can see.
func (a *App) SetFavorite(ctx context.Context, u *sg.User, kind, id string, on bool) error {
	if u.Anonymous() {
		return errAnonymousConsole
	}
	var err error
	switch kind {
	case sg.FavoriteDashboard:
		_, err = a.ConsoleDashboard(ctx, u, id)
	case sg.FavoriteAnalysis:
		_, err = a.ConsoleAnalysis(ctx, u, id)
	default:
		err = sg.Errorf(sg.EINVALID, "Unknown favorite kind %s.", kind)
	}
	if err != nil && (on || sg.ErrorCode(err) != sg.ENOTFOUND) {
		return err
	}
	if !on {
		return a.Store.DeleteFavorite(ctx, u.AccountID, u.PrincipalID, kind, id)
	}
	return a.Store.PutFavorite(ctx, &sg.Favorite{AccountID: u.AccountID, PrincipalID: u.PrincipalID, Kind: kind, ResourceID: id, CreatedAt: a.now()})
}
