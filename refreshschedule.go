package sightglass

import (
	"context"
	"time"
)

// Refresh intervals (QuickSight's RefreshInterval).
const (
	RefreshMinute15 = "MINUTE15"
	RefreshMinute30 = "MINUTE30"
	RefreshHourly   = "HOURLY"
	RefreshDaily    = "DAILY"
	RefreshWeekly   = "WEEKLY"
	RefreshMonthly  = "MONTHLY"
)

// RefreshSchedule is a SPICE dataset's recurring ingestion.
type RefreshSchedule struct {
	AccountID string
	DataSetID string
	ID        string
	// Interval is one of the Refresh* constants.
	Interval string
	// RefreshType is FULL_REFRESH or INCREMENTAL_REFRESH.
	RefreshType string
	// Timezone is an IANA zone name; TimeOfTheDay is HH:MM in it.
	Timezone     string
	TimeOfTheDay string
	// DayOfWeek (WEEKLY: SUNDAY…SATURDAY) or DayOfMonth (MONTHLY: 1…28
	// or LAST_DAY_OF_MONTH).
	DayOfWeek  string
	DayOfMonth string
	// StartAfter is the time the schedule starts after.
	StartAfter time.Time
	// NextRunAt is when the schedule next runs; the application
	// computes it, and moves it on when it claims a run.
	NextRunAt time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

// RefreshScheduleStore persists refresh schedules.
type RefreshScheduleStore interface {
	// CreateRefreshSchedule returns EEXISTS, or ENOTFOUND if the dataset
	// does not exist.
	CreateRefreshSchedule(ctx context.Context, s *RefreshSchedule) error
	// FindRefreshSchedule returns ENOTFOUND.
	FindRefreshSchedule(ctx context.Context, accountID, dataSetID, id string) (*RefreshSchedule, error)
	// ListRefreshSchedules returns a dataset's schedules ordered by id.
	ListRefreshSchedules(ctx context.Context, accountID, dataSetID string) ([]*RefreshSchedule, error)
	// UpdateRefreshSchedule replaces everything but the keys and
	// CreatedAt. Returns ENOTFOUND.
	UpdateRefreshSchedule(ctx context.Context, s *RefreshSchedule) error
	// DeleteRefreshSchedule returns ENOTFOUND.
	DeleteRefreshSchedule(ctx context.Context, accountID, dataSetID, id string) error
	// ListDueRefreshSchedules returns, across accounts, at most limit
	// schedules whose NextRunAt is at or before now, earliest first.
	ListDueRefreshSchedules(ctx context.Context, now time.Time, limit int) ([]*RefreshSchedule, error)
	// ClaimRefreshRun moves a schedule's NextRunAt from due to next if
	// it is still due, and reports whether it did: of nodes racing to
	// claim one run, exactly one sees true.
	ClaimRefreshRun(ctx context.Context, accountID, dataSetID, id string, due, next time.Time) (bool, error)
}
