package viewer

import (
	"encoding/json"
	"fmt"
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
	limit        int  // the most panels, maxPanels if not set
	limited      bool // the limit is the definition's: more panels are left out
	descending   bool
	independent  bool // each panel's value axis its own scale
	independentX bool // each panel's categories its own
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
		switch {
		case s.FieldSort != nil && s.FieldSort.FieldId == ms[0].id:
			p.panels.descending = s.FieldSort.Direction == "DESC"
		case s.ColumnSort != nil && s.ColumnSort.SortBy != nil && sortsBy(s.ColumnSort, ms[0]):
			p.panels.descending = s.ColumnSort.Direction == "DESC"
		case s.FieldSort != nil || s.ColumnSort != nil:
			p.refuse("small multiples sorted by another field than their own")
		}
	}
	var o struct {
		XAxis, YAxis *struct{ Scale string }
	}
	if json.Unmarshal(options, &o) == nil {
		p.panels.independent = o.YAxis != nil && o.YAxis.Scale == "INDEPENDENT"
		p.panels.independentX = o.XAxis != nil && o.XAxis.Scale == "INDEPENDENT"
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
	byValue := map[string]*panel{} // by the value itself: two values may read alike
	var panels []*panel
	for _, row := range res.Rows {
		k := fmt.Sprintf("%T:%v", row[col], row[col])
		pn := byValue[k]
		if pn == nil {
			pn = &panel{value: row[col], title: fieldText(row[col], res.Columns[col], p.multiples[0])}
			byValue[k] = pn
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
	alignPanels(opts, p.kind == definition.KindPie, !p.panels.independentX)
	if !p.panels.independent && p.kind != definition.KindPie {
		shareValueScale(opts, p.stacked, 0)
		shareValueScale(opts, p.stacked, 1)
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

// shareValueScale gives every panel's value axis axis (0, the first; 1,
// a line chart's or combo chart's second) the range of all of them
// (stacks summed), rounded out to a round number, where the axis has no
// end of its own.
func shareValueScale(opts []obj, stacked bool, axis int) {
	lo, hi := 0.0, 0.0
	for _, opt := range opts {
		var pos, neg map[int]float64
		eachSeries(opt, func(s obj) {
			if (s["yAxisIndex"] == 1) != (axis == 1) {
				return
			}
			data, _ := s["data"].([]any)
			for i, d := range data {
				f, ok := d.(float64)
				if !ok {
					continue
				}
				if !stacked || s["stack"] == nil {
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
		a := valueAxis(opt, axis)
		if a == nil || a["type"] != "value" {
			continue
		}
		if hi > 0 && a["max"] == nil {
			a["max"] = roundOut(hi)
		}
		if lo < 0 && a["min"] == nil {
			a["min"] = -roundOut(-lo)
		}
	}
}

// alignPanels gives every panel the same series, in the same order, so
// that a series has one color in all of them and the first panel's legend
// names them all (a series a panel lacks is drawn there empty); with
// sharedX, one category axis too, every panel's categories in the order
// they first come (a category a panel lacks has no value there). A pie's
// slices are its series.
func alignPanels(opts []obj, pie bool, sharedX bool) {
	if pie {
		var names []string
		seen := map[string]bool{}
		for _, opt := range opts {
			eachSeries(opt, func(s obj) {
				for _, d := range s["data"].([]obj) {
					if n := d["name"].(string); !seen[n] {
						seen[n] = true
						names = append(names, n)
					}
				}
			})
		}
		for _, opt := range opts {
			eachSeries(opt, func(s obj) {
				by := map[string]obj{}
				for _, d := range s["data"].([]obj) {
					by[d["name"].(string)] = d
				}
				data := make([]obj, len(names))
				for i, n := range names {
					if d, ok := by[n]; ok {
						data[i] = d
					} else {
						data[i] = obj{"name": n, "value": nil}
					}
				}
				s["data"] = data
			})
		}
		return
	}
	var cats []any
	if sharedX {
		seen := map[string]bool{}
		for _, opt := range opts {
			for _, c := range categoryData(opt) {
				if k := fmt.Sprint(c); !seen[k] {
					seen[k] = true
					cats = append(cats, c)
				}
			}
		}
	}
	var names []string
	template := map[string]obj{}
	for _, opt := range opts {
		for _, s := range opt["series"].([]obj) {
			n, _ := s["name"].(string)
			if _, ok := template[n]; !ok {
				template[n] = s
				names = append(names, n)
			}
		}
	}
	for i, opt := range opts {
		own := categoryData(opt)
		at := map[string]int{}
		for j, c := range own {
			at[fmt.Sprint(c)] = j
		}
		width := len(own)
		if sharedX {
			width = len(cats)
			setCategoryData(opt, cats)
		}
		by := map[string]obj{}
		for _, s := range opt["series"].([]obj) {
			n, _ := s["name"].(string)
			by[n] = s
		}
		series := make([]obj, len(names))
		for k, n := range names {
			s, ok := by[n]
			if !ok {
				s = obj{}
				for key, v := range template[n] {
					s[key] = v
				}
				delete(s, "label")
			}
			old, _ := s["data"].([]any)
			data := make([]any, width)
			for j := range data {
				src := j
				if sharedX {
					var found bool
					if src, found = at[fmt.Sprint(cats[j])]; !found {
						continue
					}
				}
				if ok && src < len(old) {
					data[j] = old[src]
				}
			}
			s["data"] = data
			series[k] = s
		}
		opt["series"] = series
		if i == 0 && len(names) > 1 {
			opt["legend"] = obj{"type": "scroll", "top": 0, "data": names}
			if g, ok := opt["grid"].(obj); ok {
				g["top"] = 32
			}
		}
	}
}

// categoryData is a panel's category axis's values.
func categoryData(opt obj) []any {
	for _, key := range []string{"xAxis", "yAxis"} {
		if a, ok := opt[key].(obj); ok && a["type"] == "category" {
			switch d := a["data"].(type) {
			case []any:
				return d
			case []string:
				out := make([]any, len(d))
				for i, s := range d {
					out[i] = s
				}
				return out
			}
		}
	}
	return nil
}

// setCategoryData sets a panel's category axis's values.
func setCategoryData(opt obj, cats []any) {
	for _, key := range []string{"xAxis", "yAxis"} {
		if a, ok := opt[key].(obj); ok && a["type"] == "category" {
			a["data"] = cats
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
