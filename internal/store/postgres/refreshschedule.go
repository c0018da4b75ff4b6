package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const refreshScheduleColumns = `account_id, data_set_id, id, frequency, refresh_type, timezone,
	time_of_day, day_of_week, day_of_month, start_after, next_run_at, created_at, updated_at`

// CreateRefreshSchedule returns EEXISTS, or ENOTFOUND if the dataset does
// not exist.
func (s *Store) CreateRefreshSchedule(ctx context.Context, r *sg.RefreshSchedule) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO refresh_schedules (`+refreshScheduleColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		r.AccountID, r.DataSetID, r.ID, r.Interval, r.RefreshType, r.Timezone, r.TimeOfTheDay,
		r.DayOfWeek, r.DayOfMonth, sqlkit.MillisOrZero(r.StartAfter), sqlkit.Millis(r.NextRunAt),
		sqlkit.Millis(r.CreatedAt), sqlkit.Millis(r.UpdatedAt))
	if err != nil {
		return normalize("create refresh schedule", err, sqlkit.Meaning{
			Unique:  sqlkit.RefreshScheduleExists(r.AccountID, r.DataSetID, r.ID),
			Missing: sqlkit.DataSetNotFound(r.AccountID, r.DataSetID),
		})
	}
	return nil
}

// FindRefreshSchedule returns ENOTFOUND.
func (s *Store) FindRefreshSchedule(ctx context.Context, accountID, dataSetID, id string) (*sg.RefreshSchedule, error) {
	r, err := scanRefreshSchedule(s.pool.QueryRow(ctx, `SELECT `+refreshScheduleColumns+` FROM refresh_schedules
		WHERE account_id = $1 AND data_set_id = $2 AND id = $3`, accountID, dataSetID, id))
	if err != nil {
		return nil, normalize("find refresh schedule", err, sqlkit.Meaning{Missing: sqlkit.RefreshScheduleNotFound(accountID, dataSetID, id)})
	}
	return r, nil
}

// ListRefreshSchedules returns a dataset's schedules ordered by id.
func (s *Store) ListRefreshSchedules(ctx context.Context, accountID, dataSetID string) ([]*sg.RefreshSchedule, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+refreshScheduleColumns+` FROM refresh_schedules
		WHERE account_id = $1 AND data_set_id = $2 ORDER BY id`, accountID, dataSetID)
	if err != nil {
		return nil, normalize("list refresh schedules", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanRefreshSchedule)
	if err != nil {
		return nil, normalize("list refresh schedules", err, sqlkit.Meaning{})
	}
	if list == nil {
		list = []*sg.RefreshSchedule{}
	}
	return list, nil
}

// UpdateRefreshSchedule replaces everything but the keys and CreatedAt.
func (s *Store) UpdateRefreshSchedule(ctx context.Context, r *sg.RefreshSchedule) error {
	n, err := affected(s.pool.Exec(ctx, `UPDATE refresh_schedules SET frequency = $1, refresh_type = $2,
		timezone = $3, time_of_day = $4, day_of_week = $5, day_of_month = $6, start_after = $7,
		next_run_at = $8, updated_at = $9 WHERE account_id = $10 AND data_set_id = $11 AND id = $12`,
		r.Interval, r.RefreshType, r.Timezone, r.TimeOfTheDay, r.DayOfWeek, r.DayOfMonth,
		sqlkit.MillisOrZero(r.StartAfter), sqlkit.Millis(r.NextRunAt), sqlkit.Millis(r.UpdatedAt),
		r.AccountID, r.DataSetID, r.ID))
	if err != nil {
		return normalize("update refresh schedule", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.RefreshScheduleNotFound(r.AccountID, r.DataSetID, r.ID)
	}
	return nil
}

// DeleteRefreshSchedule returns ENOTFOUND.
func (s *Store) DeleteRefreshSchedule(ctx context.Context, accountID, dataSetID, id string) error {
	n, err := affected(s.pool.Exec(ctx, `DELETE FROM refresh_schedules
		WHERE account_id = $1 AND data_set_id = $2 AND id = $3`, accountID, dataSetID, id))
	if err != nil {
		return normalize("delete refresh schedule", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.RefreshScheduleNotFound(accountID, dataSetID, id)
	}
	return nil
}

// ListDueRefreshSchedules returns the schedules due at now, earliest first.
func (s *Store) ListDueRefreshSchedules(ctx context.Context, now time.Time, limit int) ([]*sg.RefreshSchedule, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+refreshScheduleColumns+` FROM refresh_schedules
		WHERE next_run_at <= $1 ORDER BY next_run_at LIMIT $2`, sqlkit.Millis(now), limit)
	if err != nil {
		return nil, normalize("list due refresh schedules", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanRefreshSchedule)
	if err != nil {
		return nil, normalize("list due refresh schedules", err, sqlkit.Meaning{})
	}
	if list == nil {
		list = []*sg.RefreshSchedule{}
	}
	return list, nil
}

// ClaimRefreshRun moves NextRunAt from due to next when it is still due:
// one UPDATE whose condition is the claim, so of racing nodes one wins.
func (s *Store) ClaimRefreshRun(ctx context.Context, accountID, dataSetID, id string, due, next time.Time) (bool, error) {
	n, err := affected(s.pool.Exec(ctx, `UPDATE refresh_schedules SET next_run_at = $1
		WHERE account_id = $2 AND data_set_id = $3 AND id = $4 AND next_run_at = $5`,
		sqlkit.Millis(next), accountID, dataSetID, id, sqlkit.Millis(due)))
	if err != nil {
		return false, normalize("claim refresh run", err, sqlkit.Meaning{})
	}
	return n == 1, nil
}

func scanRefreshSchedule(row pgx.Row) (*sg.RefreshSchedule, error) {
	var r sg.RefreshSchedule
	var start, next, created, updated int64
	if err := row.Scan(&r.AccountID, &r.DataSetID, &r.ID, &r.Interval, &r.RefreshType, &r.Timezone,
		&r.TimeOfTheDay, &r.DayOfWeek, &r.DayOfMonth, &start, &next, &created, &updated); err != nil {
		return nil, err
	}
	r.StartAfter, r.NextRunAt = sqlkit.TimeOrZero(start), sqlkit.Time(next)
	r.CreatedAt, r.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &r, nil
}
