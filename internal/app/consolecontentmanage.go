package app

import (
	"context"
	"encoding/json"
	"slices"
	"sort"

	sg "github.com/sightglass/sightglass"
)

// The console's management of content a user co-owns: deleting analyses
// (with QuickSight's default recovery window), listing the deleted ones
// and restoring them, a dashboard's versions and publishing one of them,
// and the capabilities of exporting and printing.

// Capabilities of exports, printing and the other content features the
// console checks.
const (
	CapabilityExportToCsv                          = "ExportToCsv"
	CapabilityExportToExcel                        = "ExportToExcel"
	CapabilityExportToPdf                          = "ExportToPdf"
	CapabilityPrintReports                         = "PrintReports"
	CapabilityCreateAndUpdateThemes                = "CreateAndUpdateThemes"
	CapabilityCreateAndUpdateDashboardEmailReports = "CreateAndUpdateDashboardEmailReports"
	CapabilityDashboard                            = "Dashboard"
)

// ConsoleDeleteAnalysis deletes an analysis u may see and holds
// DeleteAnalysis on (or sees everything), with the default recovery window
// (30 days) in which ConsoleRestoreAnalysis brings it back.
func (a *App) ConsoleDeleteAnalysis(ctx context.Context, u *sg.User, id string) (*sg.Analysis, error) {
	an, err := a.ConsoleAnalysis(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if err := a.requireAction(ctx, u, an.Permissions, "quicksight:DeleteAnalysis", "Only co-owners can delete analysis "+id+"."); err != nil {
		return nil, err
	}
	at, err := a.DeleteAnalysis(ctx, u.AccountID, id, nil, false)
	if err != nil {
		return nil, err
	}
	an.DeleteAt = at
	return an, nil
}

// ConsoleDeletedAnalyses lists the deleted analyses u may restore (u holds
// RestoreAnalysis, or sees everything), the soonest purged first.
func (a *App) ConsoleDeletedAnalyses(ctx context.Context, u *sg.User) ([]*sg.Analysis, error) {
	if !IsAuthorRole(u.Role) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Readers can't open analyses.")
	}
	if err := a.checkCapability(ctx, u, CapabilityAnalysis, "open analyses"); err != nil {
		return nil, err
	}
	principals, err := a.principals(ctx, u)
	if err != nil {
		return nil, err
	}
	out, err := listVisible(ctx,
		func(p sg.Page) ([]*sg.Analysis, bool, error) { return a.Store.ListDeletedAnalyses(ctx, u.AccountID, p) },
		func(an *sg.Analysis) string { return an.ID },
		func(an *sg.Analysis) bool {
			return seesAll(u) || principals.grants(an.Permissions, "quicksight:RestoreAnalysis")
		})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].DeleteAt.Before(out[j].DeleteAt) })
	return out, nil
}

// ConsoleRestoreAnalysis restores an analysis u deleted, or may restore,
// within its recovery window (after it the analysis is purged and gone).
func (a *App) ConsoleRestoreAnalysis(ctx context.Context, u *sg.User, id string) (*sg.Analysis, error) {
	if !IsAuthorRole(u.Role) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Readers can't open analyses.")
	}
	if err := a.checkCapability(ctx, u, CapabilityAnalysis, "restore analyses"); err != nil {
		return nil, err
	}
	an, err := a.Store.FindAnalysis(ctx, u.AccountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND || err == nil && !an.Deleted() {
		return nil, sg.Errorf(sg.ENOTFOUND, "There is no deleted analysis %s to restore.", id)
	} else if err != nil {
		return nil, err
	}
	if !an.DeleteAt.After(a.now()) {
		return nil, sg.Errorf(sg.ENOTFOUND, "Analysis %s's recovery window has ended; it can't be restored.", id)
	}
	if err := a.requireAction(ctx, u, an.Permissions, "quicksight:RestoreAnalysis", "You can't restore analysis "+id+"."); err != nil {
		return nil, err
	}
	return a.RestoreAnalysis(ctx, u.AccountID, id)
}

