package sightglass

// RowScope is who reads a dataset's rows: the identity that row- and
// column-level security rules are matched against. The query path takes
// one; nil there means the server itself, which rules do not restrict.
type RowScope struct {
	// UserName and Namespace name a registered QuickSight user ("" for an
	// anonymous session).
	UserName  string
	Namespace string
	// Groups are the names of the groups the user belongs to (in
	// Namespace).
	Groups []string
	// SessionTags are the tags of an anonymous embedding session, matched
	// against a dataset's RowLevelPermissionTagConfiguration.
	SessionTags map[string]string
	// Anonymous is true for an anonymous embedding session: tag rules
	// apply to it, user and group rules match nothing.
	Anonymous bool
}
