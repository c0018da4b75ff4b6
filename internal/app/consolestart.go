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

// findScanLimit bounds the items of each kind one search reads; past it
// the search says it stopped (ConsoleFind's truncated).
const findScanLimit = 20000

// findVisible pages through a whole list (not only the first
// consoleListLimit items the console's lists show), keeping what keep
// accepts, and reports whether it stopped at findScanLimit.
func findVisible[T any](list func(sg.Page) ([]T, bool, error), key func(T) string, keep func(T) bool) ([]T, bool, error) {
	var out []T
	p := sg.Page{Limit: 500}
	scanned := 0
	for {
		items, more, err := list(p)
		if err != nil {
			return nil, false, err
		}
		scanned += len(items)
		for _, it := range items {
			if keep(it) {
				out = append(out, it)
			}
		}
		if !more || len(items) == 0 {
			return out, false, nil
		}
		if scanned >= findScanLimit {
			return out, true, nil
		}
		p.After = key(items[len(items)-1])
	}
}

// ConsoleFind searches the dashboards, analyses and datasets u may see:
// those whose name or id contains every word of q (case-insensitive; an
// empty q matches all), of one kind ("dashboard", "analysis", "dataset";
// "" for all), sorted by sort (SortUpdated by default). Readers find
// dashboards only. truncated reports that a kind had more than
// findScanLimit items and the search read only the first ones.
func (a *App) ConsoleFind(ctx context.Context, u *sg.User, q, kind, sort string) (found []StartItem, truncated bool, err error) {
	switch kind {
	case "", "dashboard", "analysis", "dataset":
	default:
		return nil, false, sg.Errorf(sg.EINVALID, "Type must be dashboard, analysis or dataset.")
	}
	switch sort {
	case "":
		sort = SortUpdated
	case SortUpdated, SortNameAsc, SortNameDesc:
	default:
		return nil, false, sg.Errorf(sg.EINVALID, "Sort must be updated, name or -name.")
	}
	if len(q) > 256 {
		return nil, false, sg.Errorf(sg.EINVALID, "A search has at most 256 characters.")
	}
	if u.Anonymous() {
		return nil, false, errAnonymousConsole
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
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return nil, false, err
	}
	author, err := a.ConsoleAuthor(ctx, u)
	if err != nil {
		return nil, false, err
	}
	var out []StartItem
	if kind == "" || kind == "dashboard" {
		list, more, err := findVisible(
			func(p sg.Page) ([]*sg.Dashboard, bool, error) { return a.Store.ListDashboards(ctx, u.AccountID, p) },
			func(d *sg.Dashboard) string { return d.ID },
			func(d *sg.Dashboard) bool { return match(d.Name, d.ID) && visible(d.Permissions) })
		if err != nil {
			return nil, false, err
		}
		truncated = truncated || more
		for _, d := range list {
			out = append(out, dashboardItem(d))
		}
	}
	if author && (kind == "" || kind == "analysis") {
		list, more, err := findVisible(
			func(p sg.Page) ([]*sg.Analysis, bool, error) { return a.Store.ListAnalyses(ctx, u.AccountID, p) },
			func(an *sg.Analysis) string { return an.ID },
			func(an *sg.Analysis) bool { return match(an.Name, an.ID) && visible(an.Permissions) })
		if err != nil {
			return nil, false, err
		}
		truncated = truncated || more
		for _, an := range list {
			out = append(out, analysisItem(an))
		}
	}
	if requireDataAuthor(u) == nil && a.data != nil && (kind == "" || kind == "dataset") {
		list, more, err := findVisible(
			func(p sg.Page) ([]*sg.DataSet, bool, error) { return a.Store.ListDataSets(ctx, u.AccountID, p) },
			func(d *sg.DataSet) string { return d.ID },
			func(d *sg.DataSet) bool { return match(d.Name, d.ID) && visible(d.Permissions) })
		if err != nil {
			return nil, false, err
		}
		truncated = truncated || more
		for _, ds := range list {
			out = append(out, StartItem{Kind: "dataset", KindLabel: "Dataset", ID: ds.ID, Name: ds.Name, Path: "/data/sets/" + ds.ID, Owner: OwnerName(ds.Permissions, ownerActions["dataset"]), UpdatedAt: ds.UpdatedAt})
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
	return out, truncated, nil
}
