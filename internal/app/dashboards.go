package app

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"slices"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/definition"
)

// DashboardARN returns the ARN of a dashboard in this server's region.
func (a *App) DashboardARN(accountID, id string) string {
	return sg.QuickSightARN(a.Region, accountID, "dashboard/"+id)
}

// DashboardVersionARN returns the ARN of a dashboard version.
func (a *App) DashboardVersionARN(accountID, id string, number int64) string {
	return fmt.Sprintf("%s/version/%d", a.DashboardARN(accountID, id), number)
}

func dashboardNotFound(accountID, id string) error {
	return sg.Errorf(sg.ENOTFOUND, "Dashboard %s doesn't exist in account %s.", id, accountID)
}

func versionNotFound(accountID, id string, n int64) error {
	return sg.Errorf(sg.ENOTFOUND, "Version %d of dashboard %s doesn't exist in account %s.", n, id, accountID)
}

// DashboardOwnerActions are the actions the console grants a dashboard's
// publisher.
func DashboardOwnerActions() []string { return append([]string(nil), dashboardActions...) }

// DashboardReaderActions are the actions that share a dashboard with a
// reader.
func DashboardReaderActions() []string {
	return []string{"quicksight:DescribeDashboard", "quicksight:ListDashboardVersions", "quicksight:QueryDashboard"}
}

func (a *App) checkDashboardPath(ctx context.Context, action, accountID, id string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	resource := a.DashboardARN(accountID, "*")
	if id != "" || (action != "ListDashboards" && action != "SearchDashboards") {
		if err := checkResourceID("dashboardId", id); err != nil {
			return err
		}
		resource = a.DashboardARN(accountID, id)
	}
	if err := a.authorize(ctx, accountID, action, resource); err != nil {
		return err
	}
	_, err := a.account(ctx, accountID)
	return err
}

func (a *App) findDashboard(ctx context.Context, accountID, id string) (*sg.Dashboard, error) {
	d, err := a.Store.FindDashboard(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, dashboardNotFound(accountID, id)
	}
	return d, err
}

func (a *App) findVersion(ctx context.Context, accountID, id string, n int64) (*sg.DashboardVersion, error) {
	v, err := a.Store.FindDashboardVersion(ctx, accountID, id, n)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, versionNotFound(accountID, id, n)
	}
	return v, err
}

func (a *App) newVersion(in *ContentInput, sourceARN string) *sg.DashboardVersion {
	return &sg.DashboardVersion{
		Status:          sg.StatusCreationInProgress,
		Definition:      bytes.Clone(in.Definition),
		Description:     in.VersionDescription,
		SourceEntityARN: sourceARN,
		ThemeARN:        in.ThemeARN,
		PublishOptions:  bytes.Clone(in.PublishOptions),
		CreatedAt:       a.now(),
	}
}

// CreateDashboard creates a dashboard whose version 1, from a Definition,
// is published at once and checked in the background
// (CREATION_IN_PROGRESS).
func (a *App) CreateDashboard(ctx context.Context, accountID, id string, in *ContentInput) (*sg.Dashboard, *sg.DashboardVersion, error) {
	if err := a.checkDashboardPath(ctx, "CreateDashboard", accountID, id); err != nil {
		return nil, nil, err
	}
	if err := a.checkEdition(ctx, accountID); err != nil {
		return nil, nil, err
	}
	def, err := a.checkContentInput(ctx, accountID, in, true)
	if err != nil {
		return nil, nil, err
	}
	return a.createDashboard(ctx, accountID, id, in, def, "", a.requestChecks(ctx, accountID, def, in))
}

// createSampleDashboard is CreateDashboard by the server, with the check
// made before it returns.
func (a *App) createSampleDashboard(ctx context.Context, accountID, id string, in *ContentInput) error {
	if err := a.checkDashboardPath(ctx, "CreateDashboard", accountID, id); err != nil {
		return err
	}
	if err := a.checkEdition(ctx, accountID); err != nil {
		return err
	}
	def, err := a.checkContentInput(ctx, accountID, in, true)
	if err != nil {
		return err
	}
	_, _, err = a.createDashboard(ctx, accountID, id, in, def, "", checkOptions{inline: true})
	return err
}

