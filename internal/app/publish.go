package app

import (
	"context"
	"slices"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/definition"
)

// PublishDashboard publishes an analysis as a dashboard, as the console's
// "Publish dashboard" does: a new dashboard (with the publisher as owner)
// or a new version of an existing one that u may update, published at
// once. The version's definition is the analysis's, checked in the
// background like CreateDashboard's. Readers may not publish; the
// analysis must be visible to u, not deleted, and its creation or last
// update must have succeeded.
func (a *App) PublishDashboard(ctx context.Context, u *sg.User, accountID, dashboardID, name, analysisID string) (*sg.Dashboard, *sg.DashboardVersion, error) {
	if u.AccountID != accountID {
		return nil, nil, sg.Errorf(sg.EACCESSDENIED, "You can't publish dashboards in account %s.", accountID)
	}
	if err := checkResourceID("dashboardId", dashboardID); err != nil {
		return nil, nil, err
	}
	if name == "" {
		return nil, nil, required("name")
	}
	if err := checkLen("name", name, 1, 2048); err != nil {
		return nil, nil, err
	}
	an, err := a.ConsoleAnalysis(ctx, u, analysisID)
	if err != nil {
		return nil, nil, err
	}
	if err := a.checkCapability(ctx, u, CapabilityAnalysis, "publish analyses"); err != nil {
		return nil, nil, err
	}
	if an.Status != sg.StatusCreationSuccessful && an.Status != sg.StatusUpdateSuccessful {
		return nil, nil, sg.Errorf(sg.ECONFLICT, "Analysis %s can't be published: its status is %s.", analysisID, an.Status)
	}
	def, err := definition.Parse(an.Definition)
	if err != nil {
		return nil, nil, err
	}
	in := &ContentInput{Name: name, Definition: an.Definition, ThemeARN: an.ThemeARN}
	source := a.AnalysisARN(accountID, analysisID)
	existing, err := a.Store.FindDashboard(ctx, accountID, dashboardID)
	switch {
	case sg.ErrorCode(err) == sg.ENOTFOUND:
		in.Permissions = []sg.ResourcePermission{{Principal: a.UserARN(u), Actions: DashboardOwnerActions()}}
		return a.createDashboard(ctx, accountID, dashboardID, in, def, source, checkOptions{})
	case err != nil:
		return nil, nil, err
	}
	ok, err := a.hasAction(ctx, u, existing.Permissions, "quicksight:UpdateDashboard")
	if err != nil {
		return nil, nil, err
	}
	if !seesAll(u) && !ok {
		return nil, nil, sg.Errorf(sg.EACCESSDENIED, "You can't replace dashboard %s.", dashboardID)
	}
	return a.addVersion(ctx, accountID, dashboardID, in, def, source, true, checkOptions{})
}

// hasAction reports whether perms grant u the action, through an entry
// for the user or one of its groups.
func (a *App) hasAction(ctx context.Context, u *sg.User, perms []sg.ResourcePermission, action string) (bool, error) {
	principals, err := a.principals(ctx, u)
	if err != nil {
		return false, err
	}
	for _, p := range perms {
		if principals.has(p.Principal) && slices.Contains(p.Actions, action) {
			return true, nil
		}
	}
	return false, nil
}

// ConsoleDashboardDefinition returns a dashboard user may see with its
// published version and that version's parsed definition (for the
// viewer). ENOTFOUND if it has no published version; a *NotDrawableError
// if that version's creation did not succeed.
func (a *App) ConsoleDashboardDefinition(ctx context.Context, u *sg.User, id string) (*sg.Dashboard, *sg.DashboardVersion, *definition.Definition, error) {
	d, err := a.ConsoleDashboard(ctx, u, id)
	if err != nil {
		return nil, nil, nil, err
	}
	v, def, err := a.publishedDefinition(ctx, d)
	if err != nil {
		return nil, nil, nil, err
	}
	return d, v, def, nil
}

// publishedDefinition returns the published version of a dashboard and its
// parsed definition, if it may be drawn.
func (a *App) publishedDefinition(ctx context.Context, d *sg.Dashboard) (*sg.DashboardVersion, *definition.Definition, error) {
	if d.PublishedVersion == 0 {
		return nil, nil, sg.Errorf(sg.ENOTFOUND, "Dashboard %s has no published version.", d.ID)
	}
	v, err := a.findVersion(ctx, d.AccountID, d.ID, d.PublishedVersion)
	if err != nil {
		return nil, nil, err
	}
	if !drawable(v.Status) {
		return nil, nil, &NotDrawableError{Kind: "Dashboard", ID: d.ID, Name: d.Name, Status: v.Status, Errors: v.Errors}
	}
	def, err := a.parseStored(v.Definition)
	if err != nil {
		return nil, nil, err
	}
	return v, def, nil
}

// ConsoleAnalysisDefinition returns an analysis user may open with its
// parsed definition (for the viewer); a *NotDrawableError if its creation
// or last update did not succeed.
func (a *App) ConsoleAnalysisDefinition(ctx context.Context, u *sg.User, id string) (*sg.Analysis, *definition.Definition, error) {
	an, err := a.ConsoleAnalysis(ctx, u, id)
	if err != nil {
		return nil, nil, err
	}
	def, err := a.analysisDefinition(an)
	if err != nil {
		return nil, nil, err
	}
	return an, def, nil
}

// analysisDefinition returns an analysis's parsed definition, if it may be
// drawn.
func (a *App) analysisDefinition(an *sg.Analysis) (*definition.Definition, error) {
	if !drawable(an.Status) {
		return nil, &NotDrawableError{Kind: "Analysis", ID: an.ID, Name: an.Name, Status: an.Status, Errors: an.Errors}
	}
	return a.parseStored(an.Definition)
}
