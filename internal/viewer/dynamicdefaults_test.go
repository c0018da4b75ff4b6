package viewer

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

const dynamicDefinition = `{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "ParameterDeclarations": [{"StringParameterDeclaration": {"Name": "Region", "ParameterValueType": "SINGLE_VALUED",
   "DefaultValues": {"StaticValues": ["West"], "DynamicValue": {"DefaultValueColumn": {"DataSetIdentifier": "sales", "ColumnName": "region"},
     "UserNameColumn": {"DataSetIdentifier": "sales", "ColumnName": "owner"}, "GroupNameColumn": {"DataSetIdentifier": "sales", "ColumnName": "team"}}}}}],
 "FilterGroups": [{"FilterGroupId": "g", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED", "ScopeConfiguration": {"AllSheets": {}},
   "Filters": [{"CategoryFilter": {"FilterId": "f", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"},
     "Configuration": {"CustomFilterConfiguration": {"MatchOperator": "EQUALS", "ParameterName": "Region"}}}}]}],
 "Sheets": [{"SheetId": "s", "Visuals": [{"KPIVisual": {"VisualId": "kpi", "ChartConfiguration": {"FieldWells": {
   "Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]}}}}]}]
}`

// TestDynamicDefaultWho reads the user's rows first, then their groups',
// else keeps the static default; a default that can't be read keeps the
// visuals that use the parameter from being drawn, and says why.
func TestDynamicDefaultWho(t *testing.T) {
	def, err := definition.Parse([]byte(dynamicDefinition))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{"ann": "East", "sales-team": "North"} // owner or team → region
	var asked []string
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		if len(q.Filters) == 1 && (q.Filters[0].Field == "owner" || q.Filters[0].Field == "team") {
			asked = append(asked, q.Filters[0].Field)
			var out [][]any
			for _, k := range q.Filters[0].Values {
				if r, ok := rows[k.(string)]; ok {
					out = append(out, []any{r})
				}
			}
			return &Result{Columns: []query.ResultColumn{{ID: "v", Type: "STRING"}}, Rows: out}, nil
		}
		return &Result{Columns: []query.ResultColumn{{ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}}, Rows: [][]any{{1.0}}}, nil
	}
	for _, c := range []struct {
		who  Viewer
		want string
	}{
		{Viewer{UserName: "ann", Groups: []string{"sales-team"}}, "East"},
		{Viewer{UserName: "bob", Groups: []string{"sales-team"}}, "North"},
		{Viewer{UserName: "bob"}, "West"},
		{Viewer{}, "West"},
	} {
		asked = nil
		v := New(def, nil, time.Now())
		v.ApplyDynamicDefaults(context.Background(), run, c.who)
		if got := v.Parameters()[0].Values; len(got) != 1 || got[0] != c.want {
			t.Errorf("%+v: %v, want %s (asked %v)", c.who, got, c.want, asked)
		}
	}
	// A value the viewer set is not replaced.
	v := New(def, State{"p.Region": {"South"}}, time.Now())
	v.ApplyDynamicDefaults(context.Background(), run, Viewer{UserName: "ann"})
	if got := v.Parameters()[0].Values; got[0] != "South" {
		t.Errorf("the viewer's value replaced: %v", got)
	}
	// Unreadable: the KPI that the parameter filters is not drawn.
	failing := func(ctx context.Context, arn string, q *query.Question) (*Result, error) {
		if len(q.Filters) == 1 && q.Filters[0].Field == "owner" {
			return nil, errors.New("source down")
		}
		return run(ctx, arn, q)
	}
	v = New(def, nil, time.Now())
	v.ApplyDynamicDefaults(context.Background(), failing, Viewer{UserName: "ann"})
	sh := v.RenderSheet(context.Background(), "", run, 1)
	if tile := sh.Tiles[0]; tile.Kind != TileUnsupported || !strings.Contains(tile.Message, "Parameter Region: its dataset default could not be read: source down") {
		t.Errorf("tile %s: %q", tile.Kind, tile.Message)
	}
}