func (a *App) createDashboard(ctx context.Context, accountID, id string, in *ContentInput, def *definition.Definition, sourceARN string, opts checkOptions) (*sg.Dashboard, *sg.DashboardVersion, error) {
	now := a.now()
	d := &sg.Dashboard{
		AccountID:        accountID,
		ID:               id,
		Name:             in.Name,
		Permissions:      in.Permissions,
		Tags:             in.Tags,
		LinkEntities:     in.LinkEntities,
		PublishedVersion: 1,
		LastPublishedAt:  now,
		Revision:         1,
		CreatedAt:        now,
		UpdatedAt:        now,
	}
	v := a.newVersion(in, sourceARN)
	v.Errors = opts.denied
	if err := a.contentChanged(a.Store.CreateDashboard(ctx, d, v)); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, nil, sg.Errorf(sg.EEXISTS, "Dashboard %s already exists in account %s.", id, accountID)
		}
		return nil, nil, err
	}
	a.checkVersionLater(v, def, opts)
	return d, v, nil
}

// checkVersionLater checks a new version's definition and records the
// outcome.
func (a *App) checkVersionLater(v *sg.DashboardVersion, def *definition.Definition, opts checkOptions) {
	accountID, id, n := v.AccountID, v.DashboardID, v.Number
	a.runCheck(opts, func(ctx context.Context) {
		errs, err := a.checkDefinition(ctx, accountID, def)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			slog.Error("checking dashboard definition", "account", accountID, "dashboard", id, "version", n, "err", err)
			errs = []sg.DefinitionError{{Type: errInternal, Message: "The definition could not be checked.", ViolatedEntities: []string{}}}
		}
		errs = append(slices.Clip(opts.denied), errs...)
		status := finalStatus(sg.StatusCreationInProgress, errs, opts.lenient)
		if err := a.contentChanged(a.Store.SetDashboardVersionStatus(ctx, accountID, id, n, status, errs)); err != nil && sg.ErrorCode(err) != sg.ENOTFOUND && ctx.Err() == nil {
			slog.Error("recording dashboard check", "account", accountID, "dashboard", id, "version", n, "err", err)
		}
	})
}

// DashboardView is a dashboard with one of its versions and what
// DescribeDashboard derives from the version's definition.
type DashboardView struct {
	*sg.Dashboard
	Version     *sg.DashboardVersion
	Sheets      []definition.Sheet
	DataSetARNs []string
}

// Dashboard aliases DescribeDashboard accepts besides custom names.
const (
	AliasLatest    = "$LATEST"
	AliasPublished = "$PUBLISHED"
)

// resolveVersion returns the version a DescribeDashboard* call names: a
// number, an alias, or by default the published version.
func (a *App) resolveVersion(ctx context.Context, d *sg.Dashboard, number *int64, alias string) (*sg.DashboardVersion, error) {
	if number != nil && alias != "" {
		return nil, sg.Errorf(sg.EINVALID, "VersionNumber and AliasName can't be used together.")
	}
	n := d.PublishedVersion
	switch {
	case number != nil:
		if *number < 1 {
			return nil, invalid("versionNumber", fmt.Sprint(*number), "Member must have value greater than or equal to 1")
		}
		n = *number
	case alias != "":
		if err := checkModel("AliasName", "aliasName", alias); err != nil {
			return nil, err
		}
		switch alias {
		case AliasLatest:
			n = d.LatestVersion
		case AliasPublished:
		default:
			return nil, sg.Errorf(sg.ENOTFOUND, "Alias %s doesn't exist for dashboard %s.", alias, d.ID)
		}
	}
	if n == 0 {
		return nil, sg.Errorf(sg.ENOTFOUND, "Dashboard %s has no published version.", d.ID)
	}
	return a.findVersion(ctx, d.AccountID, d.ID, n)
}

