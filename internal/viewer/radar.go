package viewer

import (
	"slices"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// radarPlan is how a radar chart is drawn. With a Category field the
// axes are its values and each measure (per color, with a Color field)
// is a polygon; without one the axes are the measures and each color
// value (or the whole, without a Color field) is a polygon.
type radarPlan struct {
	byValue bool
	// colorOrder, when set, orders the polygons of a chart by category by
	// the color field: 1 ascending, -1 descending.
	colorOrder int
	shape      string // circle or polygon
	area       bool
	shared     bool // one range for all axes
	// bands is the radar's split area: shown or not, and its colors
	// (odd then even rings) when the visual sets them.
	bands obj
}

// planRadar fills a radar chart's plan.
func (p *plan) planRadar(c *definition.RadarChartConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.RadarChartAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.RadarChartAggregatedFieldWells
	cat, color := dims(w.Category), dims(w.Color)
	if len(cat) > 1 {
		cat = cat[:1]
	}
	if len(color) > 1 {
		color = color[:1]
	}
	p.addMeasures(w.Values, &p.values)
	r := &radarPlan{byValue: len(cat) == 0, shape: "polygon"}
	p.radar = r
	if c.Shape == "CIRCLE" {
		r.shape = "circle"
	}
	if s := c.BaseSeriesSettings; s != nil && s.AreaStyleSettings != nil {
		r.area = s.AreaStyleSettings.Visibility == "VISIBLE"
	}
	switch c.AlternateBandColorsVisibility {
	case "VISIBLE":
		r.bands = obj{"show": true}
		if c.AlternateBandOddColor != "" && c.AlternateBandEvenColor != "" {
			r.bands["areaStyle"] = obj{"color": []string{c.AlternateBandOddColor, c.AlternateBandEvenColor}}
		}
	case "HIDDEN":
		r.bands = obj{"show": false}
	}
	switch c.AxesRangeScale {
	case "SHARED":
		r.shared = true
	case "INDEPENDENT":
	default: // AUTO: one range for categories, one per measure
		r.shared = !r.byValue
	}
	s := c.SortConfiguration
	if s == nil {
		s = &definition.RadarChartSortConfiguration{}
	}
	p.limit, p.maxRows = chartLimit+1, chartLimit
	if r.byValue {
		if len(color) == 0 && len(p.values) == 0 {
			return false
		}
		p.category = color // one polygon per color value
		p.countRecords()
		if len(s.CategorySort) > 0 || limited(s.CategoryItemsLimit) {
			p.refuse("CategorySort or CategoryItemsLimit without a Category field")
		}
		p.sorts(s.ColorSort)
		if len(p.sort) < len(s.ColorSort) {
			p.refuse("ColorSort by a field the radar chart does not show")
		}
		switch n := itemsLimit(s.ColorItemsLimit, chartLimit); {
		case !limited(s.ColorItemsLimit):
		case s.ColorItemsLimit.OtherCategories != "INCLUDE":
			p.limit, p.maxRows = n, 0
		case n < chartLimit:
			// The first colors in the ColorSort, and one "Other" polygon
			// whose measures are asked of the rest's rows (otherask.go).
			p.askLimit(n, true, "ColorItemsLimit with OtherCategories INCLUDE")
		}
		return true
	}
	p.category, p.colors = cat, color
	p.countRecords()
	p.sorts(s.CategorySort)
	if len(p.sort) < len(s.CategorySort) {
		p.refuse("CategorySort by a field the radar chart does not show")
	}
	if len(p.sort) == 0 {
		p.sort = []query.Sort{{ID: cat[0].id}}
	}
	for _, o := range s.ColorSort {
		r.colorOrder = 0
		if len(color) > 0 {
			desc, ok := false, false
			switch {
			case o.FieldSort != nil:
				desc, ok = o.FieldSort.Direction == "DESC", o.FieldSort.FieldId == color[0].id
			case o.ColumnSort != nil && o.ColumnSort.SortBy != nil:
				desc, ok = o.ColumnSort.Direction == "DESC", o.ColumnSort.SortBy.ColumnName == color[0].dim.Field && o.ColumnSort.AggregationFunction == nil
			}
			if ok {
				r.colorOrder = 1
				if desc {
					r.colorOrder = -1
				}
			}
		}
		if r.colorOrder == 0 {
			p.refuse("ColorSort by another field than the Color field")
			break
		}
	}
	if limited(s.CategoryItemsLimit) {
		p.categoryLimit(s.CategoryItemsLimit)
		if len(p.colors) == 0 && p.limit < chartLimit {
			p.maxRows = 0 // the query keeps the first categories
		}
	}
	// The polygons' colors limited as a bar chart's (rankedlimit.go).
	p.colorItemsLimit(s.ColorItemsLimit, s.ColorSort)
	return true
}

// radarOption builds a radar chart: an indicator per axis and one radar
// series whose data are the polygons.
func radarOption(p *plan, res *Result) obj {
	r := p.radar
	var axes []string
	var polys []series
	if r.byValue {
		axes, polys = radarByValue(p, res)
	} else {
		axes, polys = seriesOf(p, res)
		if r.colorOrder != 0 && len(p.colors) > 0 {
			polys = sortPolygons(p, res, polys)
		}
	}
	// The axes' ranges: from zero (or the lowest negative value) to the
	// highest value, per axis or shared.
	lo, hi := make([]float64, len(axes)), make([]float64, len(axes))
	for _, s := range polys {
		for i, v := range s.data {
			if f, ok := v.(float64); ok {
				lo[i], hi[i] = min(lo[i], f), max(hi[i], f)
			}
		}
	}
	if r.shared && len(axes) > 0 {
		l, h := slices.Min(lo), slices.Max(hi)
		for i := range axes {
			lo[i], hi[i] = l, h
		}
	}
	indicators := make([]obj, len(axes))
	for i, a := range axes {
		if hi[i] == lo[i] {
			hi[i] = lo[i] + 1
		}
		indicators[i] = obj{"name": a, "min": lo[i], "max": hi[i]}
	}
	data := make([]obj, len(polys))
	names := make([]string, len(polys))
	for i, s := range polys {
		data[i], names[i] = obj{"name": s.name, "value": s.data}, s.name
	}
	e := obj{"type": "radar", "data": data}
	if f := sharedFieldFormat(p.values); f != nil {
		e[chartNumberFormat] = f // every axis a measure in one format
	}
	if r.area {
		e["areaStyle"] = obj{}
	}
	opt := obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"radar":     obj{"indicator": indicators, "shape": r.shape, "radius": "62%", "center": []string{"50%", "55%"}},
		"series":    []obj{e},
	}
	if r.bands != nil {
		opt["radar"].(obj)["splitArea"] = r.bands
	}
	if len(polys) > 1 {
		opt["legend"] = obj{"type": "scroll", "top": 0, "data": names}
	}
	return opt
}