// requireAction returns EACCESSDENIED with message unless perms grant u
// the action (or u sees everything).
func (a *App) requireAction(ctx context.Context, u *sg.User, perms []sg.ResourcePermission, action, message string) error {
	if seesAll(u) {
		return nil
	}
	ok, err := a.hasAction(ctx, u, perms, action)
	if err != nil {
		return err
	}
	if !ok {
		return sg.Errorf(sg.EACCESSDENIED, "%s", message)
	}
	return nil
}

// DashboardVersions is a dashboard's versions as the console lists them,
// and whether u may publish one.
type DashboardVersions struct {
	Dashboard  *sg.Dashboard
	Versions   []*sg.DashboardVersion // newest first
	CanPublish bool
}

// ConsoleDashboardVersions lists the versions of a dashboard u may see
// that lists its versions (ListDashboardVersions).
func (a *App) ConsoleDashboardVersions(ctx context.Context, u *sg.User, id string) (*DashboardVersions, error) {
	d, err := a.ConsoleDashboard(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if err := a.requireAction(ctx, u, d.Permissions, "quicksight:ListDashboardVersions", "You can't list the versions of dashboard "+id+"."); err != nil {
		return nil, err
	}
	all, err := a.Store.ListDashboardVersions(ctx, u.AccountID, id)
	if err != nil {
		return nil, err
	}
	out := &DashboardVersions{Dashboard: d}
	for i := len(all) - 1; i >= 0; i-- {
		out.Versions = append(out.Versions, all[i])
	}
	out.CanPublish = a.requireAction(ctx, u, d.Permissions, "quicksight:UpdateDashboardPublishedVersion", "") == nil
	return out, nil
}

// ConsolePublishVersion publishes an existing version of a dashboard
// (UpdateDashboardPublishedVersion): an older one to go back to, or a
// newer one again. u needs that action on the dashboard.
func (a *App) ConsolePublishVersion(ctx context.Context, u *sg.User, id string, number int64) (*sg.Dashboard, error) {
	d, err := a.ConsoleDashboard(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if err := a.requireAction(ctx, u, d.Permissions, "quicksight:UpdateDashboardPublishedVersion", "Only co-owners can publish versions of dashboard "+id+"."); err != nil {
		return nil, err
	}
	return a.UpdateDashboardPublishedVersion(ctx, u.AccountID, id, number)
}

// ConsoleRequireCapability refuses (EACCESSDENIED) what u's effective
// custom permissions deny among caps; doing says what ("export data to
// CSV"). The console's routes check it, not only its pages.
func (a *App) ConsoleRequireCapability(ctx context.Context, u *sg.User, doing string, caps ...string) error {
	return a.requireCapability(ctx, u, doing, caps...)
}

// grants reports whether perms grant one of the principals the action.
func (p principalSet) grants(perms []sg.ResourcePermission, action string) bool {
	for _, perm := range perms {
		if p.has(perm.Principal) && slices.Contains(perm.Actions, action) {
			return true
		}
	}
	return false
}

// ConsoleDashboardExportDisabled reports whether the published version of
// a dashboard u may see turns CSV export off (its DashboardPublishOptions'
// ExportToCSVOption is DISABLED; QuickSight's default is ENABLED).
func (a *App) ConsoleDashboardExportDisabled(ctx context.Context, u *sg.User, id string) (bool, error) {
	d, err := a.ConsoleDashboard(ctx, u, id)
	if err != nil || d.PublishedVersion == 0 {
		return false, err
	}
	v, err := a.findVersion(ctx, d.AccountID, d.ID, d.PublishedVersion)
	if err != nil || len(v.PublishOptions) == 0 {
		return false, err
	}
	var opts struct {
		ExportToCSVOption struct{ AvailabilityStatus string }
	}
	if err := json.Unmarshal(v.PublishOptions, &opts); err != nil {
		return false, nil // validated as an object on the way in; no option there
	}
	return opts.ExportToCSVOption.AvailabilityStatus == "DISABLED", nil
}
