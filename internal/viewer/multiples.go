package viewer

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
)

// Small multiples: a bar, line or pie chart with a SmallMultiples field is
// drawn once per value of that field, each panel over that value's rows
// with the chart's own options, side by side in the tile. The question
// groups by the field too (its last dimension); the answer is split into
// panels, each drawn as the chart alone would be. Panels come in the
// field's ascending order (descending when SmallMultiplesSort sorts the
// field so), at most SmallMultiplesLimitConfiguration's ItemsLimit of them
// (maxPanels without one; more is refused by name). The value axes of bar
// and line panels share one scale unless SmallMultiplesOptions' YAxis
// asks INDEPENDENT. A category limit applies within each panel; a limit
// gathered into "Other", ranked by colors, reference lines and
// conditional formatting are refused with small multiples.

// maxPanels is the most panels a tile draws.
const maxPanels = 36

// panelOptions is how a chart's small multiples are laid out.
type panelOptions struct {
	limit       int  // the most panels, maxPanels if not set
	limited     bool // the limit is the definition's: more panels are left out
	descending  bool
	independent bool // each panel's value axis its own scale
}

// Panel is one small multiple of a chart tile: its field's value and its
// ECharts option.
type Panel struct {
	Title string
	Chart string
}

// smallMultiples reads a chart's SmallMultiples field and its options.
func (p *plan) smallMultiples(f []definition.DimensionField, limit *definition.ItemsLimitConfiguration, sorts []definition.FieldSortOptions, options json.RawMessage) {
	if len(f) == 0 {
		return
	}
	ms := dims(f[:1])
	if len(ms) == 0 {
		name := f[0].Field().FieldID
		if c := f[0].Field().Column; c != nil {
			name = c.ColumnName
		}
		p.refuse("small multiples of the field " + strconv.Quote(name) + ", which names no column")
		return
	}
	p.multiples = ms
	p.panels.limit = maxPanels
	if limit != nil && limit.ItemsLimit != nil && *limit.ItemsLimit > 0 && *limit.ItemsLimit < maxPanels {
		p.panels.limit, p.panels.limited = int(*limit.ItemsLimit), true
	}
	for _, s := range sorts {
		if s.FieldSort != nil && s.FieldSort.FieldId == ms[0].id {
			p.panels.descending = s.FieldSort.Direction == "DESC"
		} else if s.FieldSort != nil || s.ColumnSort != nil {
			p.refuse("small multiples sorted by another field than their own")
		}
	}
	var o struct {
		YAxis *struct{ Scale string }
	}
	if json.Unmarshal(options, &o) == nil && o.YAxis != nil {
		p.panels.independent = o.YAxis.Scale == "INDEPENDENT"
	}
}

// finishMultiples turns a chart's row limit into a limit of each panel's
// categories and lets the question answer every panel; options small
// multiples are not drawn with are refused by name.
func (p *plan) finishMultiples() {
	if len(p.multiples) == 0 {
		return
	}
	if len(p.asked) > 0 || p.otherLimit > 0 || p.rankCat != nil || p.colorLimit > 0 {
		p.refuse("small multiples with an items limit that ranks or gathers \"Other\"")
	}
	if p.limit > 0 && p.limit < chartLimit {
		p.catLimit = p.limit // without colors, the first categories of each panel
	}
	p.limit, p.maxRows = maxPanels*chartLimit+1, 0
}