// DescribeDashboard returns a dashboard with a version: the one numbered,
// the one an alias names, or the published one.
func (a *App) DescribeDashboard(ctx context.Context, accountID, id string, number *int64, alias string) (*DashboardView, error) {
	if err := a.checkDashboardPath(ctx, "DescribeDashboard", accountID, id); err != nil {
		return nil, err
	}
	d, err := a.findDashboard(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	v, err := a.resolveVersion(ctx, d, number, alias)
	if err != nil {
		return nil, err
	}
	view := &DashboardView{Dashboard: d, Version: v, Sheets: []definition.Sheet{}, DataSetARNs: []string{}}
	if def, err := definition.Parse(v.Definition); err == nil {
		view.Sheets, view.DataSetARNs = def.SheetList(), def.DataSetARNs()
	}
	return view, nil
}

// DescribeDashboardDefinition returns a dashboard with a version and its
// definition as it was sent.
func (a *App) DescribeDashboardDefinition(ctx context.Context, accountID, id string, number *int64, alias string) (*sg.Dashboard, *sg.DashboardVersion, error) {
	if err := a.checkDashboardPath(ctx, "DescribeDashboardDefinition", accountID, id); err != nil {
		return nil, nil, err
	}
	if err := a.checkEdition(ctx, accountID); err != nil {
		return nil, nil, err
	}
	d, err := a.findDashboard(ctx, accountID, id)
	if err != nil {
		return nil, nil, err
	}
	v, err := a.resolveVersion(ctx, d, number, alias)
	return d, v, err
}

// UpdateDashboard adds a version (CREATION_IN_PROGRESS, checked in the
// background) and renames the dashboard. The new version is not
// published: UpdateDashboardPublishedVersion does that.
func (a *App) UpdateDashboard(ctx context.Context, accountID, id string, in *ContentInput) (*sg.Dashboard, *sg.DashboardVersion, error) {
	if err := a.checkDashboardPath(ctx, "UpdateDashboard", accountID, id); err != nil {
		return nil, nil, err
	}
	if err := a.checkEdition(ctx, accountID); err != nil {
		return nil, nil, err
	}
	def, err := a.checkContentInput(ctx, accountID, in, true)
	if err != nil {
		return nil, nil, err
	}
	return a.addVersion(ctx, accountID, id, in, def, "", false, a.requestChecks(ctx, accountID, def, in))
}

// addVersion renames the dashboard, adds a version and, if publish,
// publishes it.
func (a *App) addVersion(ctx context.Context, accountID, id string, in *ContentInput, def *definition.Definition, sourceARN string, publish bool, opts checkOptions) (*sg.Dashboard, *sg.DashboardVersion, error) {
	v := a.newVersion(in, sourceARN)
	v.AccountID, v.DashboardID, v.Errors = accountID, id, opts.denied
	if err := a.contentChanged(a.Store.AddDashboardVersion(ctx, v)); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, nil, dashboardNotFound(accountID, id)
		}
		return nil, nil, err
	}
	a.checkVersionLater(v, def, opts)
	d, err := a.changeDashboard(ctx, accountID, id, func(d *sg.Dashboard) error {
		d.Name = in.Name
		if publish {
			d.PublishedVersion, d.LastPublishedAt = v.Number, a.now()
		}
		return nil
	})
	return d, v, err
}

// changeDashboard applies change to the stored dashboard, retrying when a
// concurrent request changed it in between.
func (a *App) changeDashboard(ctx context.Context, accountID, id string, change func(d *sg.Dashboard) error) (*sg.Dashboard, error) {
	for range 3 {
		d, err := a.findDashboard(ctx, accountID, id)
		if err != nil {
			return nil, err
		}
		if err := change(d); err != nil {
			return nil, err
		}
		revision := d.Revision
		d.Revision++
		d.UpdatedAt = a.now()
		err = a.contentChanged(a.Store.UpdateDashboard(ctx, d, revision))
		switch sg.ErrorCode(err) {
		case sg.ECONFLICT:
			continue
		case sg.ENOTFOUND:
			return nil, dashboardNotFound(accountID, id)
		}
		return d, err
	}
	return nil, sg.Errorf(sg.ECONFLICT, "Dashboard %s is being changed by other requests; retry.", id)
}

// UpdateDashboardPublishedVersion publishes a version whose creation
// succeeded.
func (a *App) UpdateDashboardPublishedVersion(ctx context.Context, accountID, id string, number int64) (*sg.Dashboard, error) {
	if err := a.checkDashboardPath(ctx, "UpdateDashboardPublishedVersion", accountID, id); err != nil {
		return nil, err
	}
	if number < 1 {
		return nil, invalid("versionNumber", fmt.Sprint(number), "Member must have value greater than or equal to 1")
	}
	if _, err := a.findDashboard(ctx, accountID, id); err != nil {
		return nil, err
	}
	v, err := a.findVersion(ctx, accountID, id, number)
	if err != nil {
		return nil, err
	}
	if v.Status != sg.StatusCreationSuccessful && v.Status != sg.StatusUpdateSuccessful {
		return nil, sg.Errorf(sg.ECONFLICT, "Version %d of dashboard %s can't be published: its status is %s.", number, id, v.Status)
	}
	return a.changeDashboard(ctx, accountID, id, func(d *sg.Dashboard) error {
		if d.PublishedVersion != number {
			d.PublishedVersion, d.LastPublishedAt = number, a.now()
		}
		return nil
	})
}

