package viewer

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/highcharts"
	"github.com/sightglass/sightglass/internal/query"
)

// Bounds of a Highcharts visual: QuickSight gives its chart code at most
// 10,000 rows of the answer (the visual's data point limit).
const (
	highchartsRows    = 10_000
	highchartsMaxJSON = 8 << 20 // the drawn option sent to the browser
)

// echartsPalette is the palette the console draws charts in when the
// content has no theme (ECharts' own), which getColorTheme then returns.
var echartsPalette = []string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"}

// consoleUI are the console's own colors by the theme's UI palette names,
// which getPaletteColor returns when the content has no theme.
var consoleUI = map[string]string{
	"PrimaryBackground": "#ffffff", "PrimaryForeground": "#1d2330",
	"SecondaryBackground": "#f7f8fa", "SecondaryForeground": "#5d6677",
	"Accent": "#2f6fed", "AccentForeground": "#ffffff", "Danger": "#b3261e", "DangerForeground": "#ffffff",
	"Warning": "#ff9900", "WarningForeground": "#1d2330", "Success": "#1d8102", "SuccessForeground": "#ffffff",
	"Dimension": "#2a9d8f", "DimensionForeground": "#ffffff", "Measure": "#e76f51", "MeasureForeground": "#ffffff",
}

// highchartsTile draws a Highcharts visual: the answer to its field wells
// (GROUP_BY fields, then VALUE fields, under the visual's filters, sorted
// and cut as its data point limit says) goes through its chart code,
// whose expressions are evaluated here and whose Highcharts options are
// drawn as an ECharts option. What the chart code asks that Sightglass
// does not draw refuses the tile by name; options it reads past are named
// in the tile's notes.
func (v *View) highchartsTile(ctx context.Context, t *Tile, vis *definition.Visual, sheetID string, run Runner) {
	pv := vis.PluginVisual
	code, _ := pv.ChartConfiguration.Property("codeEditor")
	if strings.TrimSpace(code) == "" {
		t.Kind, t.Message = TileEmpty, "This Highcharts visual has no chart code yet."
		return
	}
	p, why := planHighcharts(vis)
	if why != "" {
		t.Kind, t.Message = TileUnsupported, "Highcharts visual cannot be drawn: "+why+"."
		return
	}
	data := &highcharts.Data{Palette: echartsPalette, UIColors: paletteNames(consoleUI)}
	if th := v.theme; th != nil {
		if len(th.Colors) > 0 {
			data.Palette = th.Colors
		}
		if len(th.UI) > 0 {
			data.UIColors = paletteNames(th.UI)
		}
	}
	if len(p.dims())+len(p.measures()) > 0 {
		res, kind, msg := v.highchartsAnswer(ctx, p, vis, sheetID, run)
		if msg != "" {
			t.Kind, t.Message = kind, msg
			return
		}
		fillHighchartsData(data, p, res)
	}
	ch, err := highcharts.Draw(ctx, []byte(code), data)
	var refusal *highcharts.Refusal
	switch {
	case errors.As(err, &refusal):
		t.Kind, t.Message = TileUnsupported, "Highcharts visual cannot be drawn: "+refusal.Why+"."
		return
	case err != nil:
		t.Kind, t.Message = TileError, "This Highcharts visual's chart code cannot be drawn: "+err.Error()+"."
		return
	}
	own := ch.Option["color"] // the chart code's colors, else the theme's
	v.applyTheme(ch.Option)   // the theme's font and text color
	if own != nil {
		ch.Option["color"] = own
	}
	b, err := json.Marshal(ch.Option)
	switch {
	case err != nil:
		t.Kind, t.Message = TileError, "This Highcharts visual could not be drawn."
		return
	case len(b) > highchartsMaxJSON:
		t.Kind, t.Message = TileUnsupported, "Highcharts visual cannot be drawn: its drawn chart takes more than "+strconv.Itoa(highchartsMaxJSON>>20)+" MiB, more than Sightglass sends to a browser."
		return
	}
	t.Kind, t.Chart = TileChart, string(b)
	t.Notes = append(t.Notes, ch.Notes...)
	if len(ch.NotDrawn) > 0 {
		t.Notes = append(t.Notes, "Highcharts options not drawn by Sightglass: "+highcharts.Summary(ch.NotDrawn, 8)+".")
	}
}

