package authoring

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
)

const arn = "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"

var (
	region  = Column{"sales", "region", "STRING"}
	revenue = Column{"sales", "revenue", "DECIMAL"}
	date    = Column{"sales", "order_date", "DATETIME"}
)

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func wells(t *testing.T, raw []byte, visualID string) map[string][]string {
	t.Helper()
	def, err := definition.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range def.Sheets {
		for _, v := range s.Visuals {
			if v.VisualID != visualID {
				continue
			}
			out := map[string][]string{}
			for _, w := range v.Wells() {
				for _, f := range w.Fields {
					desc := f.Kind + ":" + f.Column.ColumnName
					if f.Measure {
						desc += ":" + f.Aggregation
					}
					if f.DateGranularity != "" {
						desc += ":" + f.DateGranularity
					}
					out[w.Name] = append(out[w.Name], desc)
				}
			}
			return out
		}
	}
	t.Fatalf("no visual %s", visualID)
	return nil
}

func jsonEq(t *testing.T, got map[string][]string, want string) {
	t.Helper()
	b, _ := json.Marshal(got)
	if string(b) != want {
		t.Fatalf("wells = %s\nwant    %s", b, want)
	}
}

func TestBuildBarChart(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, id, err := AddVisual(raw, FirstSheetID, "BarChartVisual")
	if err != nil {
		t.Fatal(err)
	}
	if id != "visual-1" {
		t.Fatalf("id %q", id)
	}
	raw, regionID, err := AddField(raw, id, "Category", region, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, revID, err := AddField(raw, id, "Values", revenue, -1)
	if err != nil {
		t.Fatal(err)
	}
	jsonEq(t, wells(t, raw, id), `{"Category":["CategoricalDimensionField:region"],"Values":["NumericalMeasureField:revenue:SUM"]}`)
	raw = must[[]byte](t)(SetAggregation(raw, revID, "AVERAGE"))
	raw = must[[]byte](t)(SetSort(raw, revID, "DESC"))
	jsonEq(t, wells(t, raw, id), `{"Category":["CategoricalDimensionField:region"],"Values":["NumericalMeasureField:revenue:AVERAGE"]}`)
	if !strings.Contains(string(raw), `"CategorySort":[{"FieldSort":{"Direction":"DESC","FieldId":"`+revID+`"}}]`) {
		t.Fatalf("no sort: %s", raw)
	}
	// A dimension moved into the values becomes a count.
	raw = must[[]byte](t)(MoveField(raw, regionID, "Values", 0))
	jsonEq(t, wells(t, raw, id), `{"Values":["CategoricalMeasureField:region:COUNT","NumericalMeasureField:revenue:AVERAGE"]}`)
	raw = must[[]byte](t)(RemoveField(raw, revID))
	if strings.Contains(string(raw), "SortConfiguration") {
		t.Fatalf("the sort by a removed field stays: %s", raw)
	}
	raw, dateID, err := AddField(raw, id, "Category", date, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw = must[[]byte](t)(SetGranularity(raw, dateID, "MONTH"))
	jsonEq(t, wells(t, raw, id), `{"Category":["DateDimensionField:order_date:MONTH"],"Values":["CategoricalMeasureField:region:COUNT"]}`)
}

func TestDuplicateChangeDelete(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, id, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw, _, _ = AddField(raw, id, "Category", region, -1)
	raw, _, _ = AddField(raw, id, "Values", revenue, -1)
	raw, cp, err := DuplicateVisual(raw, id)
	if err != nil {
		t.Fatal(err)
	}
	jsonEq(t, wells(t, raw, cp), `{"Category":["CategoricalDimensionField:region"],"Values":["NumericalMeasureField:revenue:SUM"]}`)
	raw = must[[]byte](t)(ChangeType(raw, cp, "PieChartVisual"))
	jsonEq(t, wells(t, raw, cp), `{"Category":["CategoricalDimensionField:region"],"Values":["NumericalMeasureField:revenue:SUM"]}`)
	raw = must[[]byte](t)(ChangeType(raw, cp, "KPIVisual"))
	jsonEq(t, wells(t, raw, cp), `{"TrendGroups":["CategoricalDimensionField:region"],"Values":["NumericalMeasureField:revenue:SUM"]}`)
	raw = must[[]byte](t)(ChangeType(raw, cp, "GaugeChartVisual"))
	jsonEq(t, wells(t, raw, cp), `{"Values":["NumericalMeasureField:revenue:SUM"]}`)
	raw = must[[]byte](t)(DeleteVisual(raw, id))
	def, _ := definition.Parse(raw)
	if n := len(def.Sheets[0].Visuals); n != 1 {
		t.Fatalf("%d visuals after delete", n)
	}
	if strings.Contains(string(raw), `"ElementId":"`+id+`"`) {
		t.Fatalf("the deleted visual keeps its tile: %s", raw)
	}
}

// TestEveryKindValidates builds every type with a field in every well and
// requires the model to accept it.
func TestEveryKindValidates(t *testing.T) {
	for _, k := range Kinds {
		raw := must[[]byte](t)(NewAnalysis("sales", arn))
		raw, id, err := AddVisual(raw, FirstSheetID, k.Kind)
		if err != nil {
			t.Fatalf("%s: %v", k.Kind, err)
		}
		for _, w := range k.Wells {
			c := region
			if w.Measure {
				c = revenue
			}
			if raw, _, err = AddField(raw, id, w.Name, c, -1); err != nil {
				t.Fatalf("%s %s: %v", k.Kind, w.Name, err)
			}
		}
	}
}

func TestRefusedEdits(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, id, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw, fid, _ := AddField(raw, id, "Values", revenue, -1)
	for name, err := range map[string]error{
		"unknown kind":      second(AddVisual(raw, FirstSheetID, "InsightVisual")),
		"unknown sheet":     second(AddVisual(raw, "nope", "BarChartVisual")),
		"unknown well":      second(AddField(raw, id, "Rows", region, -1)),
		"unknown dataset":   second(AddField(raw, id, "Values", Column{"other", "x", "STRING"}, -1)),
		"bad aggregation":   errOf(SetAggregation(raw, fid, "SUM; DROP")),
		"granularity":       errOf(SetGranularity(raw, fid, "MONTH")),
		"unknown field":     errOf(RemoveField(raw, "nope")),
		"not json":          errOf(DeleteVisual([]byte("{"), id)),
		"bad sort":          errOf(SetSort(raw, fid, "UP")),
		"unknown visual":    errOf(DeleteVisual(raw, "nope")),
		"change to nowhere": errOf(ChangeType(raw, id, "Nope")),
	} {
		if !errors.Is(err, ErrEdit) {
			t.Errorf("%s: err = %v, want ErrEdit", name, err)
		}
	}
}

func second[A, B any](_ A, _ B, err error) error { return err }
func errOf[A any](_ A, err error) error          { return err }
