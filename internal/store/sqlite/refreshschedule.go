package sqlite

import (
	"context"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const refreshScheduleColumns = `account_id, data_set_id, id, frequency, refresh_type, timezone,
	time_of_day, day_of_week, day_of_month, start_after, next_run_at, created_at, updated_at`

// CreateRefreshSchedule returns EEXISTS, or ENOTFOUND if the dataset does
// not exist.
func (s *Store) CreateRefreshSchedule(ctx context.Context, r *sg.RefreshSchedule) error {
	_, err := s.ws.exec(ctx, `INSERT INTO refresh_schedules (`+refreshScheduleColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
	r, err := scanRefreshSchedule(s.rs.queryRow(ctx, `SELECT `+refreshScheduleColumns+` FROM refresh_schedules
		WHERE account_id = ? AND data_set_id = ? AND id = ?`, accountID, dataSetID, id))
	if err != nil {
		return nil, normalize("find refresh schedule", err, sqlkit.Meaning{Missing: sqlkit.RefreshScheduleNotFound(accountID, dataSetID, id)})
	}
	return r, nil
}

// ListRefreshSchedules returns a dataset's schedules ordered by id.
func (s *Store) ListRefreshSchedules(ctx context.Context, accountID, dataSetID string) ([]*sg.RefreshSchedule, error) {
	rows, err := s.rs.query(ctx, `SELECT `+refreshScheduleColumns+` FROM refresh_schedules
		WHERE account_id = ? AND data_set_id = ? ORDER BY id`, accountID, dataSetID)
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
	n, err := affected(s.ws.exec(ctx, `UPDATE refresh_schedules SET frequency = ?, refresh_type = ?,
		timezone = ?, time_of_day = ?, day_of_week = ?, day_of_month = ?, start_after = ?,
		next_run_at = ?, updated_at = ? WHERE account_id = ? AND data_set_id = ? AND id = ?`,
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
	n, err := affected(s.ws.exec(ctx, `DELETE FROM refresh_schedules
		WHERE account_id = ? AND data_set_id = ? AND id = ?`, accountID, dataSetID, id))
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
	rows, err := s.rs.query(ctx, `SELECT `+refreshScheduleColumns+` FROM refresh_schedules
		WHERE next_run_at <= ? ORDER BY next_run_at LIMIT ?`, sqlkit.Millis(now), limit)
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
	n, err := affected(s.ws.exec(ctx, `UPDATE refresh_schedules SET next_run_at = ?
		WHERE account_id = ? AND data_set_id = ? AND id = ? AND next_run_at = ?`,
		sqlkit.Millis(next), accountID, dataSetID, id, sqlkit.Millis(due)))
	if err != nil {
		return false, normalize("claim refresh run", err, sqlkit.Meaning{})
	}
	return n == 1, nil
}

func scanRefreshSchedule(row scanner) (*sg.RefreshSchedule, error) {
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
