package app

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
)

// The start page's finder and "Recently opened": content a user may see,
// searched, filtered by kind and sorted, and what they opened last.

// StartItem is a dashboard, analysis or dataset as the start page shows
// it: a card with its owner and last change.
type StartItem struct {
	Kind      string // "dashboard", "analysis" or "dataset"
	KindLabel string
	ID        string
	Name      string
	Path      string // under /embedding/{sid}
	Owner     string // the first co-owner's name, "" if none is named
	UpdatedAt time.Time
	OpenedAt  time.Time // for recently opened items
}

// RecentLimit bounds the start page's "Recently opened".
const RecentLimit = 8

// ownerActions are the actions that make a principal an owner of each kind.
var ownerActions = map[string]string{
	"dashboard": "quicksight:UpdateDashboard",
	"analysis":  "quicksight:UpdateAnalysis",
	"dataset":   "quicksight:UpdateDataSet",
}

// OwnerName returns the name of the first principal perms grant action
// (a co-owner of the content), or "".
func OwnerName(perms []sg.ResourcePermission, action string) string {
	for _, p := range perms {
		if slices.Contains(p.Actions, action) {
			name := p.Principal
			if i := strings.LastIndex(name, "/"); i >= 0 {
				name = name[i+1:]
			}
			return name
		}
	}
	return ""
}

// ConsoleRecordOpen records that u opened a dashboard or analysis
// (sg.RecentDashboard, sg.RecentAnalysis) in the console. Anonymous
// sessions record nothing.
func (a *App) ConsoleRecordOpen(ctx context.Context, u *sg.User, kind, id string) error {
	if u.Anonymous() || u.PrincipalID == "" {
		return nil
	}
	return a.Store.PutRecentOpen(ctx, &sg.RecentOpen{AccountID: u.AccountID, PrincipalID: u.PrincipalID, Kind: kind, ResourceID: id, OpenedAt: a.now()})
}

// ConsoleRecent returns what u opened last that u may still open, the
// latest first, at most RecentLimit.
func (a *App) ConsoleRecent(ctx context.Context, u *sg.User) ([]StartItem, error) {
	if u.Anonymous() || u.PrincipalID == "" {
		return nil, nil
	}
	opens, err := a.Store.ListRecentOpens(ctx, u.AccountID, u.PrincipalID, 2*RecentLimit)
	if err != nil {
		return nil, err
	}
	author, err := a.ConsoleAuthor(ctx, u)
	if err != nil {
		return nil, err
	}
	var out []StartItem
	for _, o := range opens {
		var it StartItem
		switch o.Kind {
		case sg.RecentDashboard:
			d, err := a.ConsoleDashboard(ctx, u, o.ResourceID)
			if err != nil {
				continue // deleted, or no longer shared
			}
			it = dashboardItem(d)
		case sg.RecentAnalysis:
			if !author {
				continue
			}
			an, err := a.ConsoleAnalysis(ctx, u, o.ResourceID)
			if err != nil {
				continue
			}
			it = analysisItem(an)
		default:
			continue
		}
		it.OpenedAt = o.OpenedAt
		out = append(out, it)
		if len(out) == RecentLimit {
			break
		}
	}
	return out, nil
}

func dashboardItem(d *sg.Dashboard) StartItem {
	return StartItem{Kind: "dashboard", KindLabel: "Dashboard", ID: d.ID, Name: d.Name, Path: "/dashboards/" + d.ID, Owner: OwnerName(d.Permissions, ownerActions["dashboard"]), UpdatedAt: d.UpdatedAt}
}

func analysisItem(an *sg.Analysis) StartItem {
	return StartItem{Kind: "analysis", KindLabel: "Analysis", ID: an.ID, Name: an.Name, Path: "/analyses/" + an.ID, Owner: OwnerName(an.Permissions, ownerActions["analysis"]), UpdatedAt: an.UpdatedAt}
}

// Finder sorts.
const (
	SortUpdated  = "updated" // the latest change first
	SortNameAsc  = "name"
	SortNameDesc = "-name"
)

// ConsoleFind searches the dashboards, analyses and datasets u may see:
// those whose name or id contains every word of q (case-insensitive; an
// empty q matches all), of one kind ("dashboard", "analysis", "dataset";
// "" for all), sorted by sort (SortUpdated by default). Readers find
// dashboards only.
func (a *App) ConsoleFind(ctx context.Context, u *sg.User, q, kind, sort string) ([]StartItem, error) {
	switch kind {
	case "", "dashboard", "analysis", "dataset":
	default:
		return nil, sg.Errorf(sg.EINVALID, "Type must be dashboard, analysis or dataset.")
	}
	switch sort {
	case "":
		sort = SortUpdated
	case SortUpdated, SortNameAsc, SortNameDesc:
	default:
		return nil, sg.Errorf(sg.EINVALID, "Sort must be updated, name or -name.")
	}
	if len(q) > 256 {
		return nil, sg.Errorf(sg.EINVALID, "A search has at most 256 characters.")
	}
	words := strings.Fields(strings.ToLower(q))
	match := func(name, id string) bool {
		name, id = strings.ToLower(name), strings.ToLower(id)
		for _, w := range words {
			if !strings.Contains(name, w) && !strings.Contains(id, w) {
				return false
			}
		}
		return true
	}
	author, err := a.ConsoleAuthor(ctx, u)
	if err != nil {
		return nil, err
	}
	var out []StartItem
	if kind == "" || kind == "dashboard" {
		list, err := a.ConsoleDashboards(ctx, u)
		if err != nil {
			return nil, err
		}
		for _, d := range list {
			if match(d.Name, d.ID) {
				out = append(out, dashboardItem(d))
			}
		}
	}
	if author && (kind == "" || kind == "analysis") {
		list, err := a.ConsoleAnalyses(ctx, u)
		if err != nil {
			return nil, err
		}
		for _, an := range list {
			if match(an.Name, an.ID) {
				out = append(out, analysisItem(an))
			}
		}
	}
	if IsAuthorRole(u.Role) && (kind == "" || kind == "dataset") {
		list, err := a.ConsoleDataSets(ctx, u)
		if err != nil {
			return nil, err
		}
		for _, ds := range list {
			if match(ds.Name, ds.ID) {
				out = append(out, StartItem{Kind: "dataset", KindLabel: "Dataset", ID: ds.ID, Name: ds.Name, Path: "/data/sets/" + ds.ID, Owner: OwnerName(ds.Permissions, ownerActions["dataset"]), UpdatedAt: ds.UpdatedAt})
			}
		}
	}
	slices.SortStableFunc(out, func(x, y StartItem) int {
		switch sort {
		case SortNameAsc:
			return cmp.Or(cmp.Compare(strings.ToLower(x.Name), strings.ToLower(y.Name)), cmp.Compare(x.ID, y.ID))
		case SortNameDesc:
			return cmp.Or(cmp.Compare(strings.ToLower(y.Name), strings.ToLower(x.Name)), cmp.Compare(y.ID, x.ID))
		}
		return cmp.Or(y.UpdatedAt.Compare(x.UpdatedAt), cmp.Compare(x.ID, y.ID))
	})
	return out, nil
}
