package viewer

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// A pivot table's flag rules (the bleafsi definition's shape): the first
// rule that applies to a cell wins; rows without a cell stay plain; a
// rule for totals applies to none of the values (and this pivot draws
// no totals: TestConditionalPivotTotalScopes).
func TestConditionalPivotFlags(t *testing.T) {
	vis := visualOf(t, `{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {
		"Rows": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "region"}}}],
		"Columns": [{"CategoricalDimensionField": {"FieldId": "c", "Column": {"DataSetIdentifier": "s", "ColumnName": "segment"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "n", "Column": {"DataSetIdentifier": "s", "ColumnName": "id"}, "AggregationFunction": {"SimpleNumericalAggregation": "COUNT"}}}]}}},
		"ConditionalFormatting": {"ConditionalFormattingOptions": [
		  {"Cell": {"FieldId": "n", "TextFormat": {"Icon": {"CustomCondition": {"Expression": "COUNT({id}) >= 2", "IconOptions": {"Icon": "FLAG"}, "Color": "#DE3B00"}}}}},
		  {"Cell": {"FieldId": "n", "TextFormat": {"Icon": {"CustomCondition": {"Expression": "(COUNT({id}) >= 1) AND (COUNT({id}) <= 2)", "IconOptions": {"Icon": "FLAG"}, "Color": "#FFB500"}}}}},
		  {"Cell": {"FieldId": "n", "Scope": {"Role": "GRAND_TOTAL"}, "TextFormat": {"TextColor": {"Solid": {"Expression": "COUNT({id}) >= 0", "Color": "#000000"}}}}}]}}}`)
	p, ok := planOf(vis)
	if !ok {
		t.Fatal("no plan")
	}
	v := New(&definition.Definition{}, nil, testNow)
	x := v.extrasOf(vis, p)
	if len(x.hidden) != 3 || x.hidden[0].expr != "ifelse(COUNT({id}) >= 2, 1, 0)" || len(x.notes) != 0 {
		t.Fatalf("hidden %v notes %v", x.hidden, x.notes)
	}
	q := withHidden(&query.Question{Measures: []query.Measure{{ID: "n"}}}, x.hidden)
	if len(q.Measures) != 4 || q.Measures[2].ID != hiddenID(1) || len(q.CalculatedFields) != 3 {
		t.Fatalf("question %+v", q)
	}
	// East has both segments (3 and 1), West one (2).
	res := &Result{Columns: make([]query.ResultColumn, 6), Rows: [][]any{
		{"East", "A", int64(3), int64(1), int64(0), int64(1)},
		{"East", "B", int64(1), int64(0), int64(1), int64(1)},
		{"West", "A", int64(2), int64(1), int64(1), int64(1)},
	}}
	res, hidden := splitHidden(res, 3)
	pv := pivot(p, res)
	x.formatPivot(pv, p, hidden)
	got := [][]CellFormat{{pv.Rows[0].Cells[0].Format, pv.Rows[0].Cells[1].Format}, {pv.Rows[1].Cells[0].Format, pv.Rows[1].Cells[1].Format}}
	want := [][]CellFormat{{{Icon: "⚑", IconColor: "#DE3B00"}, {Icon: "⚑", IconColor: "#FFB500"}}, {{Icon: "⚑", IconColor: "#DE3B00"}, {}}}
	if !equalFormats(got, want) {
		t.Errorf("pivot formats\n got %+v\nwant %+v", got, want)
	}
}