// multiplesTile draws a chart with small multiples from its answer: the
// panels in the tile, or a tile that says why not.
func (v *View) multiplesTile(t *Tile, vis *definition.Visual, p *plan, res *Result) {
	if len(res.Rows) > maxPanels*chartLimit {
		t.Kind, t.Message = TileUnsupported, "This chart's small multiples have more than "+strconv.Itoa(maxPanels*chartLimit)+" rows, more than Sightglass draws; filter it to fewer."
		return
	}
	col := len(p.category) + len(p.colors) // the field's column, the last dimension's
	type panel struct {
		value any
		title string
		rows  [][]any
	}
	byTitle := map[string]*panel{}
	var panels []*panel
	for _, row := range res.Rows {
		title := fieldText(row[col], res.Columns[col], p.multiples[0])
		pn := byTitle[title]
		if pn == nil {
			pn = &panel{value: row[col], title: title}
			byTitle[title] = pn
			panels = append(panels, pn)
		}
		pn.rows = append(pn.rows, slices.Delete(slices.Clone(row), col, col+1))
	}
	slices.SortStableFunc(panels, func(a, b *panel) int {
		c := compareValues(a.value, b.value)
		if p.panels.descending {
			return -c
		}
		return c
	})
	if len(panels) > p.panels.limit {
		if !p.panels.limited {
			t.Kind, t.Message = TileUnsupported, "This chart has "+strconv.Itoa(len(panels))+" small multiples, more than the "+strconv.Itoa(maxPanels)+" Sightglass draws; filter it to fewer."
			return
		}
		panels = panels[:p.panels.limit]
	}
	sp := *p
	sp.multiples = nil
	cols := slices.Delete(slices.Clone(res.Columns), col, col+1)
	var opts []obj
	for i, pn := range panels {
		sub := &Result{Columns: cols, Rows: pn.rows}
		if sp.catLimit > 0 {
			sub = firstCategories(sub, sp.catLimit)
		}
		opt := chartOption(&sp, sub)
		v.applyTheme(opt)
		applyFormat(opt, vis)
		applyAxisScales(opt, vis)
		applyMissingData(opt, vis)
		if i > 0 {
			delete(opt, "legend") // the first panel's legend names every panel's series
		}
		opts = append(opts, opt)
	}
	if !p.panels.independent && p.kind != definition.KindPie {
		shareValueScale(opts, p.stacked)
	}
	for i, opt := range opts {
		b, err := json.Marshal(opt)
		if err != nil {
			t.Kind, t.Message = TileError, "This visual could not be drawn."
			return
		}
		t.Panels = append(t.Panels, Panel{Title: panels[i].title, Chart: string(b)})
	}
	t.Kind = TileChart
}

// shareValueScale gives every panel's value axis the range of all of
// them (stacks summed), rounded out to a round number, unless the axis
// has its own range already.
func shareValueScale(opts []obj, stacked bool) {
	lo, hi := 0.0, 0.0
	for _, opt := range opts {
		var pos, neg map[int]float64
		eachSeries(opt, func(s obj) {
			if _, second := s["yAxisIndex"]; second {
				return // a second axis keeps its own scale
			}
			data, _ := s["data"].([]any)
			for i, d := range data {
				f, ok := d.(float64)
				if !ok {
					continue
				}
				if !stacked {
					lo, hi = math.Min(lo, f), math.Max(hi, f)
					continue
				}
				if pos == nil {
					pos, neg = map[int]float64{}, map[int]float64{}
				}
				if f >= 0 {
					pos[i] += f
				} else {
					neg[i] += f
				}
			}
		})
		for _, f := range pos {
			hi = math.Max(hi, f)
		}
		for _, f := range neg {
			lo = math.Min(lo, f)
		}
	}
	for _, opt := range opts {
		a := valueAxis(opt, 0)
		if a == nil || a["type"] != "value" || a["min"] != nil || a["max"] != nil {
			continue
		}
		if hi > 0 {
			a["max"] = roundOut(hi)
		}
		if lo < 0 {
			a["min"] = -roundOut(-lo)
		}
	}
}

// roundOut is the smallest 1, 2, 2.5 or 5 times a power of ten at or
// above f (f > 0).
func roundOut(f float64) float64 {
	step := math.Pow(10, math.Floor(math.Log10(f)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*step >= f {
			return m * step
		}
	}
	return 10 * step
}
