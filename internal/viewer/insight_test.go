package viewer

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"sync"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query"
)

// insightOf computes an insight visual of the test view's "sales" dataset
// with answers from answer, and returns its tile and the questions asked.
func insightOf(t *testing.T, computations string, answer func(q *query.Question) *Result) (*Tile, []*query.Question) {
	t.Helper()
	vis := visualOf(t, `{"InsightVisual": {"VisualId": "i", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+computations+`]}}}`)
	var asked []*query.Question
	var mu sync.Mutex // two computations ask at once
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		mu.Lock()
		asked = append(asked, q)
		mu.Unlock()
		return answer(q), nil
	}
	tl := &Tile{}
	testView(t, nil).insightTile(context.Background(), tl, vis, "s1", run)
	return tl, asked
}

const (
	insRegion = `{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "sales", "ColumnName": "region"}}}`
	insMonth  = `{"DateDimensionField": {"FieldId": "m", "Column": {"DataSetIdentifier": "sales", "ColumnName": "day"}, "DateGranularity": "MONTH"}}`
	insSum    = `{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}}}`
)

func TestInsightRanked(t *testing.T) {
	cols := []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "__v", Role: query.RoleMeasure, Type: "DECIMAL"}}
	tl, asked := insightOf(t, `{"TopBottomRanked": {"ComputationId": "b", "Type": "BOTTOM", "ResultSize": 2, "Category": `+insRegion+`, "Value": `+insSum+`}}`,
		func(*query.Question) *Result {
			// Ascending puts groups without a value first: they are not ranked.
			return &Result{Columns: cols, Rows: [][]any{{"North", nil}, {"East", 1.5}, {"West", 1234.0}, {"South", 5000.0}}}
		})
	wantEq(t, "line", tl.Insight.Lines, []string{"Bottom 2 region by revenue: East (1.5), West (1,234)."})
	wantEq(t, "sorted in SQL", asked[0].Sort, []query.Sort{{ID: "__v"}, {ID: "r"}})
	wantEq(t, "measure", asked[0].Measures, []query.Measure{{ID: "__v", Field: "revenue", Aggregation: query.Sum, DefaultAggregation: true}})
}

func TestInsightMovers(t *testing.T) {
	cols := []query.ResultColumn{{ID: "m", Type: "DATETIME"}, {ID: "r", Type: "STRING"}, {ID: "__v", Role: query.RoleMeasure, Type: "DECIMAL"}}
	tl, _ := insightOf(t, `{"TopBottomMovers": {"ComputationId": "m", "Type": "TOP", "MoverSize": 2, "Time": `+insMonth+`, "Category": `+insRegion+`, "Value": `+insSum+`}}`,
		func(*query.Question) *Result {
			return &Result{Columns: cols, Rows: [][]any{
				{"2026-05-01 00:00:00", "East", 150.0}, {"2026-05-01 00:00:00", "North", 90.0}, {"2026-05-01 00:00:00", "West", 300.0},
				{"2026-04-01 00:00:00", "East", 100.0}, {"2026-04-01 00:00:00", "North", 100.0}, {"2026-04-01 00:00:00", "West", 100.0},
				{"2026-03-01 00:00:00", "East", 1.0}}}
		})
	wantEq(t, "by percent", tl.Insight.Lines, []string{"Top movers in region by revenue from Apr 2026 to May 2026: West up 200% (100 to 300), East up 50% (100 to 150)."})
}

func TestInsightRefusals(t *testing.T) {
	none := func(*query.Question) *Result { return &Result{} }
	tl, asked := insightOf(t, `{"Forecast": {"ComputationId": "f"}}`, none)
	wantEq(t, "forecast", [3]any{tl.Kind, tl.Message, len(asked)}, [3]any{TileUnsupported, "A forecast needs a machine-learning model, which Sightglass does not have.", 0})
	tl, _ = insightOf(t, `{"PeriodToDate": {"ComputationId": "p", "PeriodTimeGranularity": "FORTNIGHT", "Time": `+insMonth+`, "Value": `+insSum+`}}`, none)
	wantEq(t, "granularity", tl.Message, `Insight options not yet supported by Sightglass: PeriodToDate with PeriodTimeGranularity "FORTNIGHT".`)
	tl, _ = insightOf(t, `{"TotalAggregation": {"ComputationId": "t"}}`, none)
	wantEq(t, "no value", tl.Insight.Lines, []string{"Total aggregation needs a Value."})

	tl = customNarrativeOf(t, `{"TotalAggregation": {"ComputationId": "t"}}`, `<narrative>Anomalies: <for>x</for></narrative>`, none)
	wantEq(t, "custom narrative", [2]any{tl.Kind, tl.Message}, [2]any{TileUnsupported, "Insight options not yet supported by Sightglass: the CustomNarrative element <for>. Anomaly detection also needs a machine-learning model, which Sightglass does not have."})
}

// customNarrativeOf computes an insight visual with a custom narrative.
func customNarrativeOf(t *testing.T, computations, narrative string, answer func(q *query.Question) *Result) *Tile {
	t.Helper()
	n, _ := json.Marshal(narrative)
	vis := visualOf(t, `{"InsightVisual": {"VisualId": "i", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [`+computations+`], "CustomNarrative": {"Narrative": `+string(n)+`}}}}`)
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) { return answer(q), nil }
	tl := &Tile{}
	testView(t, nil).insightTile(context.Background(), tl, vis, "s1", run)
	return tl
}

// TestInsightCustomNarrative writes a custom narrative over the outputs
// of its computations, named by Name or ComputationId, with the fields'
// number formats; an output it does not compute is refused by name.
func TestInsightCustomNarrative(t *testing.T) {
	usd := `{"NumericalMeasureField": {"FieldId": "tv", "Column": {"DataSetIdentifier": "sales", "ColumnName": "revenue"}, "FormatConfiguration": {"FormatConfiguration": {"CurrencyDisplayFormatConfiguration": {"Symbol": "USD", "DecimalPlacesConfiguration": {"DecimalPlaces": 2}}}}}}`
	comps := `{"TotalAggregation": {"ComputationId": "t", "Name": "Total sales", "Value": ` + usd + `}},
	 {"TopBottomRanked": {"ComputationId": "top", "Name": "Best", "Type": "TOP", "ResultSize": 2, "Category": ` + insRegion + `, "Value": ` + insSum + `}},
	 {"Forecast": {"ComputationId": "fc"}}`
	answer := func(q *query.Question) *Result {
		if len(q.Dimensions) == 0 {
			return &Result{Columns: []query.ResultColumn{{ID: "__v", Role: query.RoleMeasure, Type: "DECIMAL"}}, Rows: [][]any{{-1234.5}}}
		}
		return &Result{Columns: []query.ResultColumn{{ID: "r", Type: "STRING"}, {ID: "__v", Role: query.RoleMeasure, Type: "DECIMAL"}},
			Rows: [][]any{{"<East>", 900.0}, {"West", 300.0}, {"North", 1.0}}}
	}
	tl := customNarrativeOf(t, comps, `<narrative>
	  <p>Total <expression>Total sales.metricField.name</expression>: <b><expression>t.totalAggregate.formattedValue</expression></b>
	    (<expression>t.totalAggregate.value</expression>).</p>
	  <p>Best: <expression>top.items[0].categoryValue.formattedValue</expression> with <expression>Best.items[0].metricValue.formattedValue</expression> of <expression>Best.itemsCount</expression> (<expression>top.metricField.aggregationFunction</expression>).</p>
	</narrative>`, answer)
	if tl.Kind != TileInsight {
		t.Fatalf("%s: %s", tl.Kind, tl.Message)
	}
	wantEq(t, "lines", tl.Insight.HTML, []template.HTML{"Total revenue: <b>-$1,234.50</b> (-1234.5).", "Best: &lt;East&gt; with 900 of 2 (SUM)."})

	tl = customNarrativeOf(t, comps, `<expression>Best.items[2].categoryValue.formattedValue</expression>`, answer)
	wantEq(t, "beyond the items", tl.Message, `Insight options not yet supported by Sightglass: the CustomNarrative expression "Best.items[2].categoryValue.formattedValue" (an output Sightglass does not compute, or that has no value here).`)
	tl = customNarrativeOf(t, comps, `<expression>fc.forecast.value</expression>`, answer)
	wantEq(t, "forecast", tl.Message, `Insight options not yet supported by Sightglass: the CustomNarrative expression "fc.forecast.value" (a forecast, which needs a machine-learning model, which Sightglass does not have).`)
}

// TestInsightCustomNarrativePeriods names the outputs of the computations
// over periods: the time field, the previous period's value and a metric
// comparison's two values.
func TestInsightCustomNarrativePeriods(t *testing.T) {
	comps := `{"PeriodOverPeriod": {"ComputationId": "pop", "Time": ` + insMonth + `, "Value": ` + insSum + `}},
	 {"MetricComparison": {"ComputationId": "cmp", "Time": ` + insMonth + `, "FromValue": ` + insSum + `, "TargetValue": ` + insSum + `}}`
	answer := func(q *query.Question) *Result {
		cols := []query.ResultColumn{{ID: "m", Type: "DATETIME"}}
		for _, m := range q.Measures {
			cols = append(cols, query.ResultColumn{ID: m.ID, Role: query.RoleMeasure, Type: "DECIMAL"})
		}
		row := func(m string, v float64) []any {
			r := []any{m}
			for range q.Measures {
				r = append(r, v)
				v *= 2
			}
			return r
		}
		return &Result{Columns: cols, Rows: [][]any{row("2026-05-01 00:00:00", 150), row("2026-04-01 00:00:00", -100)}}
	}
	tl := customNarrativeOf(t, comps, `<expression>pop.timeField.name</expression> by <expression>pop.timeField.timeGranularity</expression>: <expression>pop.previousTimeValue.formattedValue</expression> had <expression>pop.previousMetricValue.formattedValue</expression> (<expression>pop.previousMetricValue.formattedAbsoluteValue</expression>);
	 <expression>cmp.fromMetricField.name</expression> <expression>cmp.fromMetricValue.formattedValue</expression> against <expression>cmp.toMetricValue.formattedValue</expression>.`, answer)
	if tl.Kind != TileInsight {
		t.Fatalf("%s: %s", tl.Kind, tl.Message)
	}
	wantEq(t, "line", tl.Insight.HTML, []template.HTML{"day by MONTH: Apr 2026 had -100 (100); revenue 150 against 300."})

	// The change, as the real budgets narrative writes it (its markup).
	tl = customNarrativeOf(t, comps, `<narrative>Total <expression>pop.metricField.name</expression> for <inline background-color="PrimaryBackground"><expression>pop.currentTimeValue.formattedValue</expression></inline>
	  <if condition="pop.percentDifference.value &gt;= 0" level="inline"><inline color="Accent"><b> increased by </b></inline></if>
	  <if condition="pop.percentDifference.value &lt; 0" level="inline"><inline color="Accent"><b> decreased by </b></inline></if>
	  <b><expression>pop.percentDifference.formattedAbsoluteValue</expression></b> (<expression>pop.absoluteDifference.formattedValue</expression>, <expression>pop.percentDifference.formattedValue</expression>, <expression>pop.percentDifference.value</expression>)
	  from <expression>pop.previousMetricValue.formattedValue</expression> to <expression>pop.currentMetricValue.formattedValue</expression> (<expression>pop.currentMetricValue.value</expression>).</narrative>`, answer)
	if tl.Kind != TileInsight {
		t.Fatalf("%s: %s", tl.Kind, tl.Message)
	}
	wantEq(t, "change", tl.Insight.HTML, []template.HTML{`Total revenue for <span style="background-color:var(--card)">May 2026</span> <span style="color:var(--accent)"><b>increased by</b></span> <b>250%</b> (250, 250%, 2.5) from -100 to 150 (150).`})
}

// TestInsightComputationsAtOnce gives an insight two computations whose
// questions must be in flight together (the first is answered only once
// the second has been asked): the second fails at once, the first then
// reads too many rows, and the tile says what the first computation
// found, as when they ran one by one.
func TestInsightComputationsAtOnce(t *testing.T) {
	vis := visualOf(t, `{"InsightVisual": {"VisualId": "i", "DataSetIdentifier": "sales", "InsightConfiguration": {"Computations": [
	 {"MaximumMinimum": {"ComputationId": "hi", "Type": "MAXIMUM", "Time": `+insMonth+`, "Value": `+insSum+`}},
	 {"TopBottomRanked": {"ComputationId": "top", "Type": "TOP", "Category": `+insRegion+`, "Value": `+insSum+`}}]}}}`)
	second := make(chan struct{})
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		if q.Dimensions[0].Field == "region" {
			close(second)
			return nil, errors.New("the second computation's failure")
		}
		select {
		case <-second:
		case <-time.After(10 * time.Second):
			return nil, errors.New("the computations were asked one after another")
		}
		rows := make([][]any, insightLimit) // periods without a value
		for i := range rows {
			rows[i] = []any{"2026-05-01 00:00:00", nil}
		}
		return &Result{Columns: []query.ResultColumn{{ID: "m"}, {ID: "__v", Role: query.RoleMeasure}}, Rows: rows}, nil
	}
	tl := &Tile{}
	testView(t, nil).insightTile(context.Background(), tl, vis, "s1", run)
	wantEq(t, "tile", [2]any{tl.Kind, tl.Message}, [2]any{TileUnsupported,
		"This insight reads more than 2000 rows to find its answer, more than Sightglass reads; filter it to fewer."})
}

// A custom narrative's <parameter> is the parameter's current value (the
// test view's Region: East and West).
func TestInsightNarrativeParameter(t *testing.T) {
	comps := `{"TotalAggregation": {"ComputationId": "t", "Value": ` + insSum + `}}`
	answer := func(q *query.Question) *Result {
		return &Result{Columns: []query.ResultColumn{{ID: "__v", Role: query.RoleMeasure, Type: "DECIMAL"}}, Rows: [][]any{{7.0}}}
	}
	tl := customNarrativeOf(t, comps, `<narrative>In <parameter>${Region}</parameter>: <expression>t.totalAggregate.formattedValue</expression></narrative>`, answer)
	if tl.Kind != TileInsight {
		t.Fatalf("%s: %s", tl.Kind, tl.Message)
	}
	wantEq(t, "line", tl.Insight.HTML, []template.HTML{"In East, West: 7"})
}
