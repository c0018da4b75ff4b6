package app

import (
	"context"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// SearchFilter is one filter of SearchDashboards, SearchAnalyses,
// SearchDataSets or SearchDataSources.
type SearchFilter struct {
	Operator string
	Name     string
	Value    string
}

// Search filter operators and the ownership names they take.
const (
	searchStringEquals = "StringEquals"
	searchStringLike   = "StringLike"

	searchUser                  = "QUICKSIGHT_USER" // the older name of QUICKSIGHT_VIEWER_OR_OWNER
	searchViewerOrOwner         = "QUICKSIGHT_VIEWER_OR_OWNER"
	searchDirectViewerOrOwner   = "DIRECT_QUICKSIGHT_VIEWER_OR_OWNER"
	searchOwner                 = "QUICKSIGHT_OWNER"
	searchDirectOwner           = "DIRECT_QUICKSIGHT_OWNER"
	searchDirectSoleOwner       = "DIRECT_QUICKSIGHT_SOLE_OWNER"
	searchMaxScannedPerResponse = 10000
	// searchScanPage is how many items a search reads from the store at
	// a time.
	searchScanPage = 500
)

// searchKind describes what one Search operation searches.
type searchKind struct {
	token       string   // the NextToken list name
	nameAttr    string   // e.g. DASHBOARD_NAME
	ownerNames  []string // the ownership names the operation accepts
	shareAction string   // the action that makes a principal an owner
}

var (
	searchDashboards = searchKind{
		token: "search-dashboards", nameAttr: "DASHBOARD_NAME", shareAction: "quicksight:UpdateDashboardPermissions",
		ownerNames: []string{searchUser, searchViewerOrOwner, searchDirectViewerOrOwner, searchOwner, searchDirectOwner, searchDirectSoleOwner},
	}
	searchAnalyses = searchKind{
		token: "search-analyses", nameAttr: "ANALYSIS_NAME", shareAction: "quicksight:UpdateAnalysisPermissions",
		ownerNames: []string{searchUser, searchViewerOrOwner, searchDirectViewerOrOwner, searchOwner, searchDirectOwner, searchDirectSoleOwner},
	}
	searchDataSets = searchKind{
		token: "search-data-sets", nameAttr: "DATASET_NAME", shareAction: "quicksight:UpdateDataSetPermissions",
		ownerNames: []string{searchViewerOrOwner, searchDirectViewerOrOwner, searchOwner, searchDirectOwner, searchDirectSoleOwner},
	}
	searchDataSources = searchKind{
		token: "search-data-sources", nameAttr: "DATASOURCE_NAME", shareAction: "quicksight:UpdateDataSourcePermissions",
		ownerNames: []string{searchDirectViewerOrOwner, searchDirectOwner, searchDirectSoleOwner},
	}
)

// searchMatcher tells whether a resource with this name and these
// permissions matches a search.
type searchMatcher func(name string, perms []sg.ResourcePermission) bool

// compile checks a search's filters against the rules QuickSight documents
// and returns their matcher. StringEquals takes an ownership name and the
// ARN of a user or group; StringLike takes the name attribute alone and
// matches names containing the value, ignoring case. Ownership: a
// principal with any action on a resource is a viewer or owner; one that
// may change its permissions is an owner. The implicit names
// (QUICKSIGHT_USER, QUICKSIGHT_OWNER, QUICKSIGHT_VIEWER_OR_OWNER) count
// grants to the groups of a user ARN as well, through implicit (nil: no
// groups); the DIRECT_ names count the ARN's own grants alone. Sightglass
// has no folders.
func (k searchKind) compile(accountID string, filters []SearchFilter, implicit func(sg.ARN) (principalSet, error)) (searchMatcher, error) {
	if len(filters) != 1 {
		return nil, sg.Errorf(sg.EINVALID, "Exactly one search filter is required; %d were given.", len(filters))
	}
	f := filters[0]
	switch {
	case f.Name == "":
		return nil, sg.Errorf(sg.EINVALID, "The search filter has no Name.")
	case f.Value == "":
		return nil, sg.Errorf(sg.EINVALID, "The search filter %s has no Value.", f.Name)
	case f.Name == k.nameAttr:
		if f.Operator != searchStringLike {
			return nil, sg.Errorf(sg.EINVALID, "The filter name %s takes the operator StringLike, not %s.", f.Name, f.Operator)
		}
		want := strings.ToLower(f.Value)
		return func(name string, _ []sg.ResourcePermission) bool {
			return strings.Contains(strings.ToLower(name), want)
		}, nil
	case !slices.Contains(k.ownerNames, f.Name):
		return nil, sg.Errorf(sg.EINVALID, "The filter name %s is not supported by this operation; use one of %s or %s.", f.Name, strings.Join(k.ownerNames, ", "), k.nameAttr)
	case f.Operator != searchStringEquals:
		return nil, sg.Errorf(sg.EINVALID, "The filter name %s takes the operator StringEquals, not %s.", f.Name, f.Operator)
	}
	arn, ok := sg.ParseARN(f.Value)
	if !ok || arn.Service != "quicksight" || arn.AccountID != accountID ||
		!(strings.HasPrefix(arn.Resource, "user/") || strings.HasPrefix(arn.Resource, "group/")) {
		return nil, sg.Errorf(sg.EINVALID, "The value of the filter %s must be the ARN of a user or group of account %s; got %q.", f.Name, accountID, f.Value)
	}
	principal := f.Value
	counts := func(p string) bool { return p == principal }
	if implicit != nil && !strings.HasPrefix(f.Name, "DIRECT_") {
		groups, err := implicit(arn)
		if err != nil {
			return nil, err
		}
		counts = func(p string) bool { return p == principal || groups.has(p) }
	}
	isOwner := func(p sg.ResourcePermission) bool { return slices.Contains(p.Actions, k.shareAction) }
	switch f.Name {
	case searchOwner, searchDirectOwner:
		return func(_ string, perms []sg.ResourcePermission) bool {
			return slices.ContainsFunc(perms, func(p sg.ResourcePermission) bool { return counts(p.Principal) && isOwner(p) })
		}, nil
	case searchDirectSoleOwner:
		return func(_ string, perms []sg.ResourcePermission) bool {
			owners := 0
			mine := false
			for _, p := range perms {
				if isOwner(p) {
					owners++
					mine = mine || p.Principal == principal
				}
			}
			return mine && owners == 1
		}, nil
	default: // viewer or owner
		return func(_ string, perms []sg.ResourcePermission) bool {
			return slices.ContainsFunc(perms, func(p sg.ResourcePermission) bool { return counts(p.Principal) && len(p.Actions) > 0 })
		}, nil
	}
}

// searchImplicit returns the principals whose grants an implicit search
// name counts for a user ARN of accountID besides the ARN itself: the
// user's and its groups' ARNs (none for an unknown user). A group ARN
// counts alone: groups do not nest.
func (a *App) searchImplicit(ctx context.Context, accountID string) func(sg.ARN) (principalSet, error) {
	return func(arn sg.ARN) (principalSet, error) {
		ns, name, ok := strings.Cut(strings.TrimPrefix(arn.Resource, "user/"), "/")
		if !strings.HasPrefix(arn.Resource, "user/") || !ok || ns == "" || name == "" || strings.Contains(name, "/") {
			return principalSet{}, nil
		}
		e, err := a.userGroups(ctx, accountID, ns, name)
		if err != nil {
			return principalSet{}, err
		}
		return e.principals, nil
	}
}

// searchVisible returns whether the API caller may see a resource with
// these permissions in search results: a caller bound to a QuickSight user
// sees what is shared with that user (an ADMIN sees everything); other
// callers are governed by their IAM policy alone.
type searchVisible func(perms []sg.ResourcePermission) bool

func (a *App) searchVisibility(ctx context.Context, accountID string) (searchVisible, error) {
	u, err := a.callerUser(ctx, accountID)
	if err != nil {
		return nil, err
	}
	if u == nil {
		return func([]sg.ResourcePermission) bool { return true }, nil
	}
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return nil, err
	}
	return searchVisible(visible), nil
}

