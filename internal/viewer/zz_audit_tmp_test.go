package viewer

import "testing"

func TestZZAudit(t *testing.T) {
	cat := `[{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]`
	cat2 := `[{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}},{"CategoricalDimensionField": {"FieldId": "c2", "Column": {"DataSetIdentifier": "sales", "ColumnName": "product"}}}]`
	col := `[{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}]`
	day := `[{"DateDimensionField": {"FieldId": "d", "Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "DateGranularity": "YEAR"}}]`
	val := `[{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]`
	val2 := `[{"NumericalMeasureField": {"FieldId": "v2", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}]`
	drill := `"ColumnHierarchies": [{"DateTimeHierarchy": {"HierarchyId": "d", "DrillDownFilters": [{"TimeRangeFilter": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "RangeMinimum": "2025-01-01T00:00:00Z", "RangeMaximum": "2025-12-31T00:00:00Z", "TimeGranularity": "YEAR"}}]}}]`
	xdrill := `"ColumnHierarchies": [{"ExplicitHierarchy": {"HierarchyId": "h", "Columns": [{"DataSetIdentifier": "sales", "ColumnName": "segment"},{"DataSetIdentifier": "sales", "ColumnName": "product"}], "DrillDownFilters": [{"CategoryFilter": {"Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}, "CategoryValues": ["A"]}}]}}]`
	cases := map[string]string{
		"bar STACKED_PERCENT": `{"BarChartVisual": {"VisualId": "x", "ChartConfiguration": {"BarsArrangement": "STACKED_PERCENT", "FieldWells": {"BarChartAggregatedFieldWells": {"Category": ` + cat + `, "Colors": ` + col + `, "Values": ` + val + `}}}}}`,
		"combo STACKED_PERCENT": `{"ComboChartVisual": {"VisualId": "x", "ChartConfiguration": {"BarsArrangement": "STACKED_PERCENT", "FieldWells": {"ComboChartAggregatedFieldWells": {"Category": ` + cat + `, "Colors": ` + col + `, "BarValues": ` + val + `}}}}}`,
		"bar ValueAxis log+range": `{"BarChartVisual": {"VisualId": "x", "ChartConfiguration": {"ValueAxis": {"DataOptions": {"NumericAxisOptions": {"Scale": {"Logarithmic": {"Base": 10}}, "Range": {"MinMax": {"Minimum": 100, "Maximum": 200}}}}}, "FieldWells": {"BarChartAggregatedFieldWells": {"Category": ` + cat + `, "Values": ` + val + `}}}}}`,
		"line secondary axis": `{"LineChartVisual": {"VisualId": "x", "ChartConfiguration": {"Series": [{"FieldSeriesItem": {"FieldId": "v2", "AxisBinding": "SECONDARY_YAXIS"}}], "FieldWells": {"LineChartAggregatedFieldWells": {"Category": ` + day + `, "Values": ` + val[:len(val)-1] + `,` + val2[1:] + `}}}}}`,
		"line missing as zero": `{"LineChartVisual": {"VisualId": "x", "ChartConfiguration": {"PrimaryYAxisDisplayOptions": {"MissingDataConfigurations": [{"TreatmentOption": "SHOW_AS_ZERO"}]}, "FieldWells": {"LineChartAggregatedFieldWells": {"Category": ` + day + `, "Values": ` + val + `}}}}}`,
		"pie labels PERCENT": `{"PieChartVisual": {"VisualId": "x", "ChartConfiguration": {"DataLabels": {"Visibility": "VISIBLE", "LabelContent": "PERCENT"}, "FieldWells": {"PieChartAggregatedFieldWells": {"Category": ` + cat + `, "Values": ` + val + `}}}}}`,
		"funnel pct first": `{"FunnelChartVisual": {"VisualId": "x", "ChartConfiguration": {"DataLabelOptions": {"Visibility": "VISIBLE", "MeasureDataLabelStyle": "PERCENTAGE_BY_FIRST_STAGE"}, "FieldWells": {"FunnelChartAggregatedFieldWells": {"Category": ` + cat + `, "Values": ` + val + `}}}}}`,
		"scatter size+label": `{"ScatterPlotVisual": {"VisualId": "x", "ChartConfiguration": {"FieldWells": {"ScatterPlotCategoricallyAggregatedFieldWells": {"Category": ` + cat + `, "Label": ` + col + `, "XAxis": ` + val + `, "YAxis": ` + val2 + `, "Size": [{"NumericalMeasureField": {"FieldId": "s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "qty"}}}]}}}}}`,
		"scatter 2 categories": `{"ScatterPlotVisual": {"VisualId": "x", "ChartConfiguration": {"FieldWells": {"ScatterPlotCategoricallyAggregatedFieldWells": {"Category": ` + cat2 + `, "XAxis": ` + val + `, "YAxis": ` + val2 + `}}}}}`,
		"pivot sort": `{"PivotTableVisual": {"VisualId": "x", "ChartConfiguration": {"SortConfiguration": {"FieldSortOptions": [{"FieldId": "c", "SortBy": {"Field": {"FieldId": "v", "Direction": "DESC"}}}]}, "FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": ` + cat + `, "Values": ` + val + `}}}}}`,
		"line 1 date drilled": `{"LineChartVisual": {"VisualId": "x", ` + drill + `, "ChartConfiguration": {"FieldWells": {"LineChartAggregatedFieldWells": {"Category": ` + day + `, "Values": ` + val + `}}}}}`,
		"waterfall 2 cats drilled": `{"WaterfallVisual": {"VisualId": "x", ` + xdrill + `, "ChartConfiguration": {"FieldWells": {"WaterfallChartAggregatedFieldWells": {"Categories": ` + cat2 + `, "Values": ` + val + `}}}}}`,
		"treemap drilled": `{"TreeMapVisual": {"VisualId": "x", ` + xdrill + `, "ChartConfiguration": {"FieldWells": {"TreeMapAggregatedFieldWells": {"Groups": ` + cat + `, "Sizes": ` + val + `}}}}}`,
		"table pagination": `{"TableVisual": {"VisualId": "x", "ChartConfiguration": {"SortConfiguration": {"PaginationConfiguration": {"PageSize": 10, "PageNumber": 3}}, "FieldWells": {"TableAggregatedFieldWells": {"GroupBy": ` + cat + `, "Values": ` + val + `}}}}}`,
		"kpi 2 trend drilled": `{"KPIVisual": {"VisualId": "x", ` + drill + `, "ChartConfiguration": {"FieldWells": {"Values": ` + val + `, "TrendGroups": ` + day + `}}}}`,
		"heatmap rowaxis": `{"HeatMapVisual": {"VisualId": "x", ` + xdrill + `, "ChartConfiguration": {"FieldWells": {"HeatMapAggregatedFieldWells": {"Rows": ` + cat + `, "Columns": ` + col + `, "Values": ` + val + `}}}}}`,
		"histogram ylog": `{"HistogramVisual": {"VisualId": "x", "ChartConfiguration": {"YAxisDisplayOptions": {"DataOptions": {"NumericAxisOptions": {"Scale": {"Logarithmic": {"Base": 10}}}}}, "FieldWells": {"HistogramAggregatedFieldWells": {"Values": ` + val + `}}}}}`,
	}
	for name, js := range cases {
		p, ok := planOf(visualOf(t, js))
		t.Logf("%-26s ok=%v unsupported=%q stacked=%v cat=%d vals=%d sort=%v", name, ok, p.unsupported, p.stacked, len(p.category), len(p.values), p.sort)
	}
}
