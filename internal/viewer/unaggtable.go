package viewer

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// unaggLimit is the most rows an unaggregated table draws; a table with
// more says how many it shows of how many.
const unaggLimit = 10000

// An unaggregated table (TableUnaggregatedFieldWells) draws the dataset's
// rows as they are. Its question groups by every shown column and counts
// the rows of each group; each group is then drawn as many times as it
// has rows, so that equal rows stay separate rows, in the row sort, up to
// unaggLimit. Only the shown page is expanded: at most unaggLimit groups
// are asked for, and one more question over all rows, with the same
// filters, counts them and computes the totals.

// unaggTable fills the tile of an unaggregated table.
func (v *View) unaggTable(ctx context.Context, t *Tile, vis *definition.Visual, sheetID string, run Runner) {
	c := vis.TableVisual.ChartConfiguration
	p := &plan{kind: definition.KindTable, limit: unaggLimit}
	for _, u := range c.FieldWells.TableUnaggregatedFieldWells.Values {
		if f, ok := unaggField(u); ok {
			p.category = append(p.category, f)
		}
	}
	if len(p.category) == 0 {
		t.Kind, t.Message = TileEmpty, "This visual has no fields yet."
		return
	}
	p.dataSet = p.category[0].dataSet
	if s := c.SortConfiguration; s != nil {
		p.sorts(s.RowSort)
	}
	p.countRecords()
	applyCustomLabels(vis, p)
	opts, refused := readTotalOptions(c.TotalOptions)
	if refused != "" {
		t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+refused+"."
		return
	}
	if v.unaggAggregates(ctx, t, p, opts != nil, sheetID, vis.VisualID, run) {
		return
	}
	arn, ok := v.def.DataSetARN(p.dataSet)
	if !ok {
		t.Kind, t.Message = TileError, "The visual's dataset "+strconv.Quote(p.dataSet)+" is not declared."
		return
	}
	q, err := v.question(p, sheetID, vis.VisualID)
	if err != nil {
		t.Kind, t.Message = TileUnsupported, err.Error()
		return
	}
	res, err := run(ctx, arn, q)
	if err != nil {
		t.Kind, t.Message = TileError, "This visual could not be computed: "+errorText(err)
		return
	}
	if len(res.Rows) == 0 {
		t.Kind, t.Message = TileEmpty, "No data for the current filters and parameters."
		return
	}
	if n := len(p.category) + 1; len(res.Columns) != n || len(res.Rows[0]) != n {
		t.Kind, t.Message = TileError, "This visual could not be computed: the answer has "+strconv.Itoa(len(res.Columns))+" columns, not "+strconv.Itoa(n)+"."
		return
	}
	tb, shown, all := expandRows(p, res)
	totals := unaggTotalsOf(opts, p.category, res.Columns)
	if !all || totals != nil {
		tq := *q
		tq.Dimensions, tq.Sort, tq.Limit = nil, nil, 0
		tq.Measures = append([]query.Measure{*p.values[0].measure}, totals.measures()...)
		tres, err := run(ctx, arn, &tq)
		if err != nil {
			t.Kind, t.Message = TileError, "This visual could not be computed: "+errorText(err)
			return
		}
		if len(tres.Rows) == 1 && len(tres.Rows[0]) == len(tq.Measures) && len(tres.Columns) == len(tq.Measures) {
			row := tres.Rows[0]
			if n, ok := number(row[0]); ok && int(n) > shown {
				tb.Truncated = true
				tb.Note = "Showing the first " + formatNumber(float64(shown)) + " of " + formatNumber(n) + " rows."
			}
			if totals != nil {
				tb.Totals, tb.TotalsFirst = totals.cells(row[1:], tres.Columns[1:]), totals.first
			}
		}
	}
	tableLayoutOf(vis).arrange(tb, fieldIDs(p.category))
	t.Kind, t.Table = TileTable, tb
}

// unaggField converts an UnaggregatedField: a column drawn as it is, with
// its number or date format.
func unaggField(u definition.UnaggregatedField) (field, bool) {
	col := u.Column
	if col == nil || col.ColumnName == "" {
		return field{}, false
	}
	id := u.FieldId
	if id == "" {
		id = col.ColumnName
	}
	f := field{id: id, label: col.ColumnName, dataSet: col.DataSetIdentifier,
		dim: &query.Dimension{ID: id, Field: col.ColumnName}}
	var fc struct {
		NumberFormatConfiguration   map[string]any
		DateTimeFormatConfiguration json.RawMessage
	}
	if len(u.FormatConfiguration) > 0 && json.Unmarshal(u.FormatConfiguration, &fc) == nil {
		if fc.NumberFormatConfiguration != nil {
			f.format = numberFormatOf(fc.NumberFormatConfiguration)
		}
		f.dateFormat = dateFormatOf(fc.DateTimeFormatConfiguration)
	}
	return f, true
}

// expandRows draws each group of res (the shown columns, then the count
// of its rows) as many rows as it counts, up to unaggLimit. all reports
// whether every row of the dataset is drawn.
func expandRows(p *plan, res *Result) (tb *Table, shown int, all bool) {
	fields := p.category
	tb = &Table{}
	for _, f := range fields {
		tb.Headers = append(tb.Headers, Cell{Text: f.label, Numeric: numericColumn(res.Columns, f.id)})
	}
	n := len(fields)
	for _, row := range res.Rows {
		if len(row) <= n {
			continue
		}
		cells := make([]Cell, n)
		for i, f := range fields {
			cells[i] = Cell{Text: unaggText(row[i], res.Columns[i], f), Numeric: tb.Headers[i].Numeric}
			if x, ok := number(row[i]); ok && f.format != nil {
				cells[i].Text = f.format.format(x)
			} else if row[i] == nil {
				cells[i].Text = f.format.null(cells[i].Text)
			}
		}
		count, _ := number(row[n])
		for k := 0; k < int(count) && len(tb.Rows) < unaggLimit; k++ {
			tb.Rows = append(tb.Rows, cells)
		}
		if len(tb.Rows) >= unaggLimit {
			break
		}
	}
	return tb, len(tb.Rows), len(res.Rows) < unaggLimit && len(tb.Rows) < unaggLimit
}

func numericColumn(cols []query.ResultColumn, id string) bool {
	for _, c := range cols {
		if c.ID == id {
			return c.Type == "INTEGER" || c.Type == "DECIMAL"
		}
	}
	return false
}

// unaggText writes a cell of an unaggregated table: as any field's, but a
// date with a time of day, and no format of its own, shows its time.
func unaggText(v any, col query.ResultColumn, f field) string {
	if t, ok := asTime(v); ok && f.dateFormat == "" && col.Type == "DATETIME" && !t.Equal(t.Truncate(24*time.Hour)) {
		return t.Format("2006-01-02 15:04:05")
	}
	return fieldText(v, col, f)
}
