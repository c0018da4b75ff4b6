package app

import (
	"context"

	sg "github.com/sightglass/sightglass"
)

// The custom-permission capabilities of the model's Capabilities shape
// that govern datasets. QuickSight's model has no capability for
// refreshing a dataset: refresh follows the owner's UpdateDataSet right.
const (
	CapabilityCreateAndUpdateDatasets = "CreateAndUpdateDatasets"
	CapabilityShareDatasets           = "ShareDatasets"
	CapabilityCreateSPICEDataset      = "CreateSPICEDataset"
)

// DataSetCapabilities lists the dataset capabilities the console enforces.
var DataSetCapabilities = []string{CapabilityCreateAndUpdateDatasets, CapabilityShareDatasets, CapabilityCreateSPICEDataset}

// DataSetOwnerActions are the actions a dataset's owner holds, as the
// QuickSight console grants them.
var DataSetOwnerActions = []string{
	"quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet",
	"quicksight:DescribeIngestion", "quicksight:ListIngestions", "quicksight:UpdateDataSet",
	"quicksight:DeleteDataSet", "quicksight:CreateIngestion", "quicksight:CancelIngestion",
	"quicksight:UpdateDataSetPermissions",
}

// DataSetViewerActions are the actions a dataset's viewer holds.
var DataSetViewerActions = []string{
	"quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet",
	"quicksight:DescribeIngestion", "quicksight:ListIngestions",
}

// DeniedSet returns the capabilities of names that u's effective custom
// permissions profile (its own, its role's or the account's: see
// EffectiveCustomPermissions) denies; DENY is the only capability state.
func (a *App) DeniedSet(ctx context.Context, u *sg.User, names []string) (map[string]bool, error) {
	out := map[string]bool{}
	c, err := a.EffectiveCustomPermissions(ctx, u)
	if err != nil || c == nil {
		return out, err
	}
	for _, n := range names {
		if c.Capabilities[n] == sg.CapabilityDeny {
			out[n] = true
		}
	}
	return out, nil
}

// requireCapability returns EACCESSDENIED, naming the profile and what it
// keeps u from doing, when u's effective profile denies one of caps.
func (a *App) requireCapability(ctx context.Context, u *sg.User, doing string, caps ...string) error {
	c, err := a.EffectiveCustomPermissions(ctx, u)
	if err != nil || c == nil {
		return err
	}
	for _, capability := range caps {
		if c.Capabilities[capability] == sg.CapabilityDeny {
			return sg.Errorf(sg.EACCESSDENIED, "Your custom permissions (%s) deny %s: you can't %s.", c.Name, capability, doing)
		}
	}
	return nil
}

// requireDataAuthor refuses users who may not use the data pages:
// readers see none.
func requireDataAuthor(u *sg.User) error {
	if !IsAuthorRole(u.Role) || !u.Active {
		return sg.Errorf(sg.EACCESSDENIED, "Readers can't open data pages.")
	}
	return nil
}

// ownsResource reports whether u holds action on a resource with perms,
// directly or through a group: admins of the default namespace hold every
// action. A failure to read u's groups holds none.
func (a *App) ownsResource(ctx context.Context, u *sg.User, perms []sg.ResourcePermission, action string) bool {
	if u.Anonymous() {
		return false
	}
	if seesAll(u) {
		return true
	}
	ok, err := a.hasAction(ctx, u, perms, action)
	return err == nil && ok
}

// sees reports whether u may see a resource with perms (see canSee).
func (a *App) sees(ctx context.Context, u *sg.User, perms []sg.ResourcePermission) (bool, error) {
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return false, err
	}
	return visible(perms), nil
}

// ConsoleDataSets lists the datasets u may see; readers may not.
func (a *App) ConsoleDataSets(ctx context.Context, u *sg.User) ([]*sg.DataSet, error) {
	if err := requireDataAuthor(u); err != nil {
		return nil, err
	}
	if a.data == nil {
		return nil, nil
	}
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return nil, err
	}
	return listVisible(ctx,
		func(p sg.Page) ([]*sg.DataSet, bool, error) { return a.Store.ListDataSets(ctx, u.AccountID, p) },
		func(d *sg.DataSet) string { return d.ID },
		func(d *sg.DataSet) bool { return visible(d.Permissions) })
}

// ConsoleDataSet returns a dataset u may see: ENOTFOUND if there is none,
// EACCESSDENIED if it is not shared with them.
func (a *App) ConsoleDataSet(ctx context.Context, u *sg.User, id string) (*sg.DataSet, error) {
	if err := requireDataAuthor(u); err != nil {
		return nil, err
	}
	if a.data == nil {
		return nil, sg.Errorf(sg.EUNAVAILABLE, "Datasets are not configured on this server.")
	}
	if checkDataSetID(id) != nil {
		return nil, sg.Errorf(sg.ENOTFOUND, "Dataset %s doesn't exist.", id)
	}
	d, err := a.Store.FindDataSet(ctx, u.AccountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.ENOTFOUND, "Dataset %s doesn't exist.", id)
	} else if err != nil {
		return nil, err
	}
	if ok, err := a.sees(ctx, u, d.Permissions); err != nil {
		return nil, err
	} else if !ok {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Dataset %s is not shared with you.", id)
	}
	return d, nil
}

// CanEditDataSet reports whether u owns d (or administers the account).
func (a *App) CanEditDataSet(ctx context.Context, u *sg.User, d *sg.DataSet) bool {
	return a.ownsResource(ctx, u, d.Permissions, "quicksight:UpdateDataSet")
}

// consoleEditableDataSet returns a dataset u owns.
func (a *App) consoleEditableDataSet(ctx context.Context, u *sg.User, id string) (*sg.DataSet, error) {
	d, err := a.ConsoleDataSet(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if !a.CanEditDataSet(ctx, u, d) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Dataset %s is shared with you as a viewer: only its owners can change it.", id)
	}
	return d, nil
}

// ConsoleDataSources lists the data sources u may build datasets on.
func (a *App) ConsoleDataSources(ctx context.Context, u *sg.User) ([]*sg.DataSource, error) {
	if err := requireDataAuthor(u); err != nil {
		return nil, err
	}
	if a.data == nil {
		return nil, nil
	}
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return nil, err
	}
	return listVisible(ctx,
		func(p sg.Page) ([]*sg.DataSource, bool, error) { return a.Store.ListDataSources(ctx, u.AccountID, p) },
		func(d *sg.DataSource) string { return d.ID },
		func(d *sg.DataSource) bool { return visible(d.Permissions) })
}
