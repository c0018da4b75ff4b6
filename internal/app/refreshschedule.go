package app

import (
	"context"
	"log/slog"
	"regexp"
	"time"
	_ "time/tzdata" // schedules name IANA zones; the binary carries them

	sg "github.com/sightglass/sightglass"
)

// maxRefreshSchedules is how many refresh schedules one dataset may have
// (QuickSight documents 5).
const maxRefreshSchedules = 5

var reScheduleID = regexp.MustCompile(`^[a-zA-Z0-9-_]+$`)

// RefreshScheduleARN returns the ARN of a refresh schedule.
func (a *App) RefreshScheduleARN(accountID, dataSetID, id string) string {
	return sg.QuickSightARN(a.Region, accountID, "dataset/"+dataSetID+"/refresh-schedule/"+id)
}

func refreshScheduleNotFound(accountID, dataSetID, id string) error {
	return sg.Errorf(sg.ENOTFOUND, "Refresh schedule %s of dataset %s does not exist in account %s.", id, dataSetID, accountID)
}

func checkScheduleID(id string) error {
	if id == "" {
		return required("schedule.scheduleId")
	}
	if err := checkLen("schedule.scheduleId", id, 1, 128); err != nil {
		return err
	}
	return checkPattern("schedule.scheduleId", id, reScheduleID)
}

// checkRefreshSchedule validates a schedule as given (the service model
// has checked enums and the day-of-month pattern) and fills in the
// defaults: the UTC zone, and now as the start.
func (a *App) checkRefreshSchedule(s *sg.RefreshSchedule) error {
	if err := checkScheduleID(s.ID); err != nil {
		return err
	}
	if err := checkIngestionType("schedule.refreshType", s.RefreshType); err != nil {
		return err
	}
	if err := checkEnum("schedule.scheduleFrequency.interval", s.Interval, []string{sg.RefreshMinute15, sg.RefreshMinute30, sg.RefreshHourly, sg.RefreshDaily, sg.RefreshWeekly, sg.RefreshMonthly}); err != nil {
		return err
	}
	if s.Timezone == "" {
		s.Timezone = "UTC"
	}
	if _, err := time.LoadLocation(s.Timezone); err != nil || s.Timezone == "Local" {
		return sg.Errorf(sg.EINVALID, "Timezone %q is not a time zone name (such as America/New_York or UTC).", s.Timezone)
	}
	_, minute := minuteIntervals[s.Interval]
	if s.TimeOfTheDay != "" {
		if _, _, ok := splitTimeOfDay(s.TimeOfTheDay); !ok {
			return sg.Errorf(sg.EINVALID, "TimeOfTheDay %q is not a time of day in HH:MM form.", s.TimeOfTheDay)
		}
	} else if !minute {
		return sg.Errorf(sg.EINVALID, "A %s schedule needs TimeOfTheDay (HH:MM).", s.Interval)
	}
	switch {
	case s.Interval == sg.RefreshWeekly && s.DayOfWeek == "":
		return sg.Errorf(sg.EINVALID, "A WEEKLY schedule needs RefreshOnDay.DayOfWeek.")
	case s.Interval == sg.RefreshMonthly && s.DayOfMonth == "":
		return sg.Errorf(sg.EINVALID, "A MONTHLY schedule needs RefreshOnDay.DayOfMonth.")
	case s.Interval != sg.RefreshWeekly && s.DayOfWeek != "":
		return sg.Errorf(sg.EINVALID, "RefreshOnDay.DayOfWeek applies to WEEKLY schedules, not %s.", s.Interval)
	case s.Interval != sg.RefreshMonthly && s.DayOfMonth != "":
		return sg.Errorf(sg.EINVALID, "RefreshOnDay.DayOfMonth applies to MONTHLY schedules, not %s.", s.Interval)
	}
	if s.StartAfter.IsZero() {
		s.StartAfter = a.now()
	}
	s.StartAfter = s.StartAfter.UTC().Truncate(time.Second)
	s.NextRunAt = nextRefresh(s, s.StartAfter)
	return nil
}

