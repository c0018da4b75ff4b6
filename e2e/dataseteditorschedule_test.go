package e2e

// The SPICE panel's refresh schedules and incremental refresh: what the
// page adds ListRefreshSchedules returns and DescribeDataSetRefreshProperties
// describes, the API's validation errors are shown in the page with the
// same message, and only owners change them.

import (
	"database/sql"
	"encoding/json"
	"errors"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/aws/smithy-go"
)

// eventsDraft is a one-table SPICE draft of the shop's events, whose
// "at" column is a DATETIME.
func eventsDraft() string {
	b, _ := json.Marshal(map[string]any{
		"Create": true, "Name": "Events", "ImportMode": "SPICE", "DataSourceId": "shop",
		"PhysicalTableMap": map[string]any{"t1": map[string]any{"RelationalTable": map[string]any{
			"DataSourceArn": dataSourceARN("shop"), "Name": "events",
			"InputColumns": []map[string]string{{"Name": "id", "Type": "INTEGER"}, {"Name": "at", "Type": "DATETIME"}},
		}}},
		"LogicalTableMap": map[string]any{"t1": map[string]any{"Alias": "events", "Source": map[string]string{"PhysicalTableId": "t1"}}},
	})
	return string(b)
}

func TestDataSetEditorSchedules(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ctx := t.Context()
	api := ts.adminClient()
	author := signIn(t, ts, "ana", types.UserRoleAuthor)
	viewer := signIn(t, ts, "otto", types.UserRoleAuthor)
	stranger := signIn(t, ts, "sam", types.UserRoleAuthor)
	db, err := sql.Open("sqlite", shopSource(t, ts, "ana"))
	must(t, err)
	_, err = db.ExecContext(ctx, `CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT NOT NULL); INSERT INTO events VALUES (1, '2026-01-02 03:04:05')`)
	must(t, err)
	must(t, db.Close())
	id := savedID(t, author.post(t, "/data/sets/editor/save", url.Values{"draft": {eventsDraft()}}, true))
	waitPanel(t, author, id)

	dsPage := author.get(t, "/data/sets/"+id)
	if !strings.Contains(dsPage.Body, `hx-get="`+strings.TrimPrefix(author.url("/data/sets/"+id+"/schedules"), ts.URL)) {
		t.Errorf("the dataset page does not load the schedules panel")
	}
	p := author.get(t, "/data/sets/"+id+"/schedules")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "No refresh schedules.") || !strings.Contains(p.Body, `class="ds-schedule-form"`) || !strings.Contains(p.Body, "<option>at</option>") {
		t.Fatalf("schedules panel: %d %s", p.Status, p.Body)
	}
	list := func() []types.RefreshSchedule {
		t.Helper()
		out, err := api.ListRefreshSchedules(ctx, &quicksight.ListRefreshSchedulesInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(id)})
		must(t, err)
		return out.RefreshSchedules
	}
	add := func(fields ...string) *page {
		form := url.Values{}
		for i := 0; i+1 < len(fields); i += 2 {
			form.Set(fields[i], fields[i+1])
		}
		return author.post(t, "/data/sets/"+id+"/schedules", form, true)
	}
	// apiMessage is the message CreateRefreshSchedule answers for the same
	// schedule.
	apiMessage := func(s types.RefreshSchedule) string {
		t.Helper()
		s.ScheduleId = aws.String("api-check")
		_, err := api.CreateRefreshSchedule(ctx, &quicksight.CreateRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(id), Schedule: &s})
		var ae smithy.APIError
		if !errors.As(err, &ae) {
			t.Fatalf("the API took %+v: %v", s, err)
		}
		return ae.ErrorMessage()
	}
	freq := func(interval types.RefreshInterval, tod, tz string, day *types.ScheduleRefreshOnEntity) *types.RefreshFrequency {
		f := &types.RefreshFrequency{Interval: interval, RefreshOnDay: day}
		if tod != "" {
			f.TimeOfTheDay = aws.String(tod)
		}
		if tz != "" {
			f.Timezone = aws.String(tz)
		}
		return f
	}
	// Refused schedules show the API's own message, at its status.
	for _, c := range []struct {
		name   string
		fields []string
		api    types.RefreshSchedule
	}{
		{"daily without a time", []string{"interval", "DAILY", "type", "FULL_REFRESH", "timezone", "UTC"},
			types.RefreshSchedule{RefreshType: "FULL_REFRESH", ScheduleFrequency: freq("DAILY", "", "UTC", nil)}},
		{"a zone that is none", []string{"interval", "DAILY", "type", "FULL_REFRESH", "time", "08:00", "timezone", "Mars/Base"},
			types.RefreshSchedule{RefreshType: "FULL_REFRESH", ScheduleFrequency: freq("DAILY", "08:00", "Mars/Base", nil)}},
		{"day 31", []string{"interval", "MONTHLY", "type", "FULL_REFRESH", "time", "08:00", "timezone", "UTC", "dayOfMonth", "31"},
			types.RefreshSchedule{RefreshType: "FULL_REFRESH", ScheduleFrequency: freq("MONTHLY", "08:00", "UTC", &types.ScheduleRefreshOnEntity{DayOfMonth: aws.String("31")})}},
		{"incremental without a configuration", []string{"interval", "HOURLY", "type", "INCREMENTAL_REFRESH", "time", "00:15", "timezone", "UTC"},
			types.RefreshSchedule{RefreshType: "INCREMENTAL_REFRESH", ScheduleFrequency: freq("HOURLY", "00:15", "UTC", nil)}},
	} {
		want := apiMessage(c.api)
		if p := add(c.fields...); p.Status != http.StatusBadRequest || !strings.Contains(html.UnescapeString(p.Body), `<p class="ds-refused" role="alert">`+want+`</p>`) {
			t.Errorf("%s: %d, want 400 with %q:\n%s", c.name, p.Status, want, p.Body)
		}
	}
	if n := len(list()); n != 0 {
		t.Fatalf("refused schedules were stored: %d", n)
	}

	// A weekly full refresh in Berlin's time.
	p = add("interval", "WEEKLY", "type", "FULL_REFRESH", "time", "09:30", "timezone", "Europe/Berlin", "dayOfWeek", "MONDAY", "dayOfMonth", "12")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Schedule added.") {
		t.Fatalf("weekly schedule: %d %s", p.Status, p.Body)
	}
	got := list()
	if len(got) != 1 {
		t.Fatalf("ListRefreshSchedules: %d schedules, want 1", len(got))
	}
	weekly := got[0]
	f := weekly.ScheduleFrequency
	if weekly.RefreshType != "FULL_REFRESH" || f.Interval != "WEEKLY" || aws.ToString(f.TimeOfTheDay) != "09:30" || aws.ToString(f.Timezone) != "Europe/Berlin" ||
		f.RefreshOnDay == nil || f.RefreshOnDay.DayOfWeek != "MONDAY" || aws.ToString(f.RefreshOnDay.DayOfMonth) != "" {
		t.Errorf("the page's schedule as the API lists it: %s", jsonString(weekly))
	}
	if !strings.Contains(p.Body, `data-schedule="`+aws.ToString(weekly.ScheduleId)+`"`) {
		t.Errorf("the panel does not list the schedule:\n%s", p.Body)
	}

	// The incremental refresh configuration: refused values, then a
	// window of 3 days over "at".
	for _, c := range []struct{ column, size, unit, want string }{
		{"id", "3", "DAY", "not DATETIME"},
		{"at", "0", "DAY", "greater than or equal to 1"},
		{"at", "3", "FORTNIGHT", "enum value set"},
		{"at", "x", "DAY", "whole number"},
	} {
		p := author.post(t, "/data/sets/"+id+"/incremental", url.Values{"column": {c.column}, "size": {c.size}, "unit": {c.unit}}, true)
		if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "ds-refused") || !strings.Contains(p.Body, c.want) {
			t.Errorf("lookback %v: %d %s", c, p.Status, p.Body)
		}
	}
	p = author.post(t, "/data/sets/"+id+"/incremental", url.Values{"column": {"at"}, "size": {"3"}, "unit": {"DAY"}}, true)
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "<code>at</code> falls in the last 3 day(s)") {
		t.Fatalf("lookback: %d %s", p.Status, p.Body)
	}
	props, err := api.DescribeDataSetRefreshProperties(ctx, &quicksight.DescribeDataSetRefreshPropertiesInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(id)})
	must(t, err)
	w := props.DataSetRefreshProperties.RefreshConfiguration.IncrementalRefresh.LookbackWindow
	if aws.ToString(w.ColumnName) != "at" || aws.ToInt64(w.Size) != 3 || w.SizeUnit != "DAY" {
		t.Errorf("DescribeDataSetRefreshProperties: %s", jsonString(w))
	}
	// Now an incremental schedule is accepted.
	if p := add("interval", "HOURLY", "type", "INCREMENTAL_REFRESH", "time", "00:15", "timezone", "UTC"); p.Status != http.StatusOK {
		t.Fatalf("incremental schedule: %d %s", p.Status, p.Body)
	}
	if n := len(list()); n != 2 {
		t.Fatalf("ListRefreshSchedules: %d schedules, want 2", n)
	}

	// Viewers see the panel without its forms and change nothing;
	// strangers do not see it.
	if r := author.post(t, "/data/sets/"+id+"/share", url.Values{"user": {"otto"}, "level": {"viewer"}}, true); r.Status != http.StatusOK {
		t.Fatalf("share: %d %s", r.Status, r.Body)
	}
	if p := viewer.get(t, "/data/sets/"+id+"/schedules"); p.Status != http.StatusOK || strings.Contains(p.Body, "<form") || strings.Contains(p.Body, "ds-schedule-delete") || !strings.Contains(p.Body, "INCREMENTAL_REFRESH") {
		t.Errorf("a viewer's panel: %d %s", p.Status, p.Body)
	}
	for _, path := range []string{"/schedules", "/schedules/" + aws.ToString(weekly.ScheduleId) + "/delete", "/incremental", "/incremental/delete"} {
		if p := viewer.post(t, "/data/sets/"+id+path, url.Values{"interval": {"DAILY"}, "time": {"01:00"}, "type": {"FULL_REFRESH"}, "column": {"at"}, "size": {"1"}, "unit": {"DAY"}}, true); p.Status != http.StatusForbidden {
			t.Errorf("a viewer's POST %s: %d %s", path, p.Status, p.Body)
		}
		if p := stranger.post(t, "/data/sets/"+id+path, nil, true); p.Status != http.StatusForbidden {
			t.Errorf("a stranger's POST %s: %d %s", path, p.Status, p.Body)
		}
	}
	if p := stranger.get(t, "/data/sets/"+id+"/schedules"); p.Status != http.StatusForbidden {
		t.Errorf("a stranger's panel: %d %s", p.Status, p.Body)
	}
	if n := len(list()); n != 2 {
		t.Fatalf("refused changes changed the schedules: %d", n)
	}

	// Deleting: the weekly schedule, then one that is gone (the API's
	// not-found message), then the incremental configuration.
	if p := author.post(t, "/data/sets/"+id+"/schedules/"+aws.ToString(weekly.ScheduleId)+"/delete", nil, true); p.Status != http.StatusOK || !strings.Contains(p.Body, "Schedule deleted.") {
		t.Fatalf("delete: %d %s", p.Status, p.Body)
	}
	if got := list(); len(got) != 1 || got[0].RefreshType != "INCREMENTAL_REFRESH" {
		t.Fatalf("after the delete: %s", jsonString(got))
	}
	if p := author.post(t, "/data/sets/"+id+"/schedules/"+aws.ToString(weekly.ScheduleId)+"/delete", nil, true); p.Status != http.StatusNotFound || !strings.Contains(p.Body, "does not exist") {
		t.Errorf("delete again: %d %s", p.Status, p.Body)
	}
	if p := author.post(t, "/data/sets/"+id+"/incremental/delete", nil, true); p.Status != http.StatusOK || !strings.Contains(p.Body, "No incremental refresh configuration.") {
		t.Fatalf("delete lookback: %d %s", p.Status, p.Body)
	}
	_, err = api.DescribeDataSetRefreshProperties(ctx, &quicksight.DescribeDataSetRefreshPropertiesInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(id)})
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("DescribeDataSetRefreshProperties after the delete: %v", err)
	}
}
