package viewer_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// TestBareBooleanField: a calculated field written with bare TRUE and
// FALSE (ifelse({revenue} > 100, TRUE, FALSE)), filtered = 1 as a public
// CORA dashboard filters its own, keeps the rows where the condition
// holds: the KPI's count equals SQL's.
func TestBareBooleanField(t *testing.T) {
	_, run, dir := sampleAppRows(t, false, 3000)
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sample-sales"}],
		"CalculatedFields": [{"DataSetIdentifier": "sales", "Name": "Is big", "Expression": "// big orders\nifelse(revenue > 100, TRUE, FALSE)"}],
		"FilterGroups": [{"FilterGroupId": "g", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED",
			"ScopeConfiguration": {"SelectedSheets": {"SheetVisualScopingConfigurations": [{"SheetId": "s", "Scope": "ALL_VISUALS"}]}},
			"Filters": [{"NumericEqualityFilter": {"FilterId": "f", "Column": {"DataSetIdentifier": "sales", "ColumnName": "Is big"}, "Value": 1, "MatchOperator": "EQUALS", "NullOption": "ALL_VALUES"}}]}],
		"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [{"KPIVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"Values": [
			{"CategoricalMeasureField": {"FieldId": "n", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_id"}, "AggregationFunction": "COUNT"}}]}}}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	s := viewer.New(def, nil, time.Time{}).RenderVisuals(context.Background(), "s", []string{"k"}, run, 1)
	if len(s.Tiles) != 1 || s.Tiles[0].KPI == nil {
		t.Fatalf("%+v", s.Tiles)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, app.SampleFile)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var want int
	if err := db.QueryRow(`SELECT count(order_id) FROM orders WHERE revenue > 100`).Scan(&want); err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(s.Tiles[0].KPI.Value, ",", ""); got != strconv.Itoa(want) || want == 0 {
		t.Errorf("KPI %q, SQL %d", s.Tiles[0].KPI.Value, want)
	}
}
