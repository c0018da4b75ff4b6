package e2e

// Refresh schedules through the API (CreateRefreshSchedule and its
// siblings), their modeled errors, and the runs the servers start.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query"
)

// schedule returns a RefreshSchedule input.
func schedule(id string, interval types.RefreshInterval, change func(s *types.RefreshSchedule)) *types.RefreshSchedule {
	s := &types.RefreshSchedule{
		ScheduleId:  aws.String(id),
		RefreshType: types.IngestionTypeFullRefresh,
		ScheduleFrequency: &types.RefreshFrequency{
			Interval:     interval,
			Timezone:     aws.String("Europe/Paris"),
			TimeOfTheDay: aws.String("06:30"),
		},
	}
	if change != nil {
		change(s)
	}
	return s
}

func createSchedule(ctx context.Context, c *quicksight.Client, dataSetID string, s *types.RefreshSchedule) error {
	_, err := c.CreateRefreshSchedule(ctx, &quicksight.CreateRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(dataSetID), Schedule: s})
	return err
}

func scheduleARN(dataSetID, id string) string {
	return fmt.Sprintf("arn:aws:quicksight:%s:%s:dataset/%s/refresh-schedule/%s", region, accountID, dataSetID, id)
}

// spiceOnPG creates a PostgreSQL data source and a SPICE dataset of one
// row on it (every server of a shared store reaches it), and waits for
// its first ingestion.
func spiceOnPG(t *testing.T, c *quicksight.Client, dataSetID string) {
	t.Helper()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String(dataSetID), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT 1 AS one", col("one", types.InputColumnDataTypeInteger))})
	wantIngestion(t, waitIngestion(t, c, dataSetID, aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 1, "")
}

func TestRefreshScheduleOperations(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	spiceOnPG(t, c, "spice")
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("direct"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL("pg", "SELECT 1 AS one", col("one", types.InputColumnDataTypeInteger))})

	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	weekly := schedule("weekly", types.RefreshIntervalWeekly, func(s *types.RefreshSchedule) {
		s.ScheduleFrequency.RefreshOnDay = &types.ScheduleRefreshOnEntity{DayOfWeek: types.DayOfWeekMonday}
		s.StartAfterDateTime = aws.Time(start)
	})
	out, err := c.CreateRefreshSchedule(ctx, &quicksight.CreateRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), Schedule: weekly})
	must(t, err)
	wantEqual(t, "CreateRefreshSchedule", []any{aws.ToString(out.ScheduleId), aws.ToString(out.Arn), out.Status}, []any{"weekly", scheduleARN("spice", "weekly"), int32(200)})

	desc, err := c.DescribeRefreshSchedule(ctx, &quicksight.DescribeRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), ScheduleId: aws.String("weekly")})
	must(t, err)
	want := *weekly
	want.Arn = aws.String(scheduleARN("spice", "weekly"))
	wantEqual(t, "DescribeRefreshSchedule", jsonString(desc.RefreshSchedule), jsonString(&want))
	wantEqual(t, "DescribeRefreshSchedule Arn", aws.ToString(desc.Arn), scheduleARN("spice", "weekly"))

	// Without a zone or a start: UTC, and the time of the call.
	before := time.Now().Truncate(time.Second)
	must(t, createSchedule(ctx, c, "spice", schedule("hourly", types.RefreshIntervalHourly, func(s *types.RefreshSchedule) {
		s.ScheduleFrequency.Timezone, s.ScheduleFrequency.TimeOfTheDay = nil, nil
	})))
	list, err := c.ListRefreshSchedules(ctx, &quicksight.ListRefreshSchedulesInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice")})
	must(t, err)
	if len(list.RefreshSchedules) != 2 || aws.ToString(list.RefreshSchedules[0].ScheduleId) != "hourly" || aws.ToString(list.RefreshSchedules[1].ScheduleId) != "weekly" {
		t.Fatalf("ListRefreshSchedules: %s", jsonString(list.RefreshSchedules))
	}
	hourly := list.RefreshSchedules[0]
	if tz := aws.ToString(hourly.ScheduleFrequency.Timezone); tz != "UTC" || hourly.StartAfterDateTime == nil || hourly.StartAfterDateTime.Before(before) {
		t.Fatalf("hourly schedule defaults: %s", jsonString(hourly))
	}

	// Update: weekly becomes monthly, on the last day.
	monthly := schedule("weekly", types.RefreshIntervalMonthly, func(s *types.RefreshSchedule) {
		s.ScheduleFrequency.RefreshOnDay = &types.ScheduleRefreshOnEntity{DayOfMonth: aws.String("LAST_DAY_OF_MONTH")}
		s.StartAfterDateTime = aws.Time(start)
	})
	up, err := c.UpdateRefreshSchedule(ctx, &quicksight.UpdateRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), Schedule: monthly})
	must(t, err)
	wantEqual(t, "UpdateRefreshSchedule", aws.ToString(up.Arn), scheduleARN("spice", "weekly"))
	desc, err = c.DescribeRefreshSchedule(ctx, &quicksight.DescribeRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), ScheduleId: aws.String("weekly")})
	must(t, err)
	want = *monthly
	want.Arn = aws.String(scheduleARN("spice", "weekly"))
	wantEqual(t, "after UpdateRefreshSchedule", jsonString(desc.RefreshSchedule), jsonString(&want))
	stored, err := ts.Store.FindRefreshSchedule(ctx, accountID, "spice", "weekly")
	must(t, err)
	// The last day of January 2030, 06:30 in Paris (UTC+1).
	wantEqual(t, "next run", stored.NextRunAt, time.Date(2030, 1, 31, 5, 30, 0, 0, time.UTC))

	create := func(dataSetID string, s *types.RefreshSchedule) func(ctx context.Context, c *quicksight.Client) error {
		return func(ctx context.Context, c *quicksight.Client) error { return createSchedule(ctx, c, dataSetID, s) }
	}
	runErrorCases(t, c, []apiCase{
		{"id taken", create("spice", schedule("hourly", types.RefreshIntervalDaily, nil)), "ResourceExistsException", 409, ""},
		{"dataset missing", create("nope", schedule("x", types.RefreshIntervalDaily, nil)), "ResourceNotFoundException", 404, ""},
		{"not SPICE", create("direct", schedule("x", types.RefreshIntervalDaily, nil)), "InvalidParameterValueException", 400, ""},
		{"incremental", create("spice", schedule("x", types.RefreshIntervalDaily, func(s *types.RefreshSchedule) { s.RefreshType = types.IngestionTypeIncrementalRefresh })), "InvalidParameterValueException", 400, ""},
		{"weekly without day", create("spice", schedule("x", types.RefreshIntervalWeekly, nil)), "InvalidParameterValueException", 400, ""},
		{"monthly without day", create("spice", schedule("x", types.RefreshIntervalMonthly, nil)), "InvalidParameterValueException", 400, ""},
		{"day of week on daily", create("spice", schedule("x", types.RefreshIntervalDaily, func(s *types.RefreshSchedule) {
			s.ScheduleFrequency.RefreshOnDay = &types.ScheduleRefreshOnEntity{DayOfWeek: types.DayOfWeekFriday}
		})), "InvalidParameterValueException", 400, ""},
		{"daily without time", create("spice", schedule("x", types.RefreshIntervalDaily, func(s *types.RefreshSchedule) { s.ScheduleFrequency.TimeOfTheDay = nil })), "InvalidParameterValueException", 400, ""},
		{"bad time", create("spice", schedule("x", types.RefreshIntervalDaily, func(s *types.RefreshSchedule) { s.ScheduleFrequency.TimeOfTheDay = aws.String("25:00") })), "InvalidParameterValueException", 400, ""},
		{"bad zone", create("spice", schedule("x", types.RefreshIntervalDaily, func(s *types.RefreshSchedule) { s.ScheduleFrequency.Timezone = aws.String("Mars/Olympus") })), "InvalidParameterValueException", 400, ""},
		{"bad interval", create("spice", schedule("x", types.RefreshInterval("YEARLY"), nil)), "ValidationException", 400, ""},
		{"bad day of month", create("spice", schedule("x", types.RefreshIntervalMonthly, func(s *types.RefreshSchedule) {
			s.ScheduleFrequency.RefreshOnDay = &types.ScheduleRefreshOnEntity{DayOfMonth: aws.String("32")}
		})), "ValidationException", 400, ""},
		{"bad id", create("spice", schedule("a b", types.RefreshIntervalDaily, nil)), "ValidationException", 400, ""},
		{"describe missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeRefreshSchedule(ctx, &quicksight.DescribeRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), ScheduleId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"update missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateRefreshSchedule(ctx, &quicksight.UpdateRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), Schedule: schedule("nope", types.RefreshIntervalDaily, nil)})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"delete missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteRefreshSchedule(ctx, &quicksight.DeleteRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), ScheduleId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, ""},
		{"list of a missing dataset", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListRefreshSchedules(ctx, &quicksight.ListRefreshSchedulesInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, ""},
	})

	// Five schedules per dataset.
	for i := range 3 {
		must(t, createSchedule(ctx, c, "spice", schedule(fmt.Sprint("d", i), types.RefreshIntervalDaily, nil)))
	}
	err = createSchedule(ctx, c, "spice", schedule("sixth", types.RefreshIntervalDaily, nil))
	wantError(t, err, "LimitExceededException", 409)

	del, err := c.DeleteRefreshSchedule(ctx, &quicksight.DeleteRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), ScheduleId: aws.String("weekly")})
	must(t, err)
	wantEqual(t, "DeleteRefreshSchedule", []any{aws.ToString(del.ScheduleId), aws.ToString(del.Arn)}, []any{"weekly", scheduleARN("spice", "weekly")})
	_, err = c.DescribeRefreshSchedule(ctx, &quicksight.DescribeRefreshScheduleInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), ScheduleId: aws.String("weekly")})
	wantError(t, err, "ResourceNotFoundException", 404)
	must(t, createSchedule(ctx, c, "spice", schedule("sixth", types.RefreshIntervalDaily, nil)))
}