// ListDashboardVersions returns one page of a dashboard's versions.
func (a *App) ListDashboardVersions(ctx context.Context, accountID, id, nextToken string, maxResults *int) ([]*sg.DashboardVersion, string, error) {
	if err := a.checkDashboardPath(ctx, "ListDashboardVersions", accountID, id); err != nil {
		return nil, "", err
	}
	list := "dashboard-versions/" + id
	page, err := pageRequest(list, accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	if _, err := a.findDashboard(ctx, accountID, id); err != nil {
		return nil, "", err
	}
	all, err := a.Store.ListDashboardVersions(ctx, accountID, id)
	if err != nil {
		return nil, "", err
	}
	start := 0
	if page.After != "" {
		var after int64
		if _, err := fmt.Sscan(page.After, &after); err != nil {
			return nil, "", sg.Errorf(sg.EINVALIDNEXTTOKEN, "The NextToken is not valid.")
		}
		for start < len(all) && all[start].Number <= after {
			start++
		}
	}
	out := all[start:]
	if len(out) <= page.Limit {
		return out, "", nil
	}
	out = out[:page.Limit]
	return out, encodeNextToken(list, accountID, fmt.Sprint(out[len(out)-1].Number)), nil
}

// ListDashboards returns one page of dashboards.
func (a *App) ListDashboards(ctx context.Context, accountID, nextToken string, maxResults *int) ([]*sg.Dashboard, string, error) {
	if err := a.checkDashboardPath(ctx, "ListDashboards", accountID, ""); err != nil {
		return nil, "", err
	}
	page, err := pageRequest("dashboards", accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	list, more, err := a.Store.ListDashboards(ctx, accountID, page)
	if err != nil || !more || len(list) == 0 {
		return list, "", err
	}
	return list, encodeNextToken("dashboards", accountID, list[len(list)-1].ID), nil
}

// DeleteDashboard deletes a dashboard, or only one of its versions (not
// the published one).
func (a *App) DeleteDashboard(ctx context.Context, accountID, id string, number *int64) error {
	if err := a.checkDashboardPath(ctx, "DeleteDashboard", accountID, id); err != nil {
		return err
	}
	if number != nil && *number < 1 {
		return invalid("versionNumber", fmt.Sprint(*number), "Member must have value greater than or equal to 1")
	}
	d, err := a.findDashboard(ctx, accountID, id)
	if err != nil {
		return err
	}
	if number == nil {
		err := a.contentChanged(a.Store.DeleteDashboard(ctx, accountID, id))
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return dashboardNotFound(accountID, id)
		}
		return err
	}
	if *number == d.PublishedVersion {
		return sg.Errorf(sg.ECONFLICT, "Version %d is the published version of dashboard %s; publish another version before deleting it.", *number, id)
	}
	err = a.contentChanged(a.Store.DeleteDashboardVersion(ctx, accountID, id, *number))
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return versionNotFound(accountID, id, *number)
	}
	return err
}

// DescribeDashboardPermissions returns a dashboard's permissions.
func (a *App) DescribeDashboardPermissions(ctx context.Context, accountID, id string) ([]sg.ResourcePermission, error) {
	if err := a.checkDashboardPath(ctx, "DescribeDashboardPermissions", accountID, id); err != nil {
		return nil, err
	}
	d, err := a.findDashboard(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	return nonNilPermissions(d.Permissions), nil
}

// UpdateDashboardPermissions grants and revokes permissions and returns the
// result. Link permissions (sharing with everyone in the account) are not
// supported.
func (a *App) UpdateDashboardPermissions(ctx context.Context, accountID, id string, grant, revoke, grantLink, revokeLink []sg.ResourcePermission) ([]sg.ResourcePermission, error) {
	if err := a.checkDashboardPath(ctx, "UpdateDashboardPermissions", accountID, id); err != nil {
		return nil, err
	}
	if len(grantLink) > 0 || len(revokeLink) > 0 {
		return nil, sg.Errorf(sg.EINVALID, "GrantLinkPermissions and RevokeLinkPermissions (sharing with everyone in the account) are not supported by Sightglass.")
	}
	if err := a.checkPermissionUpdate(ctx, accountID, grant, revoke, dashboardActions); err != nil {
		return nil, err
	}
	d, err := a.changeDashboard(ctx, accountID, id, func(d *sg.Dashboard) error {
		perms := applyPermissionChanges(d.Permissions, grant, revoke)
		if len(perms) > 64 {
			return sg.Errorf(sg.ELIMIT, "A dashboard can have at most 64 principals in its permissions.")
		}
		d.Permissions = perms
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d.Permissions, nil
}
