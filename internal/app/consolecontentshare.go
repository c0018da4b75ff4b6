package app

import (
	"context"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// The console's share dialog for analyses and dashboards, as QuickSight's
// console writes permissions: a viewer or a co-owner, each a fixed set of
// actions that Update*Permissions grants (and the other level's extra
// actions revoked, so a level change is one update).

// Capabilities that keep a user from sharing content.
const (
	CapabilityShareAnalyses   = "ShareAnalyses"
	CapabilityShareDashboards = "ShareDashboards"
)

// Share levels of the console's share dialog.
const (
	ShareViewer  = "viewer"
	ShareCoOwner = "co-owner"
	ShareNone    = "none"
)

// AnalysisViewerActions are the actions QuickSight's console grants a
// viewer of an analysis: open it and read its data.
func AnalysisViewerActions() []string {
	return []string{"quicksight:DescribeAnalysis", "quicksight:QueryAnalysis"}
}

// ContentShare is one principal's access to an analysis or dashboard, as
// the share dialog lists it.
type ContentShare struct {
	Principal string // ARN
	Name      string // user or group name
	Group     bool
	Level     string // ShareViewer or ShareCoOwner
}

// contentKind is what the share dialog needs of an analysis or a
// dashboard.
type contentKind struct {
	label, capability, updateAction string
	owner, viewer                   []string
}

func contentKindOf(kind string) (contentKind, error) {
	switch kind {
	case "analyses":
		return contentKind{"analysis", CapabilityShareAnalyses, "quicksight:UpdateAnalysisPermissions", AnalysisOwnerActions(), AnalysisViewerActions()}, nil
	case "dashboards":
		return contentKind{"dashboard", CapabilityShareDashboards, "quicksight:UpdateDashboardPermissions", DashboardOwnerActions(), DashboardReaderActions()}, nil
	}
	return contentKind{}, sg.Errorf(sg.ENOTFOUND, "There is nothing to share at this address.")
}

// contentPermissions returns the permissions of an analysis or dashboard
// u may see.
func (a *App) contentPermissions(ctx context.Context, u *sg.User, kind, id string) ([]sg.ResourcePermission, error) {
	if kind == "analyses" {
		an, err := a.ConsoleAnalysis(ctx, u, id)
		if err != nil {
			return nil, err
		}
		return an.Permissions, nil
	}
	d, err := a.ConsoleDashboard(ctx, u, id)
	if err != nil {
		return nil, err
	}
	return d.Permissions, nil
}

// ConsoleContentShares lists who has access to an analysis or dashboard u
// may see ("analyses" or "dashboards"), and whether u may change it: u
// holds the Update*Permissions action (or sees everything) and their
// custom permissions do not deny sharing.
func (a *App) ConsoleContentShares(ctx context.Context, u *sg.User, kind, id string) ([]ContentShare, bool, error) {
	k, err := contentKindOf(kind)
	if err != nil {
		return nil, false, err
	}
	perms, err := a.contentPermissions(ctx, u, kind, id)
	if err != nil {
		return nil, false, err
	}
	may := a.mayShareContent(ctx, u, k, perms)
	if may != nil && sg.ErrorCode(may) != sg.EACCESSDENIED {
		return nil, false, may
	}
	out := make([]ContentShare, 0, len(perms))
	for _, p := range perms {
		s := ContentShare{Principal: p.Principal, Level: ShareViewer}
		if slices.Contains(p.Actions, k.updateAction) {
			s.Level = ShareCoOwner
		}
		if arn, ok := sg.ParseARN(p.Principal); ok {
			kind, rest, _ := strings.Cut(arn.Resource, "/")
			s.Group = kind == "group"
			s.Name = rest[strings.LastIndex(rest, "/")+1:]
		}
		out = append(out, s)
	}
	return out, may == nil, nil
}

// mayShareContent returns EACCESSDENIED when u may not change who has
// access to content with perms.
func (a *App) mayShareContent(ctx context.Context, u *sg.User, k contentKind, perms []sg.ResourcePermission) error {
	if !seesAll(u) {
		ok, err := a.hasAction(ctx, u, perms, k.updateAction)
		if err != nil {
			return err
		}
		if !ok {
			return sg.Errorf(sg.EACCESSDENIED, "Only co-owners can share this %s.", k.label)
		}
	}
	return a.requireCapability(ctx, u, "share "+k.label+"s", k.capability)
}

// ConsoleShareContent gives a user or group of u's namespace (principal,
// an ARN) viewer or co-owner access to an analysis or dashboard, or takes
// it away (ShareNone), through UpdateAnalysisPermissions or
// UpdateDashboardPermissions. Only co-owners (and admins) share, and
// ShareAnalyses or ShareDashboards must not be denied to u. u can't take
// away their own co-ownership.
func (a *App) ConsoleShareContent(ctx context.Context, u *sg.User, kind, id, principal, level string) ([]sg.ResourcePermission, error) {
	k, err := contentKindOf(kind)
	if err != nil {
		return nil, err
	}
	perms, err := a.contentPermissions(ctx, u, kind, id)
	if err != nil {
		return nil, err
	}
	if err := a.mayShareContent(ctx, u, k, perms); err != nil {
		return nil, err
	}
	if principal == "" {
		return nil, sg.Errorf(sg.EINVALID, "Choose a user or group to share %s %s with.", k.label, id)
	}
	if err := a.ConsoleCheckShare(u, []sg.ResourcePermission{{Principal: principal}}); err != nil {
		return nil, err
	}
	target, err := a.sharePrincipal(ctx, u, principal)
	if err != nil {
		return nil, err
	}
	if target != nil && !IsAuthorRole(target.Role) && level != ShareNone {
		// As QuickSight's console: readers are only ever viewers of
		// dashboards, and analyses are not shared with them.
		if kind == "analyses" {
			return nil, sg.Errorf(sg.EINVALID, "%s is a reader; readers can't open analyses, so analysis %s can't be shared with them.", target.UserName, id)
		}
		if level == ShareCoOwner {
			return nil, sg.Errorf(sg.EINVALID, "%s is a reader; readers can only be viewers of dashboard %s.", target.UserName, id)
		}
	}
	if principal == a.UserARN(u) && level != ShareCoOwner {
		return nil, sg.Errorf(sg.EINVALID, "You can't take away your own co-ownership of %s %s.", k.label, id)
	}
	var grant, revoke []sg.ResourcePermission
	switch level {
	case ShareCoOwner:
		grant = []sg.ResourcePermission{{Principal: principal, Actions: k.owner}}
	case ShareViewer:
		grant = []sg.ResourcePermission{{Principal: principal, Actions: k.viewer}}
		var rest []string
		for _, act := range k.owner {
			if !slices.Contains(k.viewer, act) {
				rest = append(rest, act)
			}
		}
		revoke = []sg.ResourcePermission{{Principal: principal, Actions: rest}}
	case ShareNone:
		revoke = []sg.ResourcePermission{{Principal: principal, Actions: slices.Concat(k.owner, k.viewer)}}
	default:
		return nil, sg.Errorf(sg.EINVALID, "Access must be viewer, co-owner or none.")
	}
	if kind == "analyses" {
		return a.UpdateAnalysisPermissions(ctx, u.AccountID, id, grant, revoke)
	}
	return a.UpdateDashboardPermissions(ctx, u.AccountID, id, grant, revoke, nil, nil)
}

// sharePrincipal returns ENOTFOUND unless principal (a user or group ARN
// of u's namespace, already checked) names one that exists; it returns the
// user it names (nil for a group).
func (a *App) sharePrincipal(ctx context.Context, u *sg.User, principal string) (*sg.User, error) {
	arn, _ := sg.ParseARN(principal)
	kind, rest, _ := strings.Cut(arn.Resource, "/")
	_, name, _ := strings.Cut(rest, "/")
	var err error
	var target *sg.User
	if kind == "group" {
		_, err = a.Store.FindGroup(ctx, u.AccountID, u.Namespace, name)
	} else {
		target, err = a.Store.FindUser(ctx, u.AccountID, u.Namespace, name)
	}
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.ENOTFOUND, "There is no %s %s in namespace %s.", kind, name, u.Namespace)
	}
	return target, err
}
