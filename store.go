package sightglass

import "context"

// Store is everything Sightglass persists. internal/store/sqlite and
// internal/store/postgres implement it; internal/store/storetest holds the
// conformance suite both must pass. Stores enforce uniqueness and
// atomicity; every other rule lives in internal/app.
type Store interface {
	AccountStore
	PrincipalStore
	UserStore
	GroupStore
	NamespaceStore
	CustomPermissionsStore
	CustomPermissionsAssignmentStore
	DashboardViewStore
	RecentOpenStore
	OnceStore
	SessionStore
	ContentStore
	DataSourceStore
	DataSetStore
	IngestionStore
	RefreshScheduleStore
	TagStore
	ThemeStore
	AnalysisVersionStore
	EditStackStore
	PasswordStore

	// Ping checks that the store is reachable.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close() error
}
