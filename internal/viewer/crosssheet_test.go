package viewer

import (
	"context"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// A CrossSheet filter control draws as the filter's default control (its
// DefaultFilterControlConfiguration), or as the control another sheet has
// on the same filter; it was not drawn.
func TestCrossSheetControls(t *testing.T) {
	def, err := definition.Parse([]byte(`{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "FilterGroups": [{"FilterGroupId": "g", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED", "ScopeConfiguration": {"AllSheets": {}},
   "Filters": [
    {"RelativeDatesFilter": {"FilterId": "date", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "NullOption": "NON_NULLS_ONLY",
      "RelativeDateType": "THIS", "TimeGranularity": "MONTH", "AnchorDateConfiguration": {"AnchorOption": "NOW"},
      "DefaultFilterControlConfiguration": {"Title": "Lookback period", "ControlOptions": {"DefaultRelativeDateTimeOptions": {}}}}},
    {"CategoryFilter": {"FilterId": "region", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"},
      "Configuration": {"FilterListConfiguration": {"MatchOperator": "CONTAINS", "SelectAllOptions": "FILTER_ALL_VALUES"}}}}]}],
 "Sheets": [
  {"SheetId": "a", "Name": "A", "FilterControls": [{"Dropdown": {"FilterControlId": "r1", "SourceFilterId": "region", "Title": "Region",
     "SelectableValues": {"Values": ["East", "West"]}}}]},
  {"SheetId": "b", "Name": "B", "FilterControls": [
    {"CrossSheet": {"FilterControlId": "d2", "SourceFilterId": "date"}},
    {"CrossSheet": {"FilterControlId": "r2", "SourceFilterId": "region"}}]}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	v := New(def, nil, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	cs := v.controls(context.Background(), &def.Sheets[1], nil)
	if len(cs) != 2 {
		t.Fatalf("%d controls, want 2", len(cs))
	}
	type drawn struct{ ID, Title, Kind, Name string }
	var got []drawn
	for _, c := range cs {
		got = append(got, drawn{c.ID, c.Title, c.Kind, c.Name})
	}
	wantEq(t, "controls", got, []drawn{{"d2", "Lookback period", cs[0].Kind, "f.date"}, {"r2", "Region", ControlMulti, "f.region"}})
	if cs[0].Kind == "" || len(cs[0].Options) == 0 {
		t.Errorf("the relative date control has no kind or options: %+v", cs[0])
	}
	var opts []string
	for _, o := range cs[1].Options {
		opts = append(opts, o.Value)
	}
	wantEq(t, "options", opts, []string{"East", "West"})
}
