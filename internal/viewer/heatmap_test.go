package viewer

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// visualOf parses one Visual union.
func visualOf(t testing.TB, js string) *definition.Visual {
	t.Helper()
	var v definition.Visual
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatal(err)
	}
	return &v
}

const heatWells = `"Rows": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
 "Columns": [{"DateDimensionField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "DateGranularity": "MONTH"}}]`

// heatRegionSegment is a heat map of regions by segment.
const heatRegionSegment = `"Rows": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}],
 "Columns": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]`

func TestHeatMapPlan(t *testing.T) {
	// Without a value: a count of records, sorted by rows then columns.
	p, ok := planOf(visualOf(t, `{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {`+heatWells+`}}}}}`))
	if !ok {
		t.Fatal("no plan")
	}
	wantEq(t, "measure", *p.values[0].measure, query.Measure{ID: recordsID, Field: recordsID, Aggregation: query.Sum})
	wantEq(t, "records", p.calc, []query.CalculatedField{{Name: recordsID, Expression: "1"}})
	wantEq(t, "sort", p.sort, []query.Sort{{ID: "r"}, {ID: "m"}})
	wantEq(t, "limit", [2]int{p.limit, p.maxRows}, [2]int{heatMapCells + 1, heatMapCells})
	wantEq(t, "unsupported", p.unsupported, []string(nil))

	// A row sort by the row field applies; a column sort by the value
	// orders the columns by it (heatorder.go).
	p, _ = planOf(visualOf(t, `{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {`+heatWells+`,
	 "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}]}},
	 "SortConfiguration": {"HeatMapRowSort": [{"FieldSort": {"FieldId": "r", "Direction": "DESC"}}], "HeatMapColumnSort": [{"FieldSort": {"FieldId": "v", "Direction": "DESC"}}],
	   "HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 3}}}}}`))
	wantEq(t, "calc", len(p.calc), 0)
	wantEq(t, "sorted", p.sort, []query.Sort{{ID: "r", Descending: true}, {ID: "m"}})
	wantEq(t, "by the value", []any{p.heatBy[0], *p.heatBy[1], p.unsupported}, []any{(*heatMeasureOrder)(nil), heatMeasureOrder{desc: true}, []string(nil)})
	wantEq(t, "columns kept", p.heatKeep, [2]int{0, 3})
	// A sort by another field is refused by name.
	p, _ = planOf(visualOf(t, `{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {`+heatWells+`}},
	 "SortConfiguration": {"HeatMapColumnSort": [{"FieldSort": {"FieldId": "nope", "Direction": "DESC"}}]}}}}`))
	wantEq(t, "refused", p.unsupported, []string{"HeatMapColumnSort by another field than the axis's own"})
}

