package sightglass

import (
	"context"
	"time"
)

// Kinds of recently opened content.
const (
	RecentDashboard = "dashboard"
	RecentAnalysis  = "analysis"
)

// RecentOpen records that a user opened a dashboard or analysis in the
// console, for the start page's "Recently opened".
type RecentOpen struct {
	AccountID   string
	PrincipalID string
	Kind        string // RecentDashboard or RecentAnalysis
	ResourceID  string
	OpenedAt    time.Time
}

// RecentOpenStore persists what users opened last.
type RecentOpenStore interface {
	// PutRecentOpen records an opening, replacing the time of an earlier
	// one of the same content.
	PutRecentOpen(ctx context.Context, r *RecentOpen) error
	// ListRecentOpens returns a user's openings, the latest first, at most
	// limit.
	ListRecentOpens(ctx context.Context, accountID, principalID string, limit int) ([]*RecentOpen, error)
}
