package sightglass

import (
	"context"
	"time"
)

// ResourcePermission grants a principal (a QuickSight user or group ARN)
// actions on a resource.
type ResourcePermission struct {
	Principal string   `json:"Principal"`
	Actions   []string `json:"Actions"`
}

// Dashboard is a published dashboard of an account.
type Dashboard struct {
	AccountID   string
	ID          string
	Name        string
	Permissions []ResourcePermission
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Analysis is an analysis (an editable dashboard draft) of an account.
type Analysis struct {
	AccountID   string
	ID          string
	Name        string
	Permissions []ResourcePermission
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

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

// ContentStore persists dashboards, analyses and favorites.
type ContentStore interface {
	// CreateDashboard returns EEXISTS.
	CreateDashboard(ctx context.Context, d *Dashboard) error
	// FindDashboard returns ENOTFOUND.
	FindDashboard(ctx context.Context, accountID, id string) (*Dashboard, error)
	// ListDashboards returns dashboards ordered by id in byte order, after
	// p.After, at most p.Limit, and whether more follow.
	ListDashboards(ctx context.Context, accountID string, p Page) ([]*Dashboard, bool, error)
	// DeleteDashboard returns ENOTFOUND. It deletes its favorites too.
	DeleteDashboard(ctx context.Context, accountID, id string) error

	// CreateAnalysis returns EEXISTS.
	CreateAnalysis(ctx context.Context, a *Analysis) error
	// FindAnalysis returns ENOTFOUND.
	FindAnalysis(ctx context.Context, accountID, id string) (*Analysis, error)
	// ListAnalyses is ListDashboards for analyses.
	ListAnalyses(ctx context.Context, accountID string, p Page) ([]*Analysis, bool, error)
	// DeleteAnalysis returns ENOTFOUND. It deletes its favorites too.
	DeleteAnalysis(ctx context.Context, accountID, id string) error

	// PutFavorite marks a favorite (idempotent).
	PutFavorite(ctx context.Context, f *Favorite) error
	// DeleteFavorite unmarks a favorite (idempotent).
	DeleteFavorite(ctx context.Context, accountID, principalID, kind, resourceID string) error
	// ListFavorites lists a user's favorites, newest first.
	ListFavorites(ctx context.Context, accountID, principalID string) ([]*Favorite, error)
}