// spiceDataSet finds a dataset a schedule may refresh.
func (a *App) spiceDataSet(ctx context.Context, accountID, dataSetID string) (*sg.DataSet, error) {
	d, err := a.findDataSet(ctx, accountID, dataSetID)
	if err != nil {
		return nil, err
	}
	if d.ImportMode != sg.ImportSPICE {
		return nil, sg.Errorf(sg.EINVALID, "Dataset %s is not imported into SPICE (ImportMode %s): it has nothing to refresh.", dataSetID, d.ImportMode)
	}
	return d, nil
}

// CreateRefreshSchedule adds a refresh schedule to a SPICE dataset.
func (a *App) CreateRefreshSchedule(ctx context.Context, s *sg.RefreshSchedule) error {
	if err := a.checkDataPath(ctx, "CreateRefreshSchedule", s.AccountID, s.DataSetID, checkDataSetID, a.DataSetARN(s.AccountID, s.DataSetID)); err != nil {
		return err
	}
	if err := a.checkRefreshSchedule(s); err != nil {
		return err
	}
	if d, err := a.spiceDataSet(ctx, s.AccountID, s.DataSetID); err != nil {
		return err
	} else if err := checkIncrementalConfigured(d, s.RefreshType); err != nil {
		return err
	}
	list, err := a.Store.ListRefreshSchedules(ctx, s.AccountID, s.DataSetID)
	if err != nil {
		return err
	}
	if len(list) >= maxRefreshSchedules {
		return sg.Errorf(sg.ELIMIT, "Dataset %s already has %d refresh schedules, the most a dataset may have.", s.DataSetID, maxRefreshSchedules)
	}
	s.CreatedAt, s.UpdatedAt = a.now(), a.now()
	if err := a.Store.CreateRefreshSchedule(ctx, s); err != nil {
		switch sg.ErrorCode(err) {
		case sg.EEXISTS:
			return sg.Errorf(sg.EEXISTS, "Refresh schedule %s of dataset %s already exists.", s.ID, s.DataSetID)
		case sg.ENOTFOUND:
			return dataSetNotFound(s.AccountID, s.DataSetID)
		}
		return err
	}
	return nil
}

// DescribeRefreshSchedule returns a refresh schedule.
func (a *App) DescribeRefreshSchedule(ctx context.Context, accountID, dataSetID, id string) (*sg.RefreshSchedule, error) {
	if err := a.checkDataPath(ctx, "DescribeRefreshSchedule", accountID, dataSetID, checkDataSetID, a.DataSetARN(accountID, dataSetID)); err != nil {
		return nil, err
	}
	return a.findRefreshSchedule(ctx, accountID, dataSetID, id)
}

func (a *App) findRefreshSchedule(ctx context.Context, accountID, dataSetID, id string) (*sg.RefreshSchedule, error) {
	s, err := a.Store.FindRefreshSchedule(ctx, accountID, dataSetID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		if _, derr := a.findDataSet(ctx, accountID, dataSetID); derr != nil {
			return nil, derr
		}
		return nil, refreshScheduleNotFound(accountID, dataSetID, id)
	}
	return s, err
}

// ListRefreshSchedules returns a dataset's refresh schedules.
func (a *App) ListRefreshSchedules(ctx context.Context, accountID, dataSetID string) ([]*sg.RefreshSchedule, error) {
	if err := a.checkDataPath(ctx, "ListRefreshSchedules", accountID, dataSetID, checkDataSetID, a.DataSetARN(accountID, dataSetID)); err != nil {
		return nil, err
	}
	if _, err := a.findDataSet(ctx, accountID, dataSetID); err != nil {
		return nil, err
	}
	return a.Store.ListRefreshSchedules(ctx, accountID, dataSetID)
}

// UpdateRefreshSchedule replaces a refresh schedule; its next run is
// computed again from the new one.
func (a *App) UpdateRefreshSchedule(ctx context.Context, s *sg.RefreshSchedule) error {
	if err := a.checkDataPath(ctx, "UpdateRefreshSchedule", s.AccountID, s.DataSetID, checkDataSetID, a.DataSetARN(s.AccountID, s.DataSetID)); err != nil {
		return err
	}
	if err := a.checkRefreshSchedule(s); err != nil {
		return err
	}
	if d, err := a.spiceDataSet(ctx, s.AccountID, s.DataSetID); err != nil {
		return err
	} else if err := checkIncrementalConfigured(d, s.RefreshType); err != nil {
		return err
	}
	old, err := a.findRefreshSchedule(ctx, s.AccountID, s.DataSetID, s.ID)
	if err != nil {
		return err
	}
	s.CreatedAt, s.UpdatedAt = old.CreatedAt, a.now()
	if err := a.Store.UpdateRefreshSchedule(ctx, s); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return refreshScheduleNotFound(s.AccountID, s.DataSetID, s.ID)
		}
		return err
	}
	return nil
}

