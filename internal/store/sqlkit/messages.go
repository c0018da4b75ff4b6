package sqlkit

import sg "github.com/sightglass/sightglass"

// The errors both stores return, with the same codes and caller-safe
// messages. internal/app replaces most messages with the API's wording.

func AccountExists(id string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Account %s is already subscribed.", id).WithResource(sg.ResourceAccountSettings)
}

func AccountNameTaken(name string) *sg.Error {
	return sg.Errorf(sg.ECONFLICT, "The account name %s is already in use.", name)
}

func AccountNotFound(id string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Account %s has no QuickSight subscription.", id).WithResource(sg.ResourceAccountSettings)
}

func PrincipalExists(accountID, typ, name string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "The IAM %s %s already exists in account %s.", typ, name, accountID)
}

func PrincipalNotFound(accountID, typ, name string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The IAM %s %s does not exist in account %s.", typ, name, accountID)
}

func PolicyNotFound(accountID, typ, name, policy string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The IAM %s %s of account %s has no policy %s.", typ, name, accountID, policy)
}

func AccessKeyExists(id string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "The access key %s already exists.", id)
}

func AccessKeyNotFound(id string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The access key %s does not exist.", id)
}

func UserExists(accountID, namespace, name string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "The user %s or its principal id already exists in namespace %s of account %s.", name, namespace, accountID).WithResource(sg.ResourceUser)
}

func UserNotFound(accountID, namespace, name string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The user %s does not exist in namespace %s of account %s.", name, namespace, accountID).WithResource(sg.ResourceUser)
}

func UserPrincipalNotFound(accountID, namespace, principalID string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "No user has principal id %s in namespace %s of account %s.", principalID, namespace, accountID).WithResource(sg.ResourceUser)
}

func CustomPermissionsExists(accountID, name string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Custom permissions profile %s already exists in account %s.", name, accountID)
}

func CustomPermissionsNotFound(accountID, name string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Custom permissions profile %s does not exist in account %s.", name, accountID)
}

func OnceExists() *sg.Error {
	return sg.Errorf(sg.EEXISTS, "The single-use item already exists.")
}

func OnceNotFound() *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The single-use item does not exist, has expired or was already used.")
}

func SessionExists() *sg.Error {
	return sg.Errorf(sg.EEXISTS, "The console session already exists.")
}

func SessionNotFound() *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The console session does not exist.")
}

func DashboardExists(accountID, id string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Dashboard %s already exists in account %s.", id, accountID)
}

func DashboardNotFound(accountID, id string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Dashboard %s does not exist in account %s.", id, accountID)
}

func AnalysisExists(accountID, id string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Analysis %s already exists in account %s.", id, accountID)
}

func AnalysisNotFound(accountID, id string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Analysis %s does not exist in account %s.", id, accountID)
}

func DashboardVersionNotFound(accountID, id string, number int64) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Version %d of dashboard %s does not exist in account %s.", number, id, accountID)
}

func DashboardChanged(accountID, id string) *sg.Error {
	return sg.Errorf(sg.ECONFLICT, "Dashboard %s of account %s was changed concurrently.", id, accountID)
}

func AnalysisChanged(accountID, id string) *sg.Error {
	return sg.Errorf(sg.ECONFLICT, "Analysis %s of account %s was changed concurrently.", id, accountID)
}

func DataSourceExists(accountID, id string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Data source %s already exists in account %s.", id, accountID).WithResource(sg.ResourceDataSource)
}

func DataSourceNotFound(accountID, id string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Data source %s does not exist in account %s.", id, accountID).WithResource(sg.ResourceDataSource)
}

func DataSetExists(accountID, id string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Dataset %s already exists in account %s.", id, accountID).WithResource(sg.ResourceDataSet)
}

func DataSetNotFound(accountID, id string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Dataset %s does not exist in account %s.", id, accountID).WithResource(sg.ResourceDataSet)
}