// A pivot's rule scoped to its subtotals or totals formats them, its
// condition asked at each total's level (the rows' fields of its row
// only); its FIELD scope formats the values; a gradient on totals is
// named.
func TestConditionalPivotTotalScopes(t *testing.T) {
	vis := visualOf(t, `{"PivotTableVisual": {"VisualId": "p", "ChartConfiguration": {"FieldWells": {"PivotTableAggregatedFieldWells": {
		"Rows": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "region"}}}, {"CategoricalDimensionField": {"FieldId": "k", "Column": {"DataSetIdentifier": "s", "ColumnName": "category"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "n", "Column": {"DataSetIdentifier": "s", "ColumnName": "id"}, "AggregationFunction": {"SimpleNumericalAggregation": "COUNT"}}}]}},
		"TotalOptions": {"RowSubtotalOptions": {"TotalsVisibility": "VISIBLE"}, "ColumnTotalOptions": {"TotalsVisibility": "VISIBLE"}}},
		"ConditionalFormatting": {"ConditionalFormattingOptions": [
		  {"Cell": {"FieldId": "n", "Scopes": [{"Role": "FIELD_TOTAL"}], "TextFormat": {"TextColor": {"Solid": {"Expression": "COUNT({id}) >= 3", "Color": "#DE3B00"}}}}},
		  {"Cell": {"FieldId": "n", "Scope": {"Role": "GRAND_TOTAL"}, "TextFormat": {"BackgroundColor": {"Solid": {"Expression": "COUNT({id}) > 4", "Color": "#00FF00"}}}}},
		  {"Cell": {"FieldId": "n", "Scope": {"Role": "GRAND_TOTAL"}, "TextFormat": {"TextColor": {"Gradient": {"Expression": "COUNT({id})", "Color": {"Stops": [{"GradientOffset": 0, "Color": "#000000"}, {"GradientOffset": 100, "Color": "#FFFFFF"}]}}}}}}]}}}`)
	p, ok := planOf(vis)
	if !ok || len(p.unsupported) > 0 {
		t.Fatalf("no plan %v", p.unsupported)
	}
	p.dataSet = "s"
	v := testView(t, nil)
	x := v.extrasOf(vis, p)
	if len(x.hidden) != 3 || len(x.notes) != 0 {
		t.Fatalf("hidden %v notes %q", x.hidden, x.notes)
	}
	q, err := v.question(p, "s1", "p")
	if err != nil {
		t.Fatal(err)
	}
	// East: A 2, B 1 (subtotal 3); West: A 2 (subtotal 2); total 5.
	res := &Result{Columns: make([]query.ResultColumn, 3), Rows: [][]any{{"East", "A", int64(2)}, {"East", "B", int64(1)}, {"West", "A", int64(2)}}}
	pv := pivot(p, res)
	run := func(_ context.Context, _ string, q *query.Question) (*Result, error) {
		hidden := len(q.Measures) > 1
		row := func(n int64, parts ...any) []any {
			out := append(parts, n)
			if hidden { // the three conditions: >= 3, > 4, the gradient's count
				out = append(out, b2i(n >= 3), b2i(n > 4), n)
			}
			return out
		}
		switch len(q.Dimensions) {
		case 0:
			return &Result{Columns: make([]query.ResultColumn, len(q.Measures)), Rows: [][]any{row(5)}}, nil
		case 1:
			return &Result{Columns: make([]query.ResultColumn, 1+len(q.Measures)), Rows: [][]any{row(3, "East"), row(2, "West")}}, nil
		}
		t.Fatalf("question by %v", q.Dimensions)
		return nil, nil
	}
	if why, err := v.addPivotTotals(context.Background(), pv, p, q, "arn", false, run, nil); why != "" || err != nil {
		t.Fatal(why, err)
	}
	v.formatPivotTotals(context.Background(), pv, p, q, x, "arn", run)
	var got []string
	for _, r := range pv.Rows {
		got = append(got, strings.Join(r.Headers, "/")+" "+r.Cells[0].Text+" "+r.Cells[0].Format.Style())
	}
	wantEq(t, "formats", got, []string{"East/A 2 ", "East/B 1 ", "East/Subtotal 3 color: #DE3B00;", "West/A 2 ", "West/Subtotal 2 ",
		"Total/ 5 background-color: #00FF00;"})
	wantEq(t, "notes", x.notes, []string{"A conditional gradient of field n is not applied to the pivot table's totals and subtotals: Sightglass places it by the range of the values only."})
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func equalFormats(a, b [][]CellFormat) bool {
	for i := range a {
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return len(a) == len(b)
}

// A gradient places each row's value between its stops over the range of
// the rows; a stop's DataValue pins it.
func TestConditionalGradient(t *testing.T) {
	red, _ := parseRGB("#FF0000")
	blue, _ := parseRGB("#0000FF")
	stops := []gradientStop{{offset: 0, color: red}, {offset: 100, color: blue}}
	for _, c := range []struct {
		f    float64
		want string
	}{{0, "#ff0000"}, {10, "#0000ff"}, {5, "#800080"}, {-3, "#ff0000"}, {12, "#0000ff"}} {
		if got := gradientAt(stops, c.f, 0, 10).String(); got != c.want {
			t.Errorf("gradient at %v: %s, want %s", c.f, got, c.want)
		}
	}
	two := 2.0
	pinned := []gradientStop{{offset: 0, value: &two, color: red}, {offset: 100, color: blue}}
	if got := gradientAt(pinned, 6, 0, 10).String(); got != "#800080" {
		t.Errorf("pinned gradient at 6: %s", got)
	}
}

// A gauge's arc and primary value take their colors where the condition
// holds; an icon is drawn before the primary value in its color.
func TestConditionalGauge(t *testing.T) {
	vis := visualOf(t, `{"GaugeChartVisual": {"VisualId": "g", "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}},
		"ConditionalFormatting": {"ConditionalFormattingOptions": [
		  {"Arc": {"ForegroundColor": {"Solid": {"Expression": "sum({x}) > 1", "Color": "#00FF00"}}}},
		  {"PrimaryValue": {"TextColor": {"Solid": {"Expression": "sum({x}) > 100", "Color": "#FF0000"}},
		    "Icon": {"CustomCondition": {"Expression": "sum({x}) > 1", "IconOptions": {"UnicodeIcon": "{a|b}"}, "Color": "#0000FF"}}}}]}}}`)
	p, ok := planOf(vis)
	if !ok {
		t.Fatal("no plan")
	}
	x := New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	if len(x.notes) != 0 || len(x.hidden) != 3 {
		t.Fatalf("gauge notes %v hidden %v", x.notes, x.hidden)
	}
	res, hidden := splitHidden(&Result{Columns: make([]query.ResultColumn, 4), Rows: [][]any{{float64(50), int64(1), int64(0), int64(1)}}}, 3)
	opt := chartOption(p, res)
	primary := opt["series"].([]obj)[0]["detail"].(obj)["formatter"]
	x.formatGauge(opt, hidden)
	g := opt["series"].([]obj)[0]
	if c := g["progress"].(obj)["itemStyle"].(obj)["color"]; c != "#00FF00" {
		t.Errorf("arc color %v", c)
	}
	d := g["detail"].(obj)
	if c, set := d["color"]; set {
		t.Errorf("primary value colored %v, its condition is false", c)
	}
	// The icon's braces and bar, ECharts rich-text markup, are not markup.
	if f := d["formatter"]; f != "{cfIcon|(a¦b)} "+primary.(string) {
		t.Errorf("primary value %q, want the icon before %q", f, primary)
	}
	if c := d["rich"].(obj)["cfIcon"].(obj)["color"]; c != "#0000FF" {
		t.Errorf("icon color %v", c)
	}
}

// An icon set places each value in the range of all values drawn: of n
// icons, the largest n-th of the range takes the first.
func TestConditionalIconSet(t *testing.T) {
	vis := visualOf(t, `{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		"GroupBy": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}],
		"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}},
		"ConditionalFormatting": {"ConditionalFormattingOptions": [
		  {"Cell": {"FieldId": "v", "TextFormat": {"Icon": {"IconSet": {"Expression": "sum({x})", "IconSetType": "THREE_COLOR_ARROW"}}}}},
		  {"Cell": {"FieldId": "r", "TextFormat": {"Icon": {"IconSet": {"Expression": "sum({x})", "IconSetType": "NO_SUCH_SET"}}}}}]}}}`)
	p, _ := planOf(vis)
	x := New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	if len(x.hidden) != 1 || x.hidden[0].expr != "sum({x})" || len(x.notes) != 1 || !strings.Contains(x.notes[0], "NO_SUCH_SET") {
		t.Fatalf("hidden %v notes %v", x.hidden, x.notes)
	}
	// 0 to 90: below 30 the lowest third, from 30 the middle, from 60 the top.
	vals := []float64{0, 29, 30, 59, 60, 90}
	want := []string{"↓", "↓", "→", "→", "↑", "↑"}
	var rows [][]any
	for i, f := range vals {
		rows = append(rows, []any{strconv.Itoa(i), f, f})
	}
	rows = append(rows, []any{"null", nil, nil})
	res, hidden := splitHidden(&Result{Columns: make([]query.ResultColumn, 3), Rows: rows}, 1)
	tb := table(p, res)
	x.formatTable(tb, p, hidden)
	for i := range vals {
		f := tb.Rows[i][1].Format
		color := map[string]string{"↑": iconGreen, "→": iconAmber, "↓": iconRed}[want[i]]
		if f.Icon != want[i] || f.IconColor != color {
			t.Errorf("value %v: icon %q %s, want %q %s", vals[i], f.Icon, f.IconColor, want[i], color)
		}
	}
	if f := tb.Rows[len(vals)][1].Format; f.Icon != "" {
		t.Errorf("a null value has icon %q", f.Icon)
	}
	// Two icons split at the middle; all values equal take the first.
	for _, c := range []struct {
		f, lo, hi float64
		want      string
	}{{49, 0, 100, "✗"}, {50, 0, 100, "✓"}, {7, 7, 7, "✓"}} {
		if got := iconOfSet(iconSets["CHECK_X"], c.f, c.lo, c.hi).glyph; got != c.want {
			t.Errorf("CHECK_X %v in [%v, %v]: %s, want %s", c.f, c.lo, c.hi, got, c.want)
		}
	}
}

// A KPI's progress bar takes its conditional color as its fill.
func TestConditionalProgressBar(t *testing.T) {
	vis := visualOf(t, `{"KPIVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}},
		"ConditionalFormatting": {"ConditionalFormattingOptions": [{"ProgressBar": {"ForegroundColor": {"Solid": {"Expression": "sum({x}) > 1", "Color": "#00FF00"}}}}]}}}`)
	p, _ := planOf(vis)
	x := New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	if len(x.notes) != 0 || len(x.hidden) != 1 {
		t.Fatalf("notes %v hidden %v", x.notes, x.hidden)
	}
	res, hidden := splitHidden(&Result{Columns: make([]query.ResultColumn, 2), Rows: [][]any{{float64(5), int64(1)}}}, 1)
	k := kpi(p, res)
	x.formatKPI(k, hidden)
	if s := k.BarStyle(); s != "accent-color: #00FF00;" {
		t.Errorf("progress bar style %q", s)
	}
}

// Unsupported shapes are named, never dropped; colors that are not
// #RGB/#RRGGBB never reach a style attribute.
func TestConditionalNotes(t *testing.T) {
	vis := visualOf(t, `{"KPIVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}},
		"ConditionalFormatting": {"ConditionalFormattingOptions": [{"ProgressBar": {"ForegroundColor": {"Solid": {"Expression": "sum({x}) > 1", "Color": "#00FF00"}}}},
		  {"PrimaryValue": {"Icon": {"IconSet": {"Expression": "sum({x})", "IconSetType": "CHECK_X"}}}}]}}}`)
	p, _ := planOf(vis)
	x := New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	if len(x.notes) != 1 || !strings.Contains(x.notes[0], "icon sets on a single value") || len(x.hidden) != 1 {
		t.Errorf("KPI notes %v hidden %v", x.notes, x.hidden)
	}
	if cssColor("red; background: url(x)") != "" || cssColor("#abc") != "#abc" || cssColor("#12345G") != "" {
		t.Error("cssColor lets a non-color through")
	}
}

var safeStyle = regexp.MustCompile(`^((color|background-color|--cf-icon|accent-color): #[0-9a-fA-F]{3,6};)*$`)

// FuzzVisualExtras reads arbitrary reference lines and conditional
// formatting and applies them to a small result, and places arbitrary
// free-form and section-based layouts: never a panic, every style the
// page receives is colors only, every placement a grid area.
func FuzzVisualExtras(f *testing.F) {
	for _, seed := range []string{
		`{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {"GroupBy": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}}, "ConditionalFormatting": {"ConditionalFormattingOptions": [{"Cell": {"FieldId": "v", "TextFormat": {"BackgroundColor": {"Gradient": {"Expression": "sum({x})", "Color": {"Stops": [{"GradientOffset": 0, "Color": "#fff"}, {"GradientOffset": 100, "DataValue": 5, "Color": "#000000"}]}}}}}}, {"Row": {"TextColor": {"Solid": {"Expression": "sum({x}) > 1", "Color": "#DE3B00"}}}}]}}}`,
		`{"BarChartVisual": {"VisualId": "b", "ChartConfiguration": {"FieldWells": {"BarChartAggregatedFieldWells": {"Category": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "Orientation": "HORIZONTAL", "ReferenceLines": [{"DataConfiguration": {"StaticConfiguration": {"Value": 3}}, "LabelConfiguration": {"CustomLabelConfiguration": {"CustomLabel": "{a}"}}}, {"DataConfiguration": {"DynamicConfiguration": {"Column": {"ColumnName": "x"}, "Calculation": {"PercentileAggregation": {"PercentileValue": 90}}}}}]}}}`,
		`{"KPIVisual": {"VisualId": "k", "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "ConditionalFormatting": {"ConditionalFormattingOptions": [{"ComparisonValue": {"Icon": {"CustomCondition": {"Expression": "sum({x}) < 0", "IconOptions": {"UnicodeIcon": "\"><script>"}, "Color": "red"}}}}, {"ProgressBar": {"ForegroundColor": {"Solid": {"Expression": "1", "Color": "#000"}}}}]}}}`,
		`{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {"GroupBy": [{"CategoricalDimensionField": {"FieldId": "r", "Column": {"DataSetIdentifier": "s", "ColumnName": "r"}}}], "Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}}, "ConditionalFormatting": {"ConditionalFormattingOptions": [{"Cell": {"FieldId": "v", "TextFormat": {"Icon": {"IconSet": {"Expression": "sum({x})", "IconSetType": "FOUR_COLOR_ARROW"}}}}}]}}}`,
		`{"GaugeChartVisual": {"VisualId": "g", "ChartConfiguration": {"FieldWells": {"Values": [{"NumericalMeasureField": {"FieldId": "v", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}], "TargetValues": [{"NumericalMeasureField": {"FieldId": "t", "Column": {"DataSetIdentifier": "s", "ColumnName": "x"}}}]}}, "ConditionalFormatting": {"ConditionalFormattingOptions": [{"PrimaryValue": {"Icon": {"CustomCondition": {"Expression": "sum({x}) > 0", "IconOptions": {"UnicodeIcon": "{a|b}"}, "Color": "#000"}}}}]}}}`,
	} {
		f.Add(seed)
	}
	f.Add(`{"SectionBasedLayout": {"BodySections": [{"Content": {"Layout": {"FreeFormLayout": {"Elements": [{"ElementId": "a", "XAxisLocation": "1e308px", "Width": "-1px"}]}}}}]}}`)
	f.Fuzz(func(t *testing.T, raw string) {
		var lc definition.LayoutConfiguration
		if json.Unmarshal([]byte(raw), &lc) == nil {
			l := &layout{pos: map[string]int{}, styles: map[string]string{}, hidden: map[string]bool{}}
			l.placeOther(&lc)
			for id, s := range l.styles {
				if !regexp.MustCompile(`^grid-column: \d+ / span \d+; grid-row: \d+ / span \d+$`).MatchString(s) {
					t.Fatalf("layout style of %s: %q", id, s)
				}
			}
		}
		var vis definition.Visual
		if json.Unmarshal([]byte(raw), &vis) != nil {
			return
		}
		p, ok := planOf(&vis)
		if !ok {
			return
		}
		x := New(&definition.Definition{}, nil, testNow).extrasOf(&vis, p)
		nd, nm := len(p.dims()), len(p.measures())
		var rows [][]any
		for i := range 3 {
			row := make([]any, nd+nm+len(x.hidden))
			for j := range row {
				row[j] = float64(i*7%5) - 1
			}
			rows = append(rows, row)
		}
		res, hidden := splitHidden(&Result{Columns: make([]query.ResultColumn, nd+nm+len(x.hidden)), Rows: rows}, len(x.hidden))
		var formats []CellFormat
		switch p.kind {
		case definition.KindTable:
			tb := table(p, res)
			x.formatTable(tb, p, hidden)
			for _, r := range tb.Rows {
				for _, c := range r {
					formats = append(formats, c.Format)
				}
			}
		case definition.KindPivot:
			pv := pivot(p, res)
			x.formatPivot(pv, p, hidden)
			for _, r := range pv.Rows {
				for _, c := range r.Cells {
					formats = append(formats, c.Format)
				}
			}
		case definition.KindKPI:
			k := kpi(p, res)
			x.formatKPI(k, hidden)
			formats = append(formats, k.ValueFormat, k.ComparisonFormat)
			if !safeStyle.MatchString(k.BarStyle()) {
				t.Fatalf("unsafe progress bar style %q", k.BarStyle())
			}
		default:
			if p.hist == nil && p.box == nil && p.geo == nil { // their results have other shapes
				opt := chartOption(p, res)
				x.drawRefLines(opt, hidden)
				x.formatGauge(opt, hidden)
				if _, err := json.Marshal(opt); err != nil {
					t.Fatalf("chart option: %v", err)
				}
			}
		}
		for _, c := range formats {
			if !safeStyle.MatchString(c.Style()) {
				t.Fatalf("unsafe style %q", c.Style())
			}
		}
	})
}

var testNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