// planHighcharts reads a Highcharts visual's field wells: GROUP_BY
// dimensions and VALUE measures (a count of records when the group-by
// fields have no value), sorted by its row sort and cut at its items
// limit (10,000 at most, QuickSight's bound).
func planHighcharts(vis *definition.Visual) (*plan, string) {
	c := vis.PluginVisual.ChartConfiguration
	p := &plan{kind: definition.KindPlugin, limit: highchartsRows}
	if c == nil {
		return p, ""
	}
	for _, w := range c.FieldWells {
		if len(w.Unaggregated) > 0 {
			return nil, "unaggregated fields in its field wells are not yet supported"
		}
		switch w.AxisName {
		case "GROUP_BY":
			if len(w.Measures) > 0 {
				return nil, "GROUP_BY holds a measure"
			}
			ds := dims(w.Dimensions)
			if len(ds) != len(w.Dimensions) {
				return nil, "a field of GROUP_BY has no column" // the chart code's column indexes would shift
			}
			p.category = append(p.category, ds...)
		case "VALUE":
			if len(w.Dimensions) > 0 {
				return nil, "VALUE holds a dimension"
			}
			before := len(p.values)
			p.addMeasures(w.Measures, &p.values)
			if len(p.values)-before != len(w.Measures) {
				return nil, "a field of VALUE has no column"
			}
		default:
			return nil, "the field well " + strconv.Quote(w.AxisName) + " is not one Sightglass knows"
		}
	}
	for _, f := range append(p.dims(), p.measures()...) {
		if f.dataSet != "" {
			p.dataSet = f.dataSet
			break
		}
	}
	if s := c.SortConfiguration; s != nil && s.PluginVisualTableQuerySort != nil {
		q := s.PluginVisualTableQuerySort
		p.sorts(q.RowSort)
		if p.sortLost {
			return nil, "its row sort names a field it does not show"
		}
		if l := q.ItemsLimitConfiguration; l != nil && l.ItemsLimit != nil && *l.ItemsLimit > 0 && *l.ItemsLimit < highchartsRows {
			p.limit = int(*l.ItemsLimit)
		}
	}
	return p, ""
}

// highchartsAnswer asks a Highcharts visual's question; a message says
// why it could not be asked or answered.
func (v *View) highchartsAnswer(ctx context.Context, p *plan, vis *definition.Visual, sheetID string, run Runner) (*Result, string, string) {
	counted := len(p.values) == 0
	if counted {
		p.countRecords() // asked for, not given to the chart code
	}
	arn, ok := v.def.DataSetARN(p.dataSet)
	if !ok {
		return nil, TileError, "The visual's dataset " + strconv.Quote(p.dataSet) + " is not declared."
	}
	if fs := fieldFormats(vis.Raw); len(fs) > 0 {
		for i := range p.values {
			p.values[i].format = fs[p.values[i].id]
		}
	}
	q, err := v.question(p, sheetID, vis.VisualID)
	if err != nil {
		return nil, TileUnsupported, err.Error()
	}
	res, err := run(ctx, arn, q)
	if err != nil {
		kind, msg := tileOfError(err)
		if kind == TileError {
			msg = "This visual could not be computed: " + errorText(err)
		}
		return nil, kind, msg
	}
	if counted {
		for i, row := range res.Rows {
			res.Rows[i] = row[:len(row)-1]
		}
		res.Columns = res.Columns[:len(res.Columns)-1]
		p.values = nil
	}
	return res, "", ""
}

// fillHighchartsData gives the chart code the answer by column: numbers
// as numbers, dates as the field writes them, text as text.
func fillHighchartsData(d *highcharts.Data, p *plan, res *Result) {
	fields := append(p.dims(), p.measures()...)
	d.GroupBy = len(p.dims())
	d.Columns = make([][]any, len(fields))
	d.NumberFormats = make([]any, len(fields))
	for i, f := range fields {
		d.Names = append(d.Names, columnName(f))
		col := make([]any, len(res.Rows))
		for r, row := range res.Rows {
			col[r] = highchartsValue(row[i], res.Columns[i], f)
		}
		d.Columns[i] = col
		if f.format != nil {
			d.NumberFormats[i] = f.format
		}
	}
	d.Format = func(i int, v any) string {
		if i >= len(fields) {
			return ""
		}
		f := fields[i]
		if x, ok := v.(float64); ok && f.measure != nil {
			return f.numberText(x)
		}
		if x, ok := v.(float64); ok {
			return formatNumber(x)
		}
		if v == nil {
			return f.nullOr("")
		}
		if s, ok := v.(string); ok {
			return s
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
}

// highchartsValue is one cell as the chart code reads it.
func highchartsValue(v any, col query.ResultColumn, f field) any {
	if v == nil {
		return nil
	}
	switch col.Type {
	case "INTEGER", "DECIMAL":
		if x, ok := number(v); ok {
			return x
		}
	case "BOOLEAN":
		if b, ok := v.(bool); ok {
			return b
		}
	}
	if f.measure != nil {
		if x, ok := number(v); ok {
			return x
		}
	}
	return fieldText(v, col, f)
}

// columnName is a field's name as getColumnName gives it: its column's
// name (a calculated measure's field id).
func columnName(f field) string {
	switch {
	case f.dim != nil:
		return f.dim.Field
	case f.measure != nil:
		return f.measure.Field
	}
	return f.label
}

// paletteNames gives the theme's UI colors the names getPaletteColor
// takes ("secondaryBackground" for SecondaryBackground).
func paletteNames(ui map[string]string) map[string]string {
	out := make(map[string]string, len(ui))
	for k, c := range ui {
		if k == "" {
			continue
		}
		r := []rune(k)
		r[0] = unicode.ToLower(r[0])
		out[string(r)] = c
	}
	return out
}
