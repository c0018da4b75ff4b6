package sightglass

import (
	"context"
	"time"
)

// DashboardView is a user's saved view of a dashboard: the state the
// viewer restores at the user's next embed (state persistence, Name "")
// or a named bookmark. State is the viewer state as a URL query of
// p.<Parameter> and f.<FilterId>… members.
type DashboardView struct {
	AccountID   string
	PrincipalID string // the user's principal id
	DashboardID string
	Name        string // "" for the persisted state
	State       string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// DashboardViewStore persists users' dashboard views. Deleting a
// dashboard deletes its views.
type DashboardViewStore interface {
	// PutDashboardView creates or replaces a view (State and UpdatedAt;
	// CreatedAt stays). Returns ENOTFOUND when the dashboard does not exist.
	PutDashboardView(ctx context.Context, v *DashboardView) error
	// CreateDashboardView returns EEXISTS, or ENOTFOUND when the dashboard
	// does not exist.
	CreateDashboardView(ctx context.Context, v *DashboardView) error
	// FindDashboardView returns ENOTFOUND.
	FindDashboardView(ctx context.Context, accountID, principalID, dashboardID, name string) (*DashboardView, error)
	// ListDashboardViews returns a user's views of a dashboard ordered by
	// name in byte order (the persisted state, named "", first).
	ListDashboardViews(ctx context.Context, accountID, principalID, dashboardID string) ([]*DashboardView, error)
	// RenameDashboardView renames a view and sets its UpdatedAt. Returns
	// ENOTFOUND, or EEXISTS when the new name is taken.
	RenameDashboardView(ctx context.Context, accountID, principalID, dashboardID, from, to string, at time.Time) error
	// DeleteDashboardView returns ENOTFOUND.
	DeleteDashboardView(ctx context.Context, accountID, principalID, dashboardID, name string) error
}