// pastDue is a daily schedule whose first run (yesterday) is past: the
// servers run it once, not once per missed day.
func pastDue(id string) *types.RefreshSchedule {
	now := time.Now().UTC()
	return schedule(id, types.RefreshIntervalDaily, func(s *types.RefreshSchedule) {
		s.ScheduleFrequency.Timezone = aws.String("UTC")
		s.ScheduleFrequency.TimeOfTheDay = aws.String(now.Add(-time.Hour).Format("15:04"))
		s.StartAfterDateTime = aws.Time(now.Add(-72 * time.Hour))
	})
}

// waitScheduled waits until the dataset has want SCHEDULED ingestions,
// all finished, then watches a few more scheduler ticks to see no more
// start; it returns them.
func waitScheduled(t *testing.T, c *quicksight.Client, dataSetID string, want int) []types.Ingestion {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	settled := time.Time{}
	for {
		list, err := c.ListIngestions(t.Context(), &quicksight.ListIngestionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(dataSetID)})
		must(t, err)
		var scheduled []types.Ingestion
		done := true
		for _, in := range list.Ingestions {
			if in.RequestSource == types.IngestionRequestSourceScheduled {
				scheduled = append(scheduled, in)
				done = done && (in.IngestionStatus == types.IngestionStatusCompleted || in.IngestionStatus == types.IngestionStatusFailed)
			}
		}
		switch {
		case len(scheduled) > want:
			t.Fatalf("%d scheduled ingestions, want %d: %s", len(scheduled), want, jsonString(scheduled))
		case len(scheduled) == want && done && settled.IsZero():
			settled = time.Now()
		case !settled.IsZero() && time.Since(settled) > time.Second:
			return scheduled // ten ticks and no other run
		case time.Now().After(deadline):
			t.Fatalf("%d scheduled ingestions after 30s, want %d: %s", len(scheduled), want, jsonString(scheduled))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestRefreshScheduleRunsOnce(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withJobs(100*time.Millisecond, 3*time.Second))
	c := ts.adminClient()
	spiceOnPG(t, c, "spice")
	must(t, createSchedule(t.Context(), c, "spice", pastDue("catch-up")))
	runs := waitScheduled(t, c, "spice", 1)
	wantIngestion(t, &runs[0], types.IngestionStatusCompleted, 1, "")
	wantEqual(t, "request type", runs[0].RequestType, types.IngestionRequestTypeFullRefresh)
	s, err := ts.Store.FindRefreshSchedule(t.Context(), accountID, "spice", "catch-up")
	must(t, err)
	if !s.NextRunAt.After(time.Now()) || s.NextRunAt.After(time.Now().Add(24*time.Hour)) {
		t.Fatalf("next run %s, want within the next day", s.NextRunAt)
	}
}

// TestRefreshScheduleRunsOncePostgres: two servers on one PostgreSQL
// both see the run due; exactly one ingestion starts.
func TestRefreshScheduleRunsOncePostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	db := freshDatabase(t, dsn)
	a := startServer(t, withPostgres(db), withSharedSecretKey(), withJobs(20*time.Millisecond, 3*time.Second))
	b := startServer(t, withPostgres(db), withSharedSecretKey(), withJobs(20*time.Millisecond, 3*time.Second), reopened(a.Admin))
	spiceOnPG(t, a.adminClient(), "spice")
	for i := range 3 {
		must(t, createSchedule(t.Context(), b.adminClient(), "spice", pastDue(fmt.Sprint("catch-up-", i))))
	}
	runs := waitScheduled(t, a.adminClient(), "spice", 3)
	for _, in := range runs {
		wantIngestion(t, &in, types.IngestionStatusCompleted, 1, "")
	}
}

// TestSPICEErrorShowsNoPath: a SPICE copy missing from the server's disk
// is an error that names the dataset, never the file.
func TestSPICEErrorShowsNoPath(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	spiceOnPG(t, ts.adminClient(), "spice")
	spiceDir := filepath.Join(ts.Config.DataDir, "spice")
	must(t, os.RemoveAll(spiceDir))
	q := &query.Question{Measures: []query.Measure{{ID: "total", Field: "one", Aggregation: query.Sum}}}
	_, err := ts.App.QueryDataSet(t.Context(), nil, accountID, "spice", q)
	if err == nil {
		t.Fatal("a query on a deleted SPICE copy succeeded")
	}
	if msg := sg.ErrorMessage(err) + err.Error(); strings.Contains(msg, ts.Config.DataDir) || strings.Contains(msg, ".sqlite") {
		t.Fatalf("the error shows a server path: %v", err)
	}
	wantEqual(t, "error code", sg.ErrorCode(err), sg.EUNAVAILABLE)
}