// A heat map's items limits keep the first rows or columns in the axis's
// sort (they were refused); INCLUDE gathers the rest of an axis into
// "Other", asked of the data and drawn last, on one axis or both; over a
// date axis, refused by name.
func TestHeatMapItemsLimits(t *testing.T) {
	heat := func(limits string) *plan {
		p, _ := planOf(visualOf(t, `{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {`+heatWells+`}},
		 "SortConfiguration": {"HeatMapRowSort": [{"FieldSort": {"FieldId": "r", "Direction": "DESC"}}], `+limits+`}}}}`))
		return p
	}
	p := heat(`"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "rows, other", [2]any{p.asked, p.unsupported}, [2]any{[]*askedLimit{{n: 2, other: true, rank: []query.Sort{{ID: "r", Descending: true}}}}, []string(nil)})
	p = heat(`"HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "date columns, other", p.unsupported, []string{"HeatMapColumnItemsLimitConfiguration with OtherCategories INCLUDE over a date field"})
	p = heat(`"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}, "HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}`)
	wantEq(t, "both, other over a date", p.unsupported, []string{"HeatMapColumnItemsLimitConfiguration with OtherCategories INCLUDE over a date field"})
	p, _ = planOf(visualOf(t, `{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {`+heatRegionSegment+`}},
	 "SortConfiguration": {"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}, "HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`))
	wantEq(t, "both, other", [3]any{p.asked, p.limit, p.unsupported}, [3]any{[]*askedLimit{{n: 2, other: true, rank: []query.Sort{{ID: "r"}}},
		{n: 1, other: true, dim: 1, rank: []query.Sort{{ID: "g"}}}}, heatMapCells + 1, []string(nil)})

	// Kept from the cells: two rows (descending) and one column; "Other"
	// is drawn last, whatever its name's place.
	p = heat(`"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 2}, "HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 1, "OtherCategories": "EXCLUDE"}`)
	jan, feb := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	res := &Result{
		Columns: []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "m", Type: "DATETIME"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows:    [][]any{{"West", feb, int64(4)}, {"West", jan, int64(1)}, {"East", jan, int64(2)}, {"Asia", jan, int64(9)}},
	}
	opt := heatMapOption(p, res)
	wantEq(t, "kept", [3]any{opt["yAxis"].(obj)["data"], opt["xAxis"].(obj)["data"], opt["series"].([]obj)[0]["data"]},
		[3]any{[]string{"West", "East"}, []string{"Jan 2026"}, [][]any{{0, 0, 1.0}, {0, 1, 2.0}}})
	p = heat(`"HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}`)
	res.Rows = [][]any{{"West", jan, int64(1)}, {"Other", jan, int64(11)}}
	wantEq(t, "other last", heatMapOption(p, res)["yAxis"].(obj)["data"], []string{"West", "Other"})
}

func TestHeatMapOption(t *testing.T) {
	p, _ := planOf(visualOf(t, `{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {`+heatWells+`}},
	 "SortConfiguration": {"HeatMapRowSort": [{"ColumnSort": {"SortBy": {"DataSetIdentifier": "sales", "ColumnName": "region"}, "Direction": "DESC"}}]},
	 "ColorScale": {"ColorFillType": "GRADIENT", "Colors": [{"Color": "#FFFFFF"}, {"Color": "#00AA00"}]}}}}`))
	jan, feb := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	// West lacks January: the columns still run January, February.
	res := &Result{
		Columns: []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "m", Type: "DATETIME"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows:    [][]any{{"West", feb, int64(4)}, {"East", jan, int64(2)}, {"East", feb, int64(7)}},
	}
	opt := heatMapOption(p, res)
	wantEq(t, "columns", opt["xAxis"].(obj)["data"], []string{"Jan 2026", "Feb 2026"})
	wantEq(t, "rows", opt["yAxis"].(obj)["data"], []string{"West", "East"})
	s := opt["series"].([]obj)[0]
	wantEq(t, "cells", s["data"], [][]any{{1, 0, 4.0}, {0, 1, 2.0}, {1, 1, 7.0}})
	wantEq(t, "name", s["name"], "Count of records")
	vm := opt["visualMap"].(obj)
	wantEq(t, "scale", [2]any{vm["min"], vm["max"]}, [2]any{2.0, 7.0})
	if !reflect.DeepEqual(vm["inRange"], obj{"color": []string{"#FFFFFF", "#00AA00"}}) {
		t.Errorf("colors %v", vm["inRange"])
	}
	if b, _ := json.Marshal(opt); !strings.Contains(string(b), `"type":"heatmap"`) {
		t.Errorf("option %s", b)
	}
}

// A visual with an option the viewer refuses asks no question, so nothing
// else computes it without the option.
func TestRefusedVisualAsksNothing(t *testing.T) {
	def, err := definition.Parse([]byte(`{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"HeatMapVisual": {"VisualId": "ok", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {` + heatWells + `}}}}},
  {"HeatMapVisual": {"VisualId": "limited", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {` + heatWells + `}},
   "SortConfiguration": {"HeatMapColumnItemsLimitConfiguration": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}}}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	v := New(def, State{}, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if _, _, ok := v.VisualQuestion("s", "ok"); !ok {
		t.Error("the plain heat map asks nothing")
	}
	if _, q, ok := v.VisualQuestion("s", "limited"); ok {
		t.Errorf("the limited heat map asks %+v", q)
	}
}

// A heat map ordered by its measure over more rows than Sightglass
// orders is refused by name, never drawn in another order unsaid.
func TestHeatMapMeasureSortTooMany(t *testing.T) {
	p, _ := planOf(visualOf(t, `{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {`+heatWells+`}},
	 "SortConfiguration": {"HeatMapRowSort": [{"FieldSort": {"FieldId": "`+recordsID+`", "Direction": "DESC"}}]}}}}`))
	if p.heatBy[0] == nil {
		t.Fatalf("not ordered by the measure: %v", p.unsupported)
	}
	many := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		res := &Result{Columns: []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: recordsID, Role: query.RoleMeasure, Type: "INTEGER"}}}
		for i := range pivotLimit + 1 {
			res.Rows = append(res.Rows, []any{fmt.Sprint(i), int64(i)})
		}
		return res, nil
	}
	v := New(&definition.Definition{}, nil, testNow)
	why, err := v.heatOrderValues(context.Background(), p, &query.Question{}, "arn", many)
	wantEq(t, "refused", [2]any{why, err}, [2]any{"a sort by its measure over more than 2000 rows", nil})
}
