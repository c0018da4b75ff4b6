package awsapi

import (
	"context"
	"encoding/json"
	"math"
	"net/http"
	"time"

	sg "github.com/sightglass/sightglass"
)

const refreshSchedulesPath = dataSetsPath + "/{DataSetId}/refresh-schedules"

func (s *Server) refreshScheduleOps() []*op {
	return []*op{
		{Name: "CreateRefreshSchedule", Method: http.MethodPost, Template: refreshSchedulesPath, Status: http.StatusOK, Handle: s.createRefreshSchedule},
		{Name: "UpdateRefreshSchedule", Method: http.MethodPut, Template: refreshSchedulesPath, Status: http.StatusOK, Handle: s.updateRefreshSchedule},
		{Name: "ListRefreshSchedules", Method: http.MethodGet, Template: refreshSchedulesPath, Status: http.StatusOK, Handle: s.listRefreshSchedules},
		{Name: "DescribeRefreshSchedule", Method: http.MethodGet, Template: refreshSchedulesPath + "/{ScheduleId}", Status: http.StatusOK, Handle: s.describeRefreshSchedule},
		{Name: "DeleteRefreshSchedule", Method: http.MethodDelete, Template: refreshSchedulesPath + "/{ScheduleId}", Status: http.StatusOK, Handle: s.deleteRefreshSchedule},
	}
}

// refreshSchedule is QuickSight's RefreshSchedule shape.
type refreshSchedule struct {
	ScheduleId         string
	ScheduleFrequency  refreshFrequency
	StartAfterDateTime *timestamp `json:",omitempty"`
	RefreshType        string
	Arn                string `json:",omitempty"`
}

type refreshFrequency struct {
	Interval     string
	RefreshOnDay *refreshOnDay `json:",omitempty"`
	Timezone     string        `json:",omitempty"`
	TimeOfTheDay string        `json:",omitempty"`
}

type refreshOnDay struct {
	DayOfWeek  string `json:",omitempty"`
	DayOfMonth string `json:",omitempty"`
}

// scheduleInput is the Schedule member of a request; the service model
// has checked its members' types and enums.
type scheduleInput struct {
	ScheduleId        string
	ScheduleFrequency struct {
		Interval     string
		RefreshOnDay *refreshOnDay
		Timezone     string
		TimeOfTheDay string
	}
	StartAfterDateTime *json.Number
	RefreshType        string
}

func (s *Server) toRefreshSchedule(r *sg.RefreshSchedule) refreshSchedule {
	out := refreshSchedule{
		ScheduleId:         r.ID,
		ScheduleFrequency:  refreshFrequency{Interval: r.Interval, Timezone: r.Timezone, TimeOfTheDay: r.TimeOfTheDay},
		StartAfterDateTime: ts(r.StartAfter),
		RefreshType:        r.RefreshType,
		Arn:                s.app.RefreshScheduleARN(r.AccountID, r.DataSetID, r.ID),
	}
	if r.DayOfWeek != "" || r.DayOfMonth != "" {
		out.ScheduleFrequency.RefreshOnDay = &refreshOnDay{DayOfWeek: r.DayOfWeek, DayOfMonth: r.DayOfMonth}
	}
	return out
}

// scheduleFromRequest reads the Schedule member of a create or update.
func scheduleFromRequest(in *input) (*sg.RefreshSchedule, error) {
	var body struct {
		Schedule scheduleInput
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	b := body.Schedule
	r := &sg.RefreshSchedule{
		AccountID:    in.Labels["AwsAccountId"],
		DataSetID:    in.Labels["DataSetId"],
		ID:           b.ScheduleId,
		Interval:     b.ScheduleFrequency.Interval,
		RefreshType:  b.RefreshType,
		Timezone:     b.ScheduleFrequency.Timezone,
		TimeOfTheDay: b.ScheduleFrequency.TimeOfTheDay,
	}
	if d := b.ScheduleFrequency.RefreshOnDay; d != nil {
		r.DayOfWeek, r.DayOfMonth = d.DayOfWeek, d.DayOfMonth
	}
	if b.StartAfterDateTime != nil {
		secs, err := b.StartAfterDateTime.Float64()
		if err != nil || math.IsInf(secs, 0) || math.IsNaN(secs) || secs < 0 || secs > 253402300799 {
			return nil, errSerialization("Member StartAfterDateTime must be a timestamp in epoch seconds.")
		}
		r.StartAfter = time.UnixMilli(int64(secs * 1000)).UTC()
	}
	return r, nil
}

type scheduleIDOutput struct {
	meta
	ScheduleId string
	Arn        string
}

func (s *Server) createRefreshSchedule(ctx context.Context, in *input) (output, error) {
	r, err := scheduleFromRequest(in)
	if err != nil {
		return nil, err
	}
	if err := s.app.CreateRefreshSchedule(ctx, r); err != nil {
		return nil, err
	}
	return &scheduleIDOutput{ScheduleId: r.ID, Arn: s.app.RefreshScheduleARN(r.AccountID, r.DataSetID, r.ID)}, nil
}

func (s *Server) updateRefreshSchedule(ctx context.Context, in *input) (output, error) {
	r, err := scheduleFromRequest(in)
	if err != nil {
		return nil, err
	}
	if err := s.app.UpdateRefreshSchedule(ctx, r); err != nil {
		return nil, err
	}
	return &scheduleIDOutput{ScheduleId: r.ID, Arn: s.app.RefreshScheduleARN(r.AccountID, r.DataSetID, r.ID)}, nil
}

type describeRefreshScheduleOutput struct {
	meta
	RefreshSchedule refreshSchedule
	Arn             string
}

func (s *Server) describeRefreshSchedule(ctx context.Context, in *input) (output, error) {
	acct, ds, id := in.Labels["AwsAccountId"], in.Labels["DataSetId"], in.Labels["ScheduleId"]
	r, err := s.app.DescribeRefreshSchedule(ctx, acct, ds, id)
	if err != nil {
		return nil, err
	}
	return &describeRefreshScheduleOutput{RefreshSchedule: s.toRefreshSchedule(r), Arn: s.app.RefreshScheduleARN(acct, ds, id)}, nil
}

type listRefreshSchedulesOutput struct {
	meta
	RefreshSchedules []refreshSchedule
}

func (s *Server) listRefreshSchedules(ctx context.Context, in *input) (output, error) {
	list, err := s.app.ListRefreshSchedules(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"])
	if err != nil {
		return nil, err
	}
	out := &listRefreshSchedulesOutput{RefreshSchedules: make([]refreshSchedule, 0, len(list))}
	for _, r := range list {
		out.RefreshSchedules = append(out.RefreshSchedules, s.toRefreshSchedule(r))
	}
	return out, nil
}

func (s *Server) deleteRefreshSchedule(ctx context.Context, in *input) (output, error) {
	acct, ds, id := in.Labels["AwsAccountId"], in.Labels["DataSetId"], in.Labels["ScheduleId"]
	if err := s.app.DeleteRefreshSchedule(ctx, acct, ds, id); err != nil {
		return nil, err
	}
	return &scheduleIDOutput{ScheduleId: id, Arn: s.app.RefreshScheduleARN(acct, ds, id)}, nil
}
