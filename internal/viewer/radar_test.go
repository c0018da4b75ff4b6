package viewer

import (
	"context"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

const radarCat = `"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}]`
const radarColor = `"Color": [{"CategoricalDimensionField": {"FieldId": "p", "Column": {"DataSetIdentifier": "sales", "ColumnName": "product"}}}]`
const radarColorDate = `"Color": [{"DateDimensionField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "DateGranularity": "MONTH"}}]`
const radarValues = `"Values": [{"NumericalMeasureField": {"FieldId": "rev", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}},
 {"NumericalMeasureField": {"FieldId": "units", "Column": {"DataSetIdentifier": "sales", "ColumnName": "units"}}}]`

func radarOf(t *testing.T, wells, rest string) *plan {
	t.Helper()
	p, ok := planOf(visualOf(t, `{"RadarChartVisual": {"VisualId": "r", "ChartConfiguration": {"FieldWells": {"RadarChartAggregatedFieldWells": {`+wells+`}}`+rest+`}}}`))
	if !ok {
		t.Fatal("no plan")
	}
	return p
}

// By category: the category's values are the axes, a polygon per color
// (sorted by the color field), one range shared by all axes (AUTO).
func TestRadarByCategory(t *testing.T) {
	p := radarOf(t, radarCat+`,`+radarColor, `, "Shape": "CIRCLE", "BaseSeriesSettings": {"AreaStyleSettings": {"Visibility": "VISIBLE"}},
	 "AlternateBandColorsVisibility": "VISIBLE", "AlternateBandOddColor": "#EEEEEE", "AlternateBandEvenColor": "#FFFFFF",
	 "SortConfiguration": {"ColorSort": [{"FieldSort": {"FieldId": "p", "Direction": "DESC"}}]}`)
	wantEq(t, "unsupported", p.unsupported, []string(nil))
	wantEq(t, "records", p.values[0].id, recordsID)
	wantEq(t, "sort", p.sort, []query.Sort{{ID: "r"}})
	res := &Result{
		Columns: []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "p", Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows:    [][]any{{"East", "Desk", int64(2)}, {"East", "Phone", int64(5)}, {"West", "Phone", int64(3)}},
	}
	opt := radarOption(p, res)
	r := opt["radar"].(obj)
	wantEq(t, "shape", r["shape"], "circle")
	wantEq(t, "bands", r["splitArea"], obj{"show": true, "areaStyle": obj{"color": []string{"#EEEEEE", "#FFFFFF"}}})
	wantEq(t, "axes", r["indicator"], []obj{{"name": "East", "min": 0.0, "max": 5.0}, {"name": "West", "min": 0.0, "max": 5.0}})
	s := opt["series"].([]obj)[0]
	wantEq(t, "polygons", s["data"], []obj{{"name": "Phone", "value": []any{5.0, 3.0}}, {"name": "Desk", "value": []any{2.0, nil}}})
	wantEq(t, "area", s["areaStyle"], obj{})
	wantEq(t, "legend", opt["legend"].(obj)["data"], []string{"Phone", "Desk"})
}

// By value: the measures are the axes, each with its own range (AUTO), a
// polygon per color value; a color items limit cuts the query.
func TestRadarByValue(t *testing.T) {
	p := radarOf(t, radarColor+`,`+radarValues, `, "SortConfiguration": {"ColorSort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "ColorItemsLimit": {"ItemsLimit": 2}}`)
	wantEq(t, "unsupported", p.unsupported, []string(nil))
	wantEq(t, "sort", p.sort, []query.Sort{{ID: "rev", Descending: true}})
	wantEq(t, "limit", [2]int{p.limit, p.maxRows}, [2]int{2, 0})
	res := &Result{
		Columns: []query.ResultColumn{{ID: "p", Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}, {ID: "units", Type: "INTEGER", Role: query.RoleMeasure}},
		Rows:    [][]any{{"Phone", 900.5, int64(3)}, {"Desk", 200.0, int64(8)}},
	}
	opt := radarOption(p, res)
	wantEq(t, "axes", opt["radar"].(obj)["indicator"], []obj{{"name": "Sum of revenue", "min": 0.0, "max": 900.5}, {"name": "Sum of units", "min": 0.0, "max": 8.0}})
	wantEq(t, "polygons", opt["series"].([]obj)[0]["data"], []obj{{"name": "Phone", "value": []any{900.5, 3.0}}, {"name": "Desk", "value": []any{200.0, 8.0}}})

	// SHARED puts every axis on one range.
	p = radarOf(t, radarValues, `, "AxesRangeScale": "SHARED"`)
	res = &Result{Columns: res.Columns[1:], Rows: [][]any{{-4.0, int64(8)}}}
	opt = radarOption(p, res)
	wantEq(t, "shared", opt["radar"].(obj)["indicator"], []obj{{"name": "Sum of revenue", "min": -4.0, "max": 8.0}, {"name": "Sum of units", "min": -4.0, "max": 8.0}})
	if _, ok := opt["legend"]; ok {
		t.Error("a legend for one polygon")
	}
}

// What the radar chart does not compute is refused by name.
func TestRadarRefusals(t *testing.T) {
	p := radarOf(t, radarCat+`,`+radarColor+`,`+radarValues, `, "SortConfiguration": {
	 "CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 3},
	 "ColorSort": [{"FieldSort": {"FieldId": "units", "Direction": "DESC"}}], "ColorItemsLimit": {"ItemsLimit": 2}}`)
	wantEq(t, "refused", p.unsupported, []string{"ColorSort by another field than the Color field"})
	p = radarOf(t, radarValues, `, "SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "rev"}}]}`)
	wantEq(t, "no category", p.unsupported, []string{"CategorySort or CategoryItemsLimit without a Category field"})
	// A polygon per color: the first colors and one "Other" polygon,
	// asked of the data; over a date field, refused by name.
	p = radarOf(t, radarColor+`,`+radarValues, `, "SortConfiguration": {"ColorItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}`)
	wantEq(t, "other", [3]any{p.asked, p.limit, p.unsupported}, [3]any{[]*askedLimit{{n: 2, other: true}}, chartLimit + 1, []string(nil)})
	p = radarOf(t, radarColorDate+`,`+radarValues, `, "SortConfiguration": {"ColorItemsLimit": {"ItemsLimit": 2, "OtherCategories": "INCLUDE"}}`)
	wantEq(t, "other by month", p.unsupported, []string{"ColorItemsLimit with OtherCategories INCLUDE over a date field"})
	// A category items limit without colors cuts the query.
	p = radarOf(t, radarCat+`,`+radarValues, `, "SortConfiguration": {"CategoryItemsLimit": {"ItemsLimit": 3}}`)
	wantEq(t, "category limit", [2]int{p.limit, p.maxRows}, [2]int{3, 0})
	wantEq(t, "none refused", p.unsupported, []string(nil))
}

// A radar chart's ColorItemsLimit with OtherCategories INCLUDE: the
// first colors in the ColorSort and one "Other" polygon whose measures
// are asked of the rest's rows, drawn last.
func TestRadarOtherPolygon(t *testing.T) {
	p := radarOf(t, radarColor+`,`+radarValues, `, "SortConfiguration": {"ColorSort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}],
	 "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}`)
	base := &query.Question{Dimensions: []query.Dimension{*p.category[0].dim}, Measures: []query.Measure{*p.values[0].measure, *p.values[1].measure}, Sort: p.sort, Limit: p.limit}
	asked, answers, run := fakeAsked(0)
	answers["rank"] = [][]any{{"Phone", 900.5, int64(3)}, {"Desk", 200.0, int64(8)}}
	answers[query.NotIn] = [][]any{{250.0, int64(9)}}
	res, err := askedRunner(p, run)(context.Background(), "arn", base)
	if err != nil {
		t.Fatal(err)
	}
	wantEq(t, "questions", [3]any{len(asked), asked["rank"].Sort, asked[query.NotIn].Dimensions}, [3]any{2, []query.Sort{{ID: "rev", Descending: true}}, []query.Dimension{}})
	res.Columns = []query.ResultColumn{{ID: "p", Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}, {ID: "units", Type: "INTEGER", Role: query.RoleMeasure}}
	wantEq(t, "polygons", radarOption(p, res)["series"].([]obj)[0]["data"], []obj{{"name": "Phone", "value": []any{900.5, 3.0}}, {"name": "Other", "value": []any{250.0, 9.0}}})
}

// A radar chart by category limits its axes and polygons as a bar chart
// its categories and colors: the axes ranked by a measure over every
// color, the rest one "Other" axis; the first colors in the ColorSort,
// the rest one "Other" polygon, drawn last.
func TestRadarLimitsByCategory(t *testing.T) {
	p := radarOf(t, radarCat+`,`+radarColor+`,`+radarValues[:strings.Index(radarValues, ",\n")]+`]`, `, "SortConfiguration": {
	 "CategorySort": [{"FieldSort": {"FieldId": "rev", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"},
	 "ColorSort": [{"FieldSort": {"FieldId": "p", "Direction": "DESC"}}], "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}`)
	wantEq(t, "planned", [5]any{p.unsupported, p.rankCat, p.otherLimit, p.colorLimit, p.colorOther}, [5]any{[]string(nil), &query.Sort{ID: "rev", Descending: true}, 1, 1, true})
	res := &Result{
		Columns: []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "p", Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}},
		Rows:    [][]any{{"East", "Desk", 2.0}, {"East", "Phone", 5.0}, {"West", "Chair", 9.0}, {"West", "Phone", 3.0}},
	}
	res, _ = rankCategories(res, p)
	res, _ = limitColors(res, p)
	res = foldOther(res, p.otherLimit, len(p.colors))
	opt := radarOption(p, res)
	wantEq(t, "axes", opt["radar"].(obj)["indicator"], []obj{{"name": "West", "min": 0.0, "max": 9.0}, {"name": "Other", "min": 0.0, "max": 9.0}})
	wantEq(t, "polygons", opt["series"].([]obj)[0]["data"], []obj{{"name": "Phone", "value": []any{3.0, 5.0}}, {"name": "Other", "value": []any{9.0, 2.0}}})
}
