package sightglass

import (
	"context"
	"encoding/json"
	"time"
)

// ResourcePermission grants a principal (a QuickSight user or group ARN)
// actions on a resource.
type ResourcePermission struct {
	Principal string   `json:"Principal"`
	Actions   []string `json:"Actions"`
}

// StatusDeleted is the ResourceStatus of an analysis awaiting its purge
// (the other statuses are in datasource.go).
const StatusDeleted = "DELETED"

// DefinitionError is a problem found when a definition was validated
// (QuickSight's AnalysisError and DashboardError): a type such as
// DATA_SET_NOT_FOUND, a message, and the paths of the entities concerned.
type DefinitionError struct {
	Type             string   `json:"Type"`
	Message          string   `json:"Message"`
	ViolatedEntities []string `json:"ViolatedEntities"`
}

// Dashboard is a dashboard of an account: a name, permissions and a list
// of versions (DashboardVersion), one of which is published.
type Dashboard struct {
	AccountID   string
	ID          string
	Name        string
	Permissions []ResourcePermission
	Tags        []Tag
	// LinkEntities are ARNs of analyses the dashboard links to.
	LinkEntities []string
	// LatestVersion is the number of the newest version (0: none yet).
	LatestVersion int64
	// PublishedVersion is the number of the version viewers see (0: none).
	PublishedVersion int64
	// LastPublishedAt is when PublishedVersion last changed (zero: never).
	LastPublishedAt time.Time
	// Revision counts the changes to the record; UpdateDashboard replaces
	// it only at the revision the caller read.
	Revision  int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// DashboardVersion is one version of a dashboard. Its definition is the
// DashboardVersionDefinition JSON exactly as the client sent it.
type DashboardVersion struct {
	AccountID   string
	DashboardID string
	Number      int64 // from 1
	Status      string
	Errors      []DefinitionError
	// Definition is the raw JSON; list methods leave it nil.
	Definition  json.RawMessage
	Description string
	// SourceEntityARN is the analysis a version was published from.
	SourceEntityARN string
	ThemeARN        string
	// PublishOptions is the raw DashboardPublishOptions JSON, or nil.
	PublishOptions json.RawMessage
	CreatedAt      time.Time
}

// Analysis is an analysis (an editable dashboard draft) of an account. Its
// definition is the AnalysisDefinition JSON exactly as the client sent it.
type Analysis struct {
	AccountID   string
	ID          string
	Name        string
	Permissions []ResourcePermission
	Tags        []Tag
	Status      string
	Errors      []DefinitionError
	// Definition is the raw JSON; ListAnalyses leaves it nil.
	Definition json.RawMessage
	ThemeARN   string
	// DeleteAt is zero unless the analysis was deleted with a recovery
	// window: then it is when the analysis is purged, and until then
	// RestoreAnalysis can bring it back.
	DeleteAt time.Time
	// Revision counts the changes to the record; UpdateAnalysis replaces it
	// only at the revision the caller read.
	Revision  int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Deleted reports whether the analysis awaits its purge.
func (a *Analysis) Deleted() bool { return !a.DeleteAt.IsZero() }

// Favorite kinds.
const (
	FavoriteDashboard = "DASHBOARD"
	FavoriteAnalysis  = "ANALYSIS"
)

// Favorite marks a dashboard or analysis as a user's favorite.
type Favorite struct {
	AccountID   string
	PrincipalID string // the user's principal id
	Kind        string // FavoriteDashboard or FavoriteAnalysis
	ResourceID  string
	CreatedAt   time.Time
}

// ContentStore persists dashboards (with their versions), analyses and
// favorites.
type ContentStore interface {
	// CreateDashboard creates a dashboard and, in the same transaction,
	// its first versions, numbered from 1 in the order given (their
	// Number is set); d.LatestVersion becomes the last number. Returns
	// EEXISTS.
	CreateDashboard(ctx context.Context, d *Dashboard, versions ...*DashboardVersion) error
	// FindDashboard returns ENOTFOUND.
	FindDashboard(ctx context.Context, accountID, id string) (*Dashboard, error)
	// DashboardExists reports whether the dashboard exists, without
	// reading it (the embed operations' check of the dashboard they open).
	DashboardExists(ctx context.Context, accountID, id string) (bool, error)
	// ListDashboards returns dashboards ordered by id in byte order, after
	// p.After, at most p.Limit, and whether more follow.
	ListDashboards(ctx context.Context, accountID string, p Page) ([]*Dashboard, bool, error)
	// UpdateDashboard replaces the dashboard's name, permissions, tags,
	// link entities, published version, last published and updated times
	// and revision, if its stored revision is still revision. Returns
	// ENOTFOUND, or ECONFLICT when the revision differs.
	UpdateDashboard(ctx context.Context, d *Dashboard, revision int64) error
	// DeleteDashboard returns ENOTFOUND. It deletes its versions and
	// favorites too.
	DeleteDashboard(ctx context.Context, accountID, id string) error

	// AddDashboardVersion adds v as the dashboard's next version: it sets
	// v.Number to the dashboard's LatestVersion + 1 and raises
	// LatestVersion, atomically. Returns ENOTFOUND.
	AddDashboardVersion(ctx context.Context, v *DashboardVersion) error
	// FindDashboardVersion returns ENOTFOUND.
	FindDashboardVersion(ctx context.Context, accountID, dashboardID string, number int64) (*DashboardVersion, error)
	// ListDashboardVersions lists a dashboard's versions by number,
	// without definitions; none (or no dashboard) is an empty list.
	ListDashboardVersions(ctx context.Context, accountID, dashboardID string) ([]*DashboardVersion, error)
	// SetDashboardVersionStatus sets a version's status and errors.
	// Returns ENOTFOUND.
	SetDashboardVersionStatus(ctx context.Context, accountID, dashboardID string, number int64, status string, errs []DefinitionError) error
	// DeleteDashboardVersion returns ENOTFOUND.
	DeleteDashboardVersion(ctx context.Context, accountID, dashboardID string, number int64) error
	// ListUnfinishedDashboardVersions lists, with their definitions, the
	// versions of every account whose status is CREATION_IN_PROGRESS.
	ListUnfinishedDashboardVersions(ctx context.Context) ([]*DashboardVersion, error)

	// CreateAnalysis returns EEXISTS.
	CreateAnalysis(ctx context.Context, a *Analysis) error
	// FindAnalysis returns ENOTFOUND. It finds deleted analyses too.
	FindAnalysis(ctx context.Context, accountID, id string) (*Analysis, error)
	// ListAnalyses is ListDashboards for analyses that are not deleted,
	// without their definitions.
	ListAnalyses(ctx context.Context, accountID string, p Page) ([]*Analysis, bool, error)
	// ListDeletedAnalyses is ListAnalyses for the analyses that are
	// deleted and not yet purged (within their recovery window).
	ListDeletedAnalyses(ctx context.Context, accountID string, p Page) ([]*Analysis, bool, error)
	// UpdateAnalysis replaces every field of the stored analysis but its
	// account, id and creation time, if its stored revision is still
	// revision. Returns ENOTFOUND, or ECONFLICT when the revision differs.
	UpdateAnalysis(ctx context.Context, a *Analysis, revision int64) error
	// DeleteAnalysis returns ENOTFOUND. It deletes its favorites too.
	DeleteAnalysis(ctx context.Context, accountID, id string) error
	// ListUnfinishedAnalyses lists, with their definitions, the analyses
	// of every account whose status is CREATION_IN_PROGRESS or
	// UPDATE_IN_PROGRESS.
	ListUnfinishedAnalyses(ctx context.Context) ([]*Analysis, error)
	// PurgeAnalyses deletes (with their favorites) the deleted analyses
	// whose DeleteAt is at or before now, and returns how many.
	PurgeAnalyses(ctx context.Context, now time.Time) (int64, error)

	// PutFavorite marks a favorite (idempotent).
	PutFavorite(ctx context.Context, f *Favorite) error
	// DeleteFavorite unmarks a favorite (idempotent).
	DeleteFavorite(ctx context.Context, accountID, principalID, kind, resourceID string) error
	// ListFavorites lists a user's favorites, newest first.
	ListFavorites(ctx context.Context, accountID, principalID string) ([]*Favorite, error)
}