// DeleteRefreshSchedule deletes a refresh schedule.
func (a *App) DeleteRefreshSchedule(ctx context.Context, accountID, dataSetID, id string) error {
	if err := a.checkDataPath(ctx, "DeleteRefreshSchedule", accountID, dataSetID, checkDataSetID, a.DataSetARN(accountID, dataSetID)); err != nil {
		return err
	}
	err := a.Store.DeleteRefreshSchedule(ctx, accountID, dataSetID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		if _, derr := a.findDataSet(ctx, accountID, dataSetID); derr != nil {
			return derr
		}
		return refreshScheduleNotFound(accountID, dataSetID, id)
	}
	return err
}

// maxDuePerSweep bounds the runs one sweep starts; the rest wait for the
// next.
const maxDuePerSweep = 100

// RunDueRefreshes starts an ingestion for each refresh run that is due
// and that this node claims (of several nodes, one claims each run). A
// run missed while no node was up runs once, not once per missed
// occurrence. It returns how many ingestions it started.
func (a *App) RunDueRefreshes(ctx context.Context) int {
	now := a.now()
	due, err := a.Store.ListDueRefreshSchedules(ctx, now, maxDuePerSweep)
	if err != nil {
		if ctx.Err() == nil {
			slog.Warn("listing due refresh schedules", "err", err)
		}
		return 0
	}
	started := 0
	for _, s := range due {
		next := nextRefresh(s, now)
		ok, err := a.Store.ClaimRefreshRun(ctx, s.AccountID, s.DataSetID, s.ID, s.NextRunAt, next)
		if err != nil || !ok {
			if err != nil && ctx.Err() == nil {
				slog.Warn("claiming a refresh run", "account", s.AccountID, "dataset", s.DataSetID, "schedule", s.ID, "err", err)
			}
			continue
		}
		if a.startScheduledRefresh(ctx, s) {
			started++
		}
	}
	return started
}

// startScheduledRefresh starts the ingestion of a claimed run. A run that
// cannot start (the dataset is no longer SPICE, or has too many
// ingestions) is skipped and logged; the schedule runs again next time.
func (a *App) startScheduledRefresh(ctx context.Context, s *sg.RefreshSchedule) bool {
	log := slog.With("account", s.AccountID, "dataset", s.DataSetID, "schedule", s.ID)
	d, err := a.spiceDataSet(ctx, s.AccountID, s.DataSetID)
	if err == nil {
		err = checkIngestionType("refreshType", s.RefreshType)
	}
	if err == nil {
		err = checkIncrementalConfigured(d, s.RefreshType)
	}
	if err == nil && a.data.ingests.unfinished(d.AccountID, d.ID) >= maxUnfinishedPerDataSet {
		err = sg.Errorf(sg.ELIMIT, "Dataset %s already has %d ingestions queued or running.", d.ID, maxUnfinishedPerDataSet)
	}
	if err == nil {
		var in *sg.Ingestion
		if in, err = a.startIngestionFrom(ctx, d, randomUUID(), ingestionRequestScheduled, s.RefreshType); err == nil {
			log.Info("scheduled refresh started", "ingestion", in.ID)
			return true
		}
	}
	log.Warn("scheduled refresh skipped", "err", sg.ErrorMessage(err))
	return false
}

// checkIncrementalConfigured refuses an incremental refresh of a dataset
// with no incremental refresh configuration (PutDataSetRefreshProperties).
func checkIncrementalConfigured(d *sg.DataSet, refreshType string) error {
	if refreshType == ingestionTypeIncremental && lookback(d.RefreshProperties) == nil {
		return sg.Errorf(sg.EINVALID, "Dataset %s has no incremental refresh configuration (PutDataSetRefreshProperties): use FULL_REFRESH.", d.ID)
	}
	return nil
}
