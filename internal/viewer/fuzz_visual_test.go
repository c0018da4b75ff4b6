package viewer

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// FuzzVisualPlan plans arbitrary visual JSON (histograms, box plots,
// Sankey diagrams, custom content among the seeds): never a panic; a
// custom content tile's URL is https with a host or a relative path; an
// "Other" category is planned over one category field and sums or counts
// only.
func FuzzVisualPlan(f *testing.F) {
	for _, seed := range []string{
		`{"HistogramVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HistogramAggregatedFieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "BinOptions": {"SelectedBinType": "BIN_WIDTH", "BinWidth": {"Value": 1e-300, "BinCountLimit": 3}, "StartValue": -1e308}}}}`,
		`{"HistogramVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HistogramAggregatedFieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x}"}}}]}}, "BinOptions": {"BinCount": {"Value": 7}}}}}`,
		`{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {"GroupBy": [{"CategoricalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "BoxPlotOptions": {"OutlierVisibility": "VISIBLE"}}}}`,
		`{"SankeyDiagramVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"SankeyDiagramAggregatedFieldWells": {"Source": [{"CategoricalDimensionField": {"FieldId": "a", "Column": {"DataSetIdentifier": "s", "ColumnName": "a"}}}], "Destination": [{"CategoricalDimensionField": {"FieldId": "b", "Column": {"DataSetIdentifier": "s", "ColumnName": "b"}}}]}}}}}`,
		`{"PieChartVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PieChartAggregatedFieldWells": {"Category": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}]}}, "SortConfiguration": {"CategoryItemsLimit": {"ItemsLimit": 3, "OtherCategories": "INCLUDE"}}}}}`,
		`{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "ValueLabelOptions": {"AxisLabelOptions": [{"CustomLabel": "X", "ApplyTo": {"FieldId": "v"}}, {"CustomLabel": "T"}]}}}}`,
		`{"RadarChartVisual": {"VisualId": "r", "ChartConfiguration": {"FieldWells": {"RadarChartAggregatedFieldWells": {"Category": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Color": [{"CategoricalDimensionField": {"FieldId": "k", "Column": {"DataSetIdentifier": "s", "ColumnName": "p"}}}]}}, "SortConfiguration": {"ColorSort": [{"FieldSort": {"FieldId": "k", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 2}}, "AxesRangeScale": "INDEPENDENT"}}}`,
		`{"RadarChartVisual": {"VisualId": "r", "ChartConfiguration": {"FieldWells": {"RadarChartAggregatedFieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "Shape": "CIRCLE"}}}`,
		`{"FilledMapVisual": {"VisualId": "m", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {"Geospatial": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "country"}}}]}}, "WindowOptions": {"Bounds": {"North": 1e308, "South": -1e308, "West": 0, "East": 0}, "MapZoomMode": "MANUAL"}}}}`,
		`{"GeospatialMapVisual": {"VisualId": "g", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [{"NumericalDimensionField": {"FieldId": "a", "Column": {"DataSetIdentifier": "s", "ColumnName": "lat"}}}, {"NumericalDimensionField": {"FieldId": "o", "Column": {"DataSetIdentifier": "s", "ColumnName": "lon"}}}], "Colors": [{"CategoricalDimensionField": {"FieldId": "k", "Column": {"DataSetIdentifier": "s", "ColumnName": "seg"}}}]}}, "PointStyleOptions": {"SelectedPointStyle": "POINT"}}}}`,
		`{"FilledMapVisual": {"VisualId": "m", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {"Geospatial": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "county"}}}]}}}}}`,
		`{"GeospatialMapVisual": {"VisualId": "g", "GeocodingPreferences": [{"RequestKey": {"City": "a", "State": "IL"}, "Preference": {"GeocoderHierarchy": {"City": "Springfield"}}}, {"RequestKey": {"City": "b"}, "Preference": {"Coordinate": {"Latitude": 1, "Longitude": 2}}}], "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "city"}}}]}}, "PointStyleOptions": {"SelectedPointStyle": "CLUSTER"}}}}`,
		`{"GeospatialMapVisual": {"VisualId": "g", "GeocodingPreferences": [{"RequestKey": {"PostCode": "10001"}, "Preference": {"GeocoderHierarchy": {"PostCode": "2134"}}}], "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [{"NumericalDimensionField": {"FieldId": "z", "Column": {"DataSetIdentifier": "s", "ColumnName": "zip"}}}]}}, "PointStyleOptions": {"SelectedPointStyle": "HEATMAP", "HeatmapConfiguration": {"HeatmapColor": {"Colors": [{"Color": "#FFFFFF"}]}}}}}}`,
		`{"BoxPlotVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BoxPlotAggregatedFieldWells": {"GroupBy": [{"NumericalDimensionField": {"FieldId": "g", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}, {"NumericalMeasureField": {"FieldId": "w", "Column": {"DataSetIdentifier": "s", "ColumnName": "y"}}}]}}, "BoxPlotOptions": {"OutlierVisibility": "VISIBLE", "AllDataPointsVisibility": "VISIBLE"}}}}`,
		`{"GeospatialMapVisual": {"VisualId": "g", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "county"}}}], "Colors": [{"CategoricalDimensionField": {"FieldId": "k", "Column": {"DataSetIdentifier": "s", "ColumnName": "seg"}}}]}}}}}`,
		`{"CustomContentVisual": {"VisualId": "c", "DataSetIdentifier": "s", "ChartConfiguration": {"ContentUrl": "https://example.com/a.png", "ContentType": "IMAGE"}}}`,
		`{"CustomContentVisual": {"VisualId": "c", "ChartConfiguration": {"ContentUrl": "/\\evil.example", "ContentType": "OTHER_EMBEDDED_CONTENT"}}}`,
		`{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {"GroupBy": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "TotalOptions": {"TotalsVisibility": "VISIBLE", "Placement": "START", "TotalAggregationOptions": [{"FieldId": "v", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "MAX"}}]}}}}`,
		`{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Columns": [{"CategoricalDimensionField": {"FieldId": "k", "Column": {"DataSetIdentifier": "s", "ColumnName": "p"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "TotalOptions": {"RowTotalOptions": {"TotalsVisibility": "VISIBLE", "Placement": "START"}, "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE"}}}}}`,
		`{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}, {"CategoricalDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "s", "ColumnName": "q"}}}], "Columns": [{"CategoricalDimensionField": {"FieldId": "k", "Column": {"DataSetIdentifier": "s", "ColumnName": "p"}}}, {"CategoricalDimensionField": {"FieldId": "l", "Column": {"DataSetIdentifier": "s", "ColumnName": "o"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}, {"NumericalMeasureField": {"FieldId": "w", "Column": {"DataSetIdentifier": "s", "ColumnName": "y"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}]}}, "TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "FieldLevel": "ALL"}, "ColumnSubtotalOptions": {"TotalsVisibility": "VISIBLE", "FieldLevel": "CUSTOM", "FieldLevelOptions": [{"FieldId": "k"}]}, "RowTotalOptions": {"TotalsVisibility": "VISIBLE", "TotalAggregationOptions": [{"FieldId": "w", "TotalAggregationFunction": {"SimpleTotalAggregationFunction": "MIN"}}]}}, "FieldOptions": {"CollapseStateOptions": [{"Target": {"FieldId": "c", "FieldDataPathValues": [{"FieldId": "c", "FieldValue": "a"}]}}]}}}}`,
		`{"KPIVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}], "TrendGroups": [{"DateDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "s", "ColumnName": "t"}}}]}, "KPIOptions": {"Sparkline": {"Visibility": "VISIBLE", "Type": "LINE"}, "ProgressBar": {"Visibility": "HIDDEN"}}}}}`,
		`{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Colors": [{"CategoricalDimensionField": {"FieldId": "k", "Column": {"DataSetIdentifier": "s", "ColumnName": "p"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "SortConfiguration": {"CategorySort": [{"FieldSort": {"FieldId": "v", "Direction": "DESC"}}], "CategoryItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}, "ColorSort": [{"FieldSort": {"FieldId": "k", "Direction": "ASC"}}], "ColorItemsLimit": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`,
		`{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {"GroupBy": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}, "FormatConfiguration": {"NullValueFormatConfiguration": {"NullString": "n/a"}}}}], "Values": [{"DateMeasureField": {"FieldId": "v", "AggregationFunction": "MAX", "Column": {"DataSetIdentifier": "s", "ColumnName": "d"}, "FormatConfiguration": {"DateTimeFormat": "YYYY"}}}]}}, "FieldOptions": {"SelectedFieldOptions": [{"FieldId": "c", "Visibility": "HIDDEN"}], "Order": ["v", "v", "x"]}}}}`,
		`{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}, {"CategoricalDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "s", "ColumnName": "q"}}}], "Columns": [{"CategoricalDimensionField": {"FieldId": "k", "Column": {"DataSetIdentifier": "s", "ColumnName": "p"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "SortConfiguration": {"FieldSortOptions": [{"FieldId": "c", "SortBy": {"Field": {"FieldId": "v", "Direction": "DESC"}}}, {"FieldId": "k", "SortBy": {"Column": {"SortBy": {"DataSetIdentifier": "s", "ColumnName": "z"}, "Direction": "ASC", "AggregationFunction": {"CategoricalAggregationFunction": "COUNT"}}}}, {"FieldId": "d", "SortBy": {"DataPath": {"Direction": "DESC"}}}]}}}}`,
		`{"HeatMapVisual": {"VisualId": "h", "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {"Rows": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Columns": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "p"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "SortConfiguration": {"HeatMapRowSort": [{"FieldSort": {"FieldId": "v", "Direction": "DESC"}}], "HeatMapRowItemsLimitConfiguration": {"ItemsLimit": 1, "OtherCategories": "INCLUDE"}}}}}`,
		`{"WaterfallVisual": {"VisualId": "w", "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "a", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}, {"NumericalMeasureField": {"FieldId": "b", "Column": {"DataSetIdentifier": "s", "ColumnName": "y"}}}]}}}}}`,
		`{"ScatterPlotVisual": {"VisualId": "s", "ChartConfiguration": {"FieldWells": {"ScatterPlotCategoricallyAggregatedFieldWells": {"XAxis": [{"NumericalMeasureField": {"FieldId": "x", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}], "YAxis": [{"NumericalMeasureField": {"FieldId": "y", "Column": {"DataSetIdentifier": "s", "ColumnName": "y"}}}], "Category": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Label": [{"CategoricalDimensionField": {"FieldId": "l", "Column": {"DataSetIdentifier": "s", "ColumnName": "q"}}}], "Size": [{"NumericalMeasureField": {"FieldId": "z", "Column": {"DataSetIdentifier": "s", "ColumnName": "z"}}}]}}}}}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		var vis definition.Visual
		if json.Unmarshal([]byte(raw), &vis) != nil {
			return
		}
		if p, ok := planOf(&vis); ok {
			applyCustomLabels(&vis, p) // any chart's labels, with no panic
		}
		if p, ok := planOf(&vis); ok && p.hist != nil && len(p.unsupported) == 0 {
			if p.hist.limit < 1 || p.hist.limit > maxBins || (p.hist.count == 0 && !(p.hist.width > 0)) {
				t.Fatalf("histogram plan %+v", *p.hist)
			}
		}
		if p, ok := planOf(&vis); ok && p.otherLimit > 0 && len(p.unsupported) == 0 {
			if len(p.category) != 1 || p.otherLimit >= chartLimit || p.limit != chartLimit+1 {
				t.Fatalf("other plan: %d categories, limit %d, query limit %d", len(p.category), p.otherLimit, p.limit)
			}
			for _, m := range p.measures() {
				if m.measure != nil && m.measure.Aggregation != query.Sum && m.measure.Aggregation != query.Count {
					t.Fatalf("other plan over %s", m.measure.Aggregation)
				}
			}
		}
		if p, ok := planOf(&vis); ok && p.radar != nil && len(p.unsupported) == 0 {
			radarOption(p, radarResult(p)) // draws any plan without a panic
		}
		if p, ok := planOf(&vis); ok && p.geo != nil && len(p.unsupported) == 0 {
			// Roles by column: lat and lon place points, others name countries,
			// states (seg), counties (matched within seg), cities and ZIP codes.
			v := &View{geoRoles: func(context.Context, string) (map[string]string, error) {
				return map[string]string{"lat": "LATITUDE", "lon": "LONGITUDE", "country": "COUNTRY", "seg": "STATE", "county": "COUNTY", "city": "CITY", "zip": "POSTCODE"}, nil
			}}
			if v.placeMap(context.Background(), p, "arn") == "" {
				mapOption(p, radarResult(p)) // draws any placed map without a panic
			}
		}
		if p, ok := planOf(&vis); ok && len(p.unsupported) == 0 && (p.totals != nil || p.pivotTotals != nil || p.sparklineShown()) {
			drawTotals(t, p) // totals and sparklines over any plan without a panic
		}
		if p, ok := planOf(&vis); ok && len(p.unsupported) == 0 && (p.rankCat != nil || p.colorLimit > 0) {
			// Ranked limits over any plan without a panic.
			res := radarResult(p)
			for i, f := range append(p.dims(), p.measures()...) {
				res.Columns[i].ID = f.id
			}
			if p.rankCat != nil {
				res, _ = rankCategories(res, p)
			}
			if res != nil && p.colorLimit > 0 {
				limitColors(res, p)
			}
		}
		if p, ok := planOf(&vis); ok && len(p.unsupported) == 0 && p.kind != definition.KindPivot && p.geo == nil && p.hist == nil && p.radar == nil && len(p.values) > 0 &&
			(p.kind == definition.KindScatter || p.kind == definition.KindHeatMap || p.kind == definition.KindWaterfall) {
			res := radarResult(p)
			for _, by := range p.heatBy {
				if by != nil { // each row's or column's value, as asked
					by.of = map[string]any{"a": int64(2), "b": nil, "c": int64(-1)}
				}
			}
			if (p.kind != definition.KindScatter || len(p.values) >= 2) && (p.kind != definition.KindHeatMap || len(p.dims()) >= 2) {
				chartOption(p, res) // a scatter, heat map or waterfall over any plan without a panic
			}
		}
		if p, ok := planOf(&vis); ok && p.kind == definition.KindPivot && len(p.unsupported) == 0 {
			// Ordered over any plan without a panic: each level's aggregate
			// known for some groups, not others.
			if o := p.pivotOrder; o != nil {
				some := func(levels []pivotLevelOrder) []map[string]any {
					out := make([]map[string]any, len(levels))
					for d := range levels {
						out[d] = map[string]any{"a": int64(3), "b": nil, "a / b": 1.5}
					}
					return out
				}
				o.rowAgg, o.colAgg = some(o.rows), some(o.cols)
			}
			pivot(p, radarResult(p))
		}
		if p, ok := planOf(&vis); ok && vis.Kind == definition.KindTable {
			ids := fieldIDs(append(p.dims(), p.measures()...))
			seen := map[int]bool{}
			for _, i := range tableLayoutOf(&vis).columns(ids) {
				if i < 0 || i >= len(ids) || seen[i] {
					t.Fatalf("table columns %v of %v", tableLayoutOf(&vis).columns(ids), ids)
				}
				seen[i] = true
			}
		}
		if vis.Kind == "CustomContentVisual" {
			var tl Tile
			contentTile(&tl, vis.Raw, map[string]string{"P": "a b/<c>"})
			if tl.Content != nil {
				u, err := url.Parse(tl.Content.URL)
				if err != nil || strings.HasPrefix(tl.Content.URL, "//") || strings.Contains(tl.Content.URL, "\\") || (u.Scheme != "" && (u.Scheme != "https" || u.Host == "")) {
					t.Fatalf("content URL %q shown", tl.Content.URL)
				}
			}
		}
	})
}

// radarResult is a small answer to a radar chart's question: two rows per
// dimension value, the same value repeated, and a NULL measure.
func radarResult(p *plan) *Result {
	res := &Result{}
	for range p.dims() {
		res.Columns = append(res.Columns, query.ResultColumn{Type: "STRING"})
	}
	for range p.measures() {
		res.Columns = append(res.Columns, query.ResultColumn{Type: "INTEGER", Role: query.RoleMeasure})
	}
	for i := range 4 {
		var row []any
		for j := range p.dims() {
			row = append(row, string(rune('a'+(i+j)%3)))
		}
		for j := range p.measures() {
			var v any = int64(i - j)
			if i == 3 {
				v = nil
			}
			row = append(row, v)
		}
		res.Rows = append(res.Rows, row)
	}
	return res
}

// drawTotals draws a plan's totals and sparkline over answers of one row
// per question (the measures NULL or 1).
func drawTotals(t *testing.T, p *plan) {
	t.Helper()
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		res := &Result{}
		row := []any{}
		for range q.Dimensions {
			res.Columns = append(res.Columns, query.ResultColumn{Type: "STRING"})
			row = append(row, "a")
		}
		for i := range q.Measures {
			res.Columns = append(res.Columns, query.ResultColumn{Type: "DECIMAL"})
			row = append(row, []any{1.0, nil}[i%2])
		}
		res.Rows = [][]any{row}
		return res, nil
	}
	v := &View{}
	q, ctx := &query.Question{}, context.Background()
	for _, f := range p.dims() {
		q.Dimensions = append(q.Dimensions, *f.dim)
	}
	for _, f := range p.measures() {
		q.Measures = append(q.Measures, *f.measure)
	}
	means := p.cellMeans(q)
	res, _ := run(ctx, "", withCellParts(q, p, means))
	res, parts := cellParts(res, p, means)
	if p.totals != nil {
		if row, why, err := v.totalRow(ctx, p, q, "arn", res, run); err == nil && why == "" {
			totalCells(p, row)
		}
	}
	if p.pivotTotals != nil {
		if _, err := v.addPivotTotals(ctx, pivot(p, res), p, q, "arn", false, run, parts); err != nil {
			t.Fatal(err)
		}
	}
	if p.sparklineShown() {
		if _, _, err := v.sparkline(ctx, p, q, "arn", run); err != nil {
			t.Fatal(err)
		}
	}
}
