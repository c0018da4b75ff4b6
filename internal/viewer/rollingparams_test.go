package viewer

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// rollingView is a KPI under a time range bounded by the parameter
// Start, whose default is the RollingDate expression.
func rollingView(t *testing.T, expression string, st State) *View {
	t.Helper()
	def, err := definition.Parse([]byte(`{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "ParameterDeclarations": [{"DateTimeParameterDeclaration": {"Name": "Start", "TimeGranularity": "DAY",
   "DefaultValues": {"RollingDate": {"Expression": ` + rollingQuote(expression) + `}, "StaticValues": []}}}],
 "FilterGroups": [{"FilterGroupId": "g", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED", "ScopeConfiguration": {"AllSheets": {}},
   "Filters": [{"TimeRangeFilter": {"FilterId": "f", "Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "NullOption": "NON_NULLS_ONLY",
     "IncludeMinimum": true, "RangeMinimumValue": {"Parameter": "Start"}, "TimeGranularity": "DAY"}}]}],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"KPIVisual": {"VisualId": "kpi", "ChartConfiguration": {"FieldWells": {
    "Values": [{"NumericalMeasureField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}]}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	return New(def, st, time.Date(2026, 6, 1, 15, 4, 5, 0, time.UTC))
}

func rollingQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// A date-time parameter whose default is a RollingDate takes that date
// at the view's time, unless the state sets it; the time range it bounds
// restricts the rows from that date.
func TestRollingDateParameterDefault(t *testing.T) {
	v := rollingView(t, "addDateTime(-90, 'DD', truncDate('DD', now()))", nil)
	if got := v.Parameters()[0].Values; len(got) != 1 || got[0] != "2026-03-03" {
		t.Fatalf("Start = %v, want 90 days before 2026-06-01", got)
	}
	_, q, ok := v.VisualQuestion("s", "kpi")
	if !ok || len(q.Filters) != 1 || q.Filters[0].FromParameter != "Start" {
		t.Fatalf("question %v %+v: want the range from the parameter", ok, q)
	}
	if got, want := v.qparams["Start"], time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC); got != want {
		t.Errorf("Start binds %v, want %v", got, want)
	}

	if got := rollingView(t, "addDateTime(-1, 'HH', now())", nil).Parameters()[0].Values; len(got) != 1 || got[0] != "2026-06-01T14:04:05Z" {
		t.Errorf("Start an hour before the view's time = %v", got)
	}

	v = rollingView(t, "addDateTime(-90, 'DD', truncDate('DD', now()))", State{"p.Start": {"2026-05-01"}})
	if got := v.Parameters()[0].Values; len(got) != 1 || got[0] != "2026-05-01" {
		t.Errorf("Start set by the state = %v", got)
	}
}

// A RollingDate default the viewer cannot evaluate is named by the
// filter it bounds, never a range that restricts nothing.
func TestRollingDateParameterDefaultRefused(t *testing.T) {
	v := rollingView(t, "epochDate(0)", nil)
	asked := false
	s := v.RenderSheet(context.Background(), "s", func(context.Context, string, *query.Question) (*Result, error) {
		asked = true
		return &Result{}, nil
	}, 0)
	tile := s.Tiles[0]
	if asked || tile.Kind != TileUnsupported || !strings.Contains(tile.Message, "Start's RollingDate default") || !strings.Contains(tile.Message, "epochDate") {
		t.Errorf("asked %v, tile %s: %q", asked, tile.Kind, tile.Message)
	}
}