// radarByValue returns a chart by value's axes (the measures) and its
// polygons: one per row (a color value, or the single total).
func radarByValue(p *plan, res *Result) ([]string, []series) {
	ms := p.measures()
	nd := len(p.category)
	axes := make([]string, len(ms))
	for k, m := range ms {
		axes[k] = m.label
	}
	var out []series
	for _, row := range res.Rows {
		name := "Total"
		if nd > 0 {
			name = fieldText(row[0], res.Columns[0], p.category[0])
		}
		s := series{name: name, data: make([]any, len(ms))}
		for k := range ms {
			s.data[k] = chartValue(row[nd+k])
		}
		out = append(out, s)
	}
	return axes, out
}

// sortPolygons orders a chart by category's polygons by their color value
// (measure by measure, as seriesOf lays them out).
func sortPolygons(p *plan, res *Result, polys []series) []series {
	_, appear := categories(res, 1, p.colors[0])
	sorted, idx := sortedCategories(res, 1, p.colors[0], p.radar.colorOrder < 0, p.colorOther || p.askedOther(1), nil)
	n := len(sorted)
	pos := make([]int, n) // appearance index -> sorted index
	for i := range res.Rows {
		pos[appear[i]] = idx[i]
	}
	out := make([]series, len(polys))
	for k := 0; k+n <= len(polys); k += n {
		for a := 0; a < n; a++ {
			out[k+pos[a]] = polys[k+a]
		}
	}
	return out
}
