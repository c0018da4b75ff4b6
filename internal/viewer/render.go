package viewer

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"strconv"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Result is the answer to a question: its columns (in question order:
// dimensions, then measures) and rows.
type Result struct {
	Columns []query.ResultColumn
	Rows    [][]any
}

// Runner answers a question over the dataset with this ARN.
type Runner func(ctx context.Context, dataSetARN string, q *query.Question) (*Result, error)

// Tile kinds.
const (
	TileChart       = "chart"
	TileTable       = "table"
	TilePivot       = "pivot"
	TileKPI         = "kpi"
	TileContent     = "content" // custom content: an image or a frame
	TileWords       = "words"   // a word cloud
	TileText        = "text"
	TileInsight     = "insight" // an insight's narrative
	TileUnsupported = "unsupported"
	TileEmpty       = "empty"
	TileError       = "error"
)

// Tile is one cell of a sheet's grid: a visual or a text box.
type Tile struct {
	ID       string
	Title    string
	Subtitle string
	// TitleHTML and SubtitleHTML are a rich-text title's and subtitle's
	// lines (escaped text and checked tags), when they have rich text:
	// Title and Subtitle are then their plain text.
	TitleHTML    template.HTML
	SubtitleHTML template.HTML
	Kind         string // Tile*
	VisualKind   string // the definition's member name, for visuals
	KindLabel    string
	Style        string // CSS grid placement
	Chart        string // ECharts option JSON, for TileChart
	Table        *Table
	Pivot        *Pivot
	KPI          *KPI
	Content      *Content
	Words        *Words
	Insight      *Insight
	Text         string // text box content (plain text)
	// TextHTML is a text box's lines (escaped text and checked tags),
	// when its markup is read (richtitle.go); Text is their plain text.
	TextHTML template.HTML
	// Panels are a chart's small multiples (multiples.go): drawn in place
	// of Chart.
	Panels []Panel
	// SheetImage marks a sheet's image (not a visual): Content, or a
	// Message saying why it is not shown.
	SheetImage bool
	Message    string // empty, error and unsupported tiles; a map's note of what it could not place
	// Notes name the formatting of a drawn visual that is not shown
	// (reference lines, conditional formatting; extras.go).
	Notes []string
}

// Sheet is a sheet ready to render.
type Sheet struct {
	ID       string
	Name     string
	Tiles    []*Tile
	Controls []*Control
	Theme    *Theme   // nil: the console's own look
	Notes    []string // what of the sheet's layout is not applied
}

// DefaultParallel bounds the visuals of a sheet computed at once.
const DefaultParallel = 4

// RenderSheet computes a sheet (sheetID "" is the first): its controls and
// every visual, at most parallel at a time (0: DefaultParallel). A
// visual's failure becomes an error tile, never an error of the sheet.
func (v *View) RenderSheet(ctx context.Context, sheetID string, run Runner, parallel int) *Sheet {
	return v.render(ctx, sheetID, nil, run, parallel)
}

// RenderVisuals computes only the named visuals of a sheet (those a
// control change affects): a Sheet with their tiles and no controls or
// text boxes. Unknown ids are skipped.
func (v *View) RenderVisuals(ctx context.Context, sheetID string, visualIDs []string, run Runner, parallel int) *Sheet {
	if visualIDs == nil {
		visualIDs = []string{}
	}
	return v.render(ctx, sheetID, visualIDs, run, parallel)
}

// render computes a sheet, or with only (not nil) just those visuals.
func (v *View) render(ctx context.Context, sheetID string, only []string, run Runner, parallel int) *Sheet {
	p := v.start(ctx, sheetID, only, run, parallel)
	if p == nil {
		return nil
	}
	return p.Wait()
}

// computeTile asks a visual's question and fills its tile.
func (v *View) computeTile(ctx context.Context, t *Tile, vis *definition.Visual, sheetID string, run Runner) {
	if vis.Kind == "InsightVisual" {
		v.insightTile(ctx, t, vis, sheetID, run)
		return
	}
	if vis.LayerMapVisual != nil {
		v.layerMapTile(ctx, t, vis, sheetID, run)
		return
	}
	if vis.PluginVisual != nil {
		v.highchartsTile(ctx, t, vis, sheetID, run)
		return
	}
	if vis.TableVisual != nil && unaggregated(vis) {
		v.unaggTable(ctx, t, vis, sheetID, run)
		return
	}
	p, ok := planOf(vis)
	if !ok {
		t.Kind, t.Message = TileEmpty, "This visual has no fields yet."
		if unaggregated(vis) {
			t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" visuals with unaggregated field wells are not yet supported by Sightglass."
		}
		return
	}
	if len(p.unsupported) > 0 {
		t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+strings.Join(p.unsupported, ", ")+"."
		return
	}
	v.labelAggregatedFields(p)
	applyCustomLabels(vis, p) // after: a custom label beats an aggregated field's name
	if why := v.otherRefusal(p); why != "" {
		t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+why+"."
		return
	}
	arn, ok := v.def.DataSetARN(p.dataSet)
	if !ok {
		t.Kind, t.Message = TileError, "The visual's dataset "+strconv.Quote(p.dataSet)+" is not declared."
		return
	}
	if p.geo != nil {
		if why := v.placeMap(ctx, p, arn); why != "" {
			t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" cannot be drawn: "+why+"."
			return
		}
	}
	if p.hist != nil {
		some, err := v.binRange(ctx, p, sheetID, vis.VisualID, arn, run)
		if err != nil {
			t.Kind, t.Message = tileOfError(err)
			return
		}
		if !some {
			t.Kind, t.Message = TileEmpty, "No data for the current filters and parameters."
			return
		}
	}
	q, err := v.question(p, sheetID, vis.VisualID)
	if err != nil {
		t.Kind, t.Message = TileUnsupported, err.Error()
		return
	}
	ask := run
	if len(p.asked) > 0 {
		if why := askedRefusal(q); why != "" {
			t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+why+"."
			return
		}
		ask = askedRunner(p, run)
	}
	x := v.extrasOf(vis, p)
	defer func() { t.Notes = x.notesFor(t.Kind) }()
	if len(p.multiples) > 0 && (len(x.refs) > 0 || len(x.conds) > 0) {
		t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" options not yet supported by Sightglass: small multiples with reference lines or conditional formatting."
		return
	}
	means := p.cellMeans(q)
	asked := withCellParts(q, p, means)
	res, err := ask(ctx, arn, withHidden(asked, x.hidden))
	if err != nil && len(x.hidden) > 0 && ctx.Err() == nil && !errors.Is(err, errAskedCut) {
		// The visual without what failed: drawn, and saying so. Each
		// hidden measure is tried alone first, so that only those that
		// fail are left out (hiddenisolate.go).
		if !x.isolateHidden(ctx, ask, arn, asked) {
			x.failed(err)
		}
		res, err = ask(ctx, arn, withHidden(asked, x.hidden))
		if err != nil && len(x.hidden) > 0 && ctx.Err() == nil && !errors.Is(err, errAskedCut) {
			x.failed(err) // those left fail together
			res, err = ask(ctx, arn, asked)
		}
	}
	if errors.Is(err, errAskedCut) {
		t.Kind, t.Message = TileUnsupported, "This chart has more than "+strconv.Itoa(chartLimit)+" rows for its items limit, more than Sightglass draws; filter it to fewer."
		return
	}
	if err != nil {
		t.Kind, t.Message = TileError, "This visual could not be computed: "+errorText(err)
		return
	}
	res, hidden := splitHidden(res, len(x.hidden))
	res, parts := cellParts(res, p, means)
	if len(res.Rows) == 0 {
		t.Kind, t.Message = TileEmpty, "No data for the current filters and parameters."
		return
	}
	if len(p.multiples) > 0 {
		v.multiplesTile(t, vis, p, res)
		return
	}
	if p.allColors && len(res.Rows) > chartLimit {
		t.Kind, t.Message = TileUnsupported, "This chart has more than "+strconv.Itoa(chartLimit)+" rows, more than Sightglass draws, and its ColorItemsLimit asks for every color; filter it to fewer."
		return
	}
	if p.rankCat != nil || p.colorLimit > 0 {
		if len(res.Rows) > chartLimit {
			t.Kind, t.Message = TileUnsupported, "This chart has more than "+strconv.Itoa(chartLimit)+" rows to rank for its items limit, more than Sightglass draws; filter it to fewer."
			return
		}
		ok := true
		if p.rankCat != nil { // over every color of each category
			res, ok = rankCategories(res, p)
		}
		if ok && p.colorLimit > 0 {
			res, ok = limitColors(res, p)
		}
		if !ok {
			t.Kind, t.Message = TileError, "This visual could not be computed: the answer lacks the measure its items limit ranks by."
			return
		}
	}
	if p.catLimit > 0 {
		res = firstCategories(res, p.catLimit)
	}
	if p.otherLimit > 0 {
		if len(res.Rows) > chartLimit {
			t.Kind, t.Message = TileUnsupported, "This chart has more than "+strconv.Itoa(chartLimit)+" rows to gather into \"Other\", more than Sightglass draws; filter it to fewer."
			return
		}
		res = foldOther(res, p.otherLimit, len(p.colors))
	}
	if p.maxRows > 0 && len(res.Rows) > p.maxRows {
		t.Kind, t.Message = TileUnsupported, "This "+strings.ToLower(kindLabel(vis.Kind))+" has more than "+strconv.Itoa(p.maxRows)+" items, more than Sightglass draws; filter it to fewer."
		return
	}
	if p.box != nil {
		if why, err := v.boxQuestions(ctx, p, res, sheetID, vis.VisualID, arn, run); err != nil || why != "" {
			t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+why+"."
			if err != nil {
				t.Kind, t.Message = tileOfError(err)
			}
			return
		}
		v.boxRefValues(ctx, p, x, sheetID, vis.VisualID, arn, run)
	}
	switch p.kind {
	case definition.KindTable:
		t.Kind, t.Table = TileTable, table(p, res)
		x.formatTable(t.Table, p, hidden)
		if p.totals != nil {
			row, why, err := v.totalRow(ctx, p, q, arn, res, run)
			switch {
			case err != nil:
				t.Kind, t.Table, t.Message = TileError, nil, "This visual's totals could not be computed: "+errorText(err)
			case why != "":
				t.Kind, t.Table, t.Message = TileUnsupported, nil, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+why+"."
			default:
				t.Table.Totals, t.Table.TotalsFirst = totalCells(p, row), p.totals.first
			}
		}
		if t.Table != nil {
			tableLayoutOf(vis).arrange(t.Table, fieldIDs(append(p.dims(), p.measures()...)))
			p.tableStyle.apply(t.Table)
		}
	case definition.KindPivot:
		if why, err := v.pivotOrderValues(ctx, p, q, arn, run); err != nil || why != "" {
			t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+why+"."
			if err != nil {
				t.Kind, t.Message = TileError, "This visual's sort could not be computed: "+errorText(err)
			}
			return
		}
		t.Kind, t.Pivot = TilePivot, pivot(p, res)
		if len(res.Rows) >= p.limit {
			x.notes = append(x.notes, "This pivot table has more cells than Sightglass draws: the first "+formatNumber(float64(p.limit))+" (in the order of its row fields, then its column fields) are drawn.")
		}
		x.formatPivot(t.Pivot, p, hidden)
		if p.pivotTotals != nil {
			why, err := v.addPivotTotals(ctx, t.Pivot, p, q, arn, len(res.Rows) >= p.limit, run, parts)
			switch {
			case err != nil:
				t.Kind, t.Pivot, t.Message = TileError, nil, "This visual's totals could not be computed: "+errorText(err)
			case why != "":
				t.Kind, t.Pivot, t.Message = TileUnsupported, nil, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+why+"."
			default:
				v.formatPivotTotals(ctx, t.Pivot, p, q, x, arn, run)
			}
		}
		if t.Pivot != nil {
			x.notes = append(x.notes, p.pivotStyle.apply(t.Pivot)...)
		}
	case definition.KindKPI:
		t.Kind, t.KPI = TileKPI, kpi(p, res)
		x.formatKPI(t.KPI, hidden)
		if p.sparklineShown() {
			sl, why, err := v.sparkline(ctx, p, q, arn, run)
			switch {
			case err != nil:
				t.Kind, t.KPI, t.Message = TileError, nil, "This visual's sparkline could not be computed: "+errorText(err)
			case why != "":
				t.Kind, t.KPI, t.Message = TileUnsupported, nil, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+why+"."
			default:
				t.KPI.Trend = sl
			}
		}
	case definition.KindWordCloud:
		t.Kind, t.Words = TileWords, wordCloud(p, res)
	default:
		var opt obj
		if p.geo != nil {
			var why string
			if opt, t.Message, why = mapOption(p, res); why != "" {
				t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" cannot be drawn: "+why+"."
				return
			}
		} else if p.hist != nil {
			lows, counts, err := histogramBins(p, res)
			if err != nil {
				t.Kind, t.Message = TileUnsupported, err.Error()
				return
			}
			if len(lows) == 0 {
				t.Kind, t.Message = TileEmpty, "No data for the current filters and parameters."
				return
			}
			opt = histogramOption(p, lows, counts)
		} else {
			if why, err := v.heatOrderValues(ctx, p, q, arn, run); err != nil || why != "" {
				t.Kind, t.Message = TileUnsupported, kindLabel(vis.Kind)+" options not yet supported by Sightglass: "+why+"."
				if err != nil {
					t.Kind, t.Message = TileError, "This visual's sort could not be computed: "+errorText(err)
				}
				return
			}
			opt = chartOption(p, res)
		}
		v.applyTheme(opt)
		applyFormat(opt, vis)
		x.drawRefLines(opt, hidden)
		applyAxisScales(opt, vis)
		applyMissingData(opt, vis)
		x.formatGauge(opt, hidden)
		x.formatShapes(opt, hidden)
		b, err := json.Marshal(opt)
		if err != nil {
			t.Kind, t.Message = TileError, "This visual could not be drawn."
			return
		}
		t.Kind, t.Chart = TileChart, string(b)
	}
}

// tileOfError is the tile of an error before the visual's question: an
// unsupported filter names itself, others could not be computed.
func tileOfError(err error) (string, string) {
	var uf *UnsupportedFilterError
	if errors.As(err, &uf) {
		return TileUnsupported, err.Error()
	}
	return TileError, "This visual could not be computed: " + errorText(err)
}

// errorText is what a tile says of an error: its domain message.
func errorText(err error) string { return sg.ErrorMessage(err) }

// layout places tiles on the sheet's grid.
type layout struct {
	pos    map[string]int // element id → order in the layout
	styles map[string]string
	hidden map[string]bool // elements a free-form layout hides
	ruled  int             // elements with rendering rules (not applied)
}

func placements(s *definition.SheetDefinition) *layout {
	l := &layout{pos: map[string]int{}, styles: map[string]string{}, hidden: map[string]bool{}}
	for _, lay := range s.Layouts {
		if lay.Configuration != nil && l.placeOther(lay.Configuration) { // layout_freeform.go
			break
		}
		if lay.Configuration == nil || lay.Configuration.GridLayout == nil {
			continue
		}
		for i, e := range lay.Configuration.GridLayout.Elements {
			cs, rs := span(e.ColumnSpan, 18, 36), span(e.RowSpan, 12, 100)
			col := "grid-column: span " + strconv.Itoa(cs)
			if e.ColumnIndex != nil && *e.ColumnIndex >= 0 && int(*e.ColumnIndex)+cs <= 36 {
				col = "grid-column: " + strconv.Itoa(int(*e.ColumnIndex)+1) + " / span " + strconv.Itoa(cs)
			}
			row := "grid-row: span " + strconv.Itoa(rs)
			if e.RowIndex != nil && *e.RowIndex >= 0 {
				row = "grid-row: " + strconv.Itoa(int(*e.RowIndex)+1) + " / span " + strconv.Itoa(rs)
			}
			l.pos[e.ElementId] = i
			l.styles[e.ElementId] = col + "; " + row
		}
		break
	}
	return l
}

func span(v *int32, def, maxV int) int {
	if v == nil || *v < 1 {
		return def
	}
	return min(int(*v), maxV)
}

func (l *layout) style(id string) string {
	if s, ok := l.styles[id]; ok {
		return s
	}
	return "grid-column: span 18; grid-row: span 12"
}

// order sorts tiles by their place in the layout; tiles without one
// follow in definition order.
func (l *layout) order(tiles []*Tile) {
	rank := func(t *Tile) int {
		if p, ok := l.pos[t.ID]; ok {
			return p
		}
		return 1 << 20
	}
	// Insertion sort keeps the definition order of equal ranks.
	for i := 1; i < len(tiles); i++ {
		for j := i; j > 0 && rank(tiles[j]) < rank(tiles[j-1]); j-- {
			tiles[j], tiles[j-1] = tiles[j-1], tiles[j]
		}
	}
}

// unaggregated reports whether a table or scatter plot uses its
// unaggregated field wells, which Sightglass does not render yet.
func unaggregated(vis *definition.Visual) bool {
	switch {
	case vis.TableVisual != nil:
		c := vis.TableVisual.ChartConfiguration
		return c != nil && c.FieldWells != nil && c.FieldWells.TableAggregatedFieldWells == nil && c.FieldWells.TableUnaggregatedFieldWells != nil
	case vis.ScatterPlotVisual != nil:
		c := vis.ScatterPlotVisual.ChartConfiguration
		return c != nil && c.FieldWells != nil && c.FieldWells.ScatterPlotCategoricallyAggregatedFieldWells == nil && c.FieldWells.ScatterPlotUnaggregatedFieldWells != nil
	}
	return false
}