// search pages through a store list, keeping the items that match and
// that the caller may see, until a page of results is full. The scan per
// request is bounded: past searchMaxScannedPerResponse items a shorter
// page is returned with a NextToken to continue from.
func search[T any](ctx context.Context, a *App, k searchKind, accountID, nextToken string, maxResults *int, filters []SearchFilter,
	list func(sg.Page) ([]T, bool, error), id func(T) string, fields func(T) (string, []sg.ResourcePermission, bool),
) ([]T, string, error) {
	match, err := k.compile(accountID, filters, a.searchImplicit(ctx, accountID))
	if err != nil {
		return nil, "", err
	}
	page, err := pageRequest(k.token, accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	visible, err := a.searchVisibility(ctx, accountID)
	if err != nil {
		return nil, "", err
	}
	var out []T
	scan := sg.Page{Limit: searchScanPage, After: page.After}
	for scanned := 0; ; {
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		items, more, err := list(scan)
		if err != nil {
			return nil, "", err
		}
		for i, it := range items {
			scanned++
			name, perms, ok := fields(it)
			if ok && match(name, perms) && visible(perms) {
				out = append(out, it)
			}
			last := id(it)
			if len(out) == page.Limit || scanned >= searchMaxScannedPerResponse {
				if !more && i == len(items)-1 {
					return out, "", nil
				}
				return out, encodeNextToken(k.token, accountID, last), nil
			}
		}
		if !more || len(items) == 0 {
			return out, "", nil
		}
		scan.After = id(items[len(items)-1])
	}
}

// SearchDashboards returns one page of the dashboards that match filters.
func (a *App) SearchDashboards(ctx context.Context, accountID string, filters []SearchFilter, nextToken string, maxResults *int) ([]*sg.Dashboard, string, error) {
	if err := a.checkDashboardPath(ctx, "SearchDashboards", accountID, ""); err != nil {
		return nil, "", err
	}
	return search(ctx, a, searchDashboards, accountID, nextToken, maxResults, filters,
		func(p sg.Page) ([]*sg.Dashboard, bool, error) { return a.Store.ListDashboards(ctx, accountID, p) },
		func(d *sg.Dashboard) string { return d.ID },
		func(d *sg.Dashboard) (string, []sg.ResourcePermission, bool) { return d.Name, d.Permissions, true })
}

// SearchAnalyses returns one page of the analyses that match filters
// (analyses awaiting their purge are not found).
func (a *App) SearchAnalyses(ctx context.Context, accountID string, filters []SearchFilter, nextToken string, maxResults *int) ([]*sg.Analysis, string, error) {
	if err := a.checkAnalysisPath(ctx, "SearchAnalyses", accountID, ""); err != nil {
		return nil, "", err
	}
	return search(ctx, a, searchAnalyses, accountID, nextToken, maxResults, filters,
		func(p sg.Page) ([]*sg.Analysis, bool, error) { return a.Store.ListAnalyses(ctx, accountID, p) },
		func(an *sg.Analysis) string { return an.ID },
		func(an *sg.Analysis) (string, []sg.ResourcePermission, bool) {
			return an.Name, an.Permissions, !an.Deleted()
		})
}

// SearchDataSets returns one page of the datasets that match filters.
func (a *App) SearchDataSets(ctx context.Context, accountID string, filters []SearchFilter, nextToken string, maxResults *int) ([]*sg.DataSet, string, error) {
	if err := a.checkDataPath(ctx, "SearchDataSets", accountID, "*", nil, a.DataSetARN(accountID, "*")); err != nil {
		return nil, "", err
	}
	return search(ctx, a, searchDataSets, accountID, nextToken, maxResults, filters,
		func(p sg.Page) ([]*sg.DataSet, bool, error) { return a.Store.ListDataSets(ctx, accountID, p) },
		func(d *sg.DataSet) string { return d.ID },
		func(d *sg.DataSet) (string, []sg.ResourcePermission, bool) { return d.Name, d.Permissions, true })
}

// SearchDataSources returns one page of the data sources that match filters.
func (a *App) SearchDataSources(ctx context.Context, accountID string, filters []SearchFilter, nextToken string, maxResults *int) ([]*sg.DataSource, string, error) {
	if err := a.checkDataPath(ctx, "SearchDataSources", accountID, "*", nil, a.DataSourceARN(accountID, "*")); err != nil {
		return nil, "", err
	}
	return search(ctx, a, searchDataSources, accountID, nextToken, maxResults, filters,
		func(p sg.Page) ([]*sg.DataSource, bool, error) { return a.Store.ListDataSources(ctx, accountID, p) },
		func(d *sg.DataSource) string { return d.ID },
		func(d *sg.DataSource) (string, []sg.ResourcePermission, bool) { return d.Name, d.Permissions, true })
}
