package viewer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// totalsVisuals are a table, a pivot table and a KPI, each without and
// with its totals (a total row; row, column and grand totals; a progress
// bar and sparkline), and a pivot with two row fields without and with
// subtotals (and totals) and with its first field collapsed, of an
// average (a question per level) and of a sum (added up from the cells),
// the latter also with styled totals and conditional formats scoped to
// its subtotals and totals (their conditions asked at each level), over
// the sample dataset.
const totalsVisuals = `[
 {"TableVisual": {"VisualId": "table", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {"GroupBy": [` + bDim + `], "Values": [` + bSum + `, ` + bAvg + `]}}}}},
 {"TableVisual": {"VisualId": "table-totals", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {"GroupBy": [` + bDim + `], "Values": [` + bSum + `, ` + bAvg + `]}},
   "TotalOptions": {"TotalsVisibility": "VISIBLE"}}}},
 {"PivotTableVisual": {"VisualId": "pivot", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + bDim + `], "Columns": [` + bDim2 + `], "Values": [` + bAvg + `]}}}}},
 {"PivotTableVisual": {"VisualId": "pivot-totals", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + bDim + `], "Columns": [` + bDim2 + `], "Values": [` + bAvg + `]}},
   "TotalOptions": {"RowTotalOptions": {"TotalsVisibility": "VISIBLE"}, "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE"}}}}},
 {"PivotTableVisual": {"VisualId": "pivot-2rows", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + bDim + `, ` + bDim3 + `], "Columns": [` + bDim2 + `], "Values": [` + bAvg + `]}}}}},
 {"PivotTableVisual": {"VisualId": "pivot-subtotals", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + bDim + `, ` + bDim3 + `], "Columns": [` + bDim2 + `], "Values": [` + bAvg + `]}},
   "TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE"}, "RowTotalOptions": {"TotalsVisibility": "VISIBLE"}, "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE"}}}}},
 {"PivotTableVisual": {"VisualId": "pivot-2rows-sum", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + bDim + `, ` + bDim3 + `], "Columns": [` + bDim2 + `], "Values": [` + bSum + `]}}}}},
 {"PivotTableVisual": {"VisualId": "pivot-subtotals-sum", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + bDim + `, ` + bDim3 + `], "Columns": [` + bDim2 + `], "Values": [` + bSum + `]}},
   "TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE"}, "RowTotalOptions": {"TotalsVisibility": "VISIBLE"}, "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE"}}}}},
 {"PivotTableVisual": {"VisualId": "pivot-subtotals-cond", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + bDim + `, ` + bDim3 + `], "Columns": [` + bDim2 + `], "Values": [` + bSum + `]}},
   "TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE", "TotalCellStyle": {"BackgroundColor": "#EEEEEE"}}, "RowTotalOptions": {"TotalsVisibility": "VISIBLE"},
     "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE", "ValueCellStyle": {"FontConfiguration": {"FontWeight": {"Name": "BOLD"}}}}}},
   "ConditionalFormatting": {"ConditionalFormattingOptions": [
     {"Cell": {"FieldId": "v", "Scopes": [{"Role": "FIELD_TOTAL"}], "TextFormat": {"TextColor": {"Solid": {"Expression": "sum({revenue}) > 1000000", "Color": "#DE3B00"}}}}},
     {"Cell": {"FieldId": "v", "Scope": {"Role": "GRAND_TOTAL"}, "TextFormat": {"BackgroundColor": {"Solid": {"Expression": "sum({revenue}) > 5000000", "Color": "#00AA00"}}}}}]}}},
 {"PivotTableVisual": {"VisualId": "pivot-collapsed", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {"Rows": [` + bDim + `, ` + bDim3 + `], "Columns": [` + bDim2 + `], "Values": [` + bAvg + `]}},
   "FieldOptions": {"CollapseStateOptions": [{"Target": {"FieldId": "r"}, "State": "COLLAPSED"}]}}}},
 {"KPIVisual": {"VisualId": "kpi", "ChartConfiguration": {"FieldWells": {"Values": [` + bSum + `], "TrendGroups": [` + bMonth + `]}}}},
 {"KPIVisual": {"VisualId": "kpi-sparkline", "ChartConfiguration": {"FieldWells": {"Values": [` + bSum + `], "TrendGroups": [` + bMonth + `]},
   "KPIOptions": {"Sparkline": {"Visibility": "VISIBLE"}}}}}]`

const (
	bDim   = `{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	bDim2  = `{"CategoricalDimensionField": {"FieldId": "s", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}`
	bDim3  = `{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "sales", "ColumnName": "category"}}}`
	bMonth = `{"DateDimensionField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "order_date"}, "DateGranularity": "MONTH"}}`
	bSum   = `{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "AggregationFunction": {"SimpleNumericalAggregation": "SUM"}}}`
	bAvg   = `{"NumericalMeasureField": {"FieldId": "a", "Column": {"DataSetIdentifier": "sales", "ColumnName": "profit"}, "AggregationFunction": {"SimpleNumericalAggregation": "AVERAGE"}}}`
)

// BenchmarkTotals times a table, a pivot table and a KPI on the
// 100,000-row sample with no cache, each without and with its totals:
// the totals' cost is the extra questions at their levels.
func BenchmarkTotals(b *testing.B) {
	ctx := context.Background()
	sample, run := sampleApp(b, false)
	arn := sample.Definition().DataSetIdentifierDeclarations[0].DataSetArn
	def, err := definition.Parse([]byte(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "` + arn + `"}],
		"Sheets": [{"SheetId": "s", "Name": "Totals", "Visuals": ` + totalsVisuals + `}]}`))
	if err != nil {
		b.Fatal(err)
	}
	v := viewer.New(def, nil, time.Time{})
	for _, id := range []string{"table", "table-totals", "pivot", "pivot-totals", "pivot-2rows", "pivot-subtotals", "pivot-collapsed", "pivot-2rows-sum", "pivot-subtotals-sum", "pivot-subtotals-cond", "kpi", "kpi-sparkline"} {
		for _, levels := range []bool{false, true} {
			name := id
			if levels {
				if !strings.HasPrefix(id, "pivot-") || strings.Contains(id, "2rows") {
					continue
				}
				name += "-levels" // the alternative: every total asked of SQL at its level
			}
			b.Run(name, func(b *testing.B) {
				viewer.SetTotalsFromCells(!levels)
				defer viewer.SetTotalsFromCells(true)
				for b.Loop() {
					s := v.RenderVisuals(ctx, "s", []string{id}, run, 1)
					if len(s.Tiles) != 1 || (s.Tiles[0].Kind != viewer.TileTable && s.Tiles[0].Kind != viewer.TilePivot && s.Tiles[0].Kind != viewer.TileKPI) {
						b.Fatalf("%s: %+v", id, s.Tiles)
					}
				}
			})
		}
	}
}
