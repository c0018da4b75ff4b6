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

// canSee reports whether user may see a resource with these permissions:
// admins see everything, other users what is shared with them.
func (a *App) canSee(u *sg.User, perms []sg.ResourcePermission) bool {
	if IsAdminRole(u.Role) {
		return true
	}
	arn := a.UserARN(u)
	return slices.ContainsFunc(perms, func(p sg.ResourcePermission) bool { return p.Principal == arn })
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
	return cachedList(a, &a.lists.dashboards, u, func() ([]*sg.Dashboard, error) {
		return a.consoleDashboards(ctx, u)
	})
}

func (a *App) consoleDashboards(ctx context.Context, u *sg.User) ([]*sg.Dashboard, error) {
	return listVisible(ctx,
		func(p sg.Page) ([]*sg.Dashboard, bool, error) { return a.Store.ListDashboards(ctx, u.AccountID, p) },
		func(d *sg.Dashboard) string { return d.ID },
		func(d *sg.Dashboard) bool { return a.canSee(u, d.Permissions) })
}

// ConsoleAnalyses lists the analyses user may see; readers see none. The
// result is shared, as ConsoleDashboards'.
func (a *App) ConsoleAnalyses(ctx context.Context, u *sg.User) ([]*sg.Analysis, error) {
	if !IsAuthorRole(u.Role) {
		return nil, nil
	}
	if err := a.checkCapability(ctx, u, CapabilityAnalysis); err != nil {
		return nil, err
	}
	return cachedList(a, &a.lists.analyses, u, func() ([]*sg.Analysis, error) {
		return listVisible(ctx,
			func(p sg.Page) ([]*sg.Analysis, bool, error) { return a.Store.ListAnalyses(ctx, u.AccountID, p) },
			func(an *sg.Analysis) string { return an.ID },
			func(an *sg.Analysis) bool { return a.canSee(u, an.Permissions) })
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
	if !a.canSee(u, d.Permissions) {
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
	if err := a.checkCapability(ctx, u, CapabilityAnalysis); err != nil {
		return nil, err
	}
	an, err := a.Store.FindAnalysis(ctx, u.AccountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND || err == nil && an.Deleted() {
		return nil, sg.Errorf(sg.ENOTFOUND, "Analysis %s doesn't exist.", id)
	} else if err != nil {
		return nil, err
	}
	if !a.canSee(u, an.Permissions) {
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
	favs, err := a.Store.ListFavorites(ctx, u.AccountID, u.PrincipalID)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(favs, func(f *sg.Favorite) bool { return f.Kind == kind && f.ResourceID == id }), nil
}

// SetFavorite marks (on) or unmarks a dashboard or analysis user can see.
func (a *App) SetFavorite(ctx context.Context, u *sg.User, kind, id string, on bool) error {
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