func IngestionExists(accountID, dataSetID, id string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Ingestion %s of dataset %s already exists in account %s.", id, dataSetID, accountID).WithResource(sg.ResourceIngestion)
}

func IngestionNotFound(accountID, dataSetID, id string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Ingestion %s of dataset %s does not exist in account %s.", id, dataSetID, accountID).WithResource(sg.ResourceIngestion)
}

func GroupExists(accountID, namespace, name string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "The group %s or its principal id already exists in namespace %s of account %s.", name, namespace, accountID).WithResource(sg.ResourceGroup)
}

func GroupNotFound(accountID, namespace, name string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The group %s does not exist in namespace %s of account %s.", name, namespace, accountID).WithResource(sg.ResourceGroup)
}

func GroupMemberExists(accountID, namespace, group, member string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "The user %s is already a member of group %s in namespace %s of account %s.", member, group, namespace, accountID).WithResource(sg.ResourceGroup)
}

func GroupMemberMissing(accountID, namespace, group, member string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The group %s or the user %s does not exist in namespace %s of account %s.", group, member, namespace, accountID).WithResource(sg.ResourceGroup)
}

func GroupMemberNotFound(accountID, namespace, group, member string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The user %s is not a member of group %s in namespace %s of account %s.", member, group, namespace, accountID).WithResource(sg.ResourceGroup)
}

func NamespaceExists(accountID, name string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Namespace %s already exists in account %s.", name, accountID).WithResource(sg.ResourceNamespace)
}

func NamespaceNotFound(accountID, name string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Namespace %s does not exist in account %s.", name, accountID).WithResource(sg.ResourceNamespace)
}

func RefreshScheduleExists(accountID, dataSetID, id string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Refresh schedule %s of dataset %s already exists in account %s.", id, dataSetID, accountID)
}

func RefreshScheduleNotFound(accountID, dataSetID, id string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Refresh schedule %s of dataset %s does not exist in account %s.", id, dataSetID, accountID)
}

func ArtifactNotFound(k sg.ArtifactKey) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "The SPICE copy of ingestion %s of dataset %s is not stored.", k.IngestionID, k.DataSetID)
}

func CustomPermissionsAssignmentNotFound(accountID, namespace, role string) *sg.Error {
	if role == "" {
		return sg.Errorf(sg.ENOTFOUND, "Account %s has no custom permissions profile.", accountID)
	}
	return sg.Errorf(sg.ENOTFOUND, "Role %s in namespace %s of account %s has no custom permissions profile.", role, namespace, accountID)
}

func DashboardViewNotFound(dashboardID, name string) *sg.Error {
	if name == "" {
		return sg.Errorf(sg.ENOTFOUND, "No saved state of dashboard %s.", dashboardID)
	}
	return sg.Errorf(sg.ENOTFOUND, "Bookmark %q of dashboard %s doesn't exist.", name, dashboardID)
}

func DashboardViewExists(dashboardID, name string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Bookmark %q of dashboard %s already exists.", name, dashboardID)
}

func ThemeExists(accountID, id string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Theme %s already exists in account %s.", id, accountID)
}

func ThemeNotFound(accountID, id string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Theme %s does not exist in account %s.", id, accountID)
}

func ThemeVersionNotFound(accountID, id string, version int64) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Version %d of theme %s does not exist in account %s.", version, id, accountID)
}

func ThemeAliasExists(accountID, themeID, name string) *sg.Error {
	return sg.Errorf(sg.EEXISTS, "Alias %s of theme %s already exists in account %s.", name, themeID, accountID)
}

func ThemeAliasNotFound(accountID, themeID, name string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Alias %s of theme %s does not exist in account %s.", name, themeID, accountID)
}

func AnalysisVersionNotFound(accountID, id string, number int64) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Version %d of analysis %s is not kept in account %s.", number, id, accountID)
}

func EditStackEmpty(stack string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "There is nothing to %s.", stack)
}
