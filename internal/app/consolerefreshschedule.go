package app

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/apimodel"
)

// ConsoleSchedules is the refresh set-up of a SPICE dataset as the
// editor's SPICE panel shows it: its refresh schedules (as
// ListRefreshSchedules returns them) and its incremental refresh's
// lookback window, if it has one.
type ConsoleSchedules struct {
	Schedules []*sg.RefreshSchedule
	Lookback  *LookbackWindow
}

// ConsoleRefreshSchedules returns the refresh set-up of a dataset u may
// see.
func (a *App) ConsoleRefreshSchedules(ctx context.Context, u *sg.User, id string) (*ConsoleSchedules, error) {
	d, err := a.ConsoleDataSet(ctx, u, id)
	if err != nil {
		return nil, err
	}
	list, err := a.ListRefreshSchedules(ctx, u.AccountID, id)
	if err != nil {
		return nil, err
	}
	return &ConsoleSchedules{Schedules: list, Lookback: lookback(d.RefreshProperties)}, nil
}

// modelChecked checks a member built by the console against its shape in
// the service model, as the API checks a request's, in AWS's wording.
func modelChecked(shape, member string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	err = apimodel.ValidateJSON(shape, member, raw)
	if e, ok := errors.AsType[*apimodel.Error](err); ok {
		if e.Kind == apimodel.Validation {
			return sg.Errorf(sg.EVALIDATION, "%s", e.Message)
		}
		return sg.Errorf(sg.EINVALID, "%s", e.Message)
	}
	return err
}

// ConsoleCreateRefreshSchedule adds a refresh schedule to a dataset u
// owns, checked as CreateRefreshSchedule's request is (the service model's
// shape, then CreateRefreshSchedule itself). An empty ID gets a new one.
func (a *App) ConsoleCreateRefreshSchedule(ctx context.Context, u *sg.User, s *sg.RefreshSchedule) error {
	if _, err := a.consoleEditableDataSet(ctx, u, s.DataSetID); err != nil {
		return err
	}
	s.AccountID = u.AccountID
	if s.ID == "" {
		s.ID = randomUUID()
	}
	freq := map[string]any{"Interval": s.Interval}
	if s.Timezone != "" {
		freq["Timezone"] = s.Timezone
	}
	if s.TimeOfTheDay != "" {
		freq["TimeOfTheDay"] = s.TimeOfTheDay
	}
	day := map[string]any{}
	if s.DayOfWeek != "" {
		day["DayOfWeek"] = s.DayOfWeek
	}
	if s.DayOfMonth != "" {
		day["DayOfMonth"] = s.DayOfMonth
	}
	if len(day) > 0 {
		freq["RefreshOnDay"] = day
	}
	shape := map[string]any{"ScheduleId": s.ID, "RefreshType": s.RefreshType, "ScheduleFrequency": freq}
	if err := modelChecked("RefreshSchedule", "schedule", shape); err != nil {
		return err
	}
	return a.CreateRefreshSchedule(ctx, s)
}

// ConsoleDeleteRefreshSchedule deletes a refresh schedule of a dataset u
// owns.
func (a *App) ConsoleDeleteRefreshSchedule(ctx context.Context, u *sg.User, dataSetID, id string) error {
	if _, err := a.consoleEditableDataSet(ctx, u, dataSetID); err != nil {
		return err
	}
	if err := checkScheduleID(id); err != nil {
		return err
	}
	return a.DeleteRefreshSchedule(ctx, u.AccountID, dataSetID, id)
}

// ConsolePutLookback sets the incremental refresh configuration of a
// dataset u owns: the lookback window over one of its DATETIME columns,
// through PutDataSetRefreshProperties.
func (a *App) ConsolePutLookback(ctx context.Context, u *sg.User, dataSetID string, w LookbackWindow) error {
	if _, err := a.consoleEditableDataSet(ctx, u, dataSetID); err != nil {
		return err
	}
	props := map[string]any{"RefreshConfiguration": map[string]any{"IncrementalRefresh": map[string]any{"LookbackWindow": w}}}
	if err := modelChecked("DataSetRefreshProperties", "dataSetRefreshProperties", props); err != nil {
		return err
	}
	raw, err := json.Marshal(props)
	if err != nil {
		return err
	}
	return a.PutDataSetRefreshProperties(ctx, u.AccountID, dataSetID, raw)
}

// ConsoleDeleteLookback removes the refresh properties of a dataset u
// owns, through DeleteDataSetRefreshProperties.
func (a *App) ConsoleDeleteLookback(ctx context.Context, u *sg.User, dataSetID string) error {
	if _, err := a.consoleEditableDataSet(ctx, u, dataSetID); err != nil {
		return err
	}
	return a.DeleteDataSetRefreshProperties(ctx, u.AccountID, dataSetID)
}

// NextRefreshAt is when a schedule next runs, in its own time zone (for
// the panel).
func NextRefreshAt(s *sg.RefreshSchedule) time.Time {
	if loc, err := time.LoadLocation(s.Timezone); err == nil {
		return s.NextRunAt.In(loc)
	}
	return s.NextRunAt
}
