package viewer

import (
	"strconv"

	"github.com/sightglass/sightglass/internal/definition"
)

// planFilledMap fills a filled map's plan: one location field whose
// values name regions, shaded by one measure (a count of records without
// one).
func (p *plan) planFilledMap(vis *definition.FilledMapVisual) bool {
	c := vis.ChartConfiguration
	if c == nil || c.FieldWells == nil || c.FieldWells.FilledMapAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.FilledMapAggregatedFieldWells
	p.category = dims(w.Geospatial)
	if len(p.category) == 0 {
		return false
	}
	p.category = p.category[:1]
	p.addMeasures(w.Values, &p.values)
	if len(p.values) > 1 {
		p.values = p.values[:1]
	}
	p.countRecords()
	p.geo = &mapPlan{window: c.WindowOptions}
	p.limit, p.maxRows = chartLimit+1, chartLimit
	var why string
	if p.geo.prefs, why = readGeoPrefs(vis.GeocodingPreferences); why != "" {
		p.refuse(why)
	}
	return true
}

// filledMapOption shades each region by its value. Values that name no
// region are not dropped: note says how many, and names the first; two
// values that name one region are refused (why), since their measures
// could not be added up for every aggregation.
func filledMapOption(p *plan, res *Result) (opt obj, note, why string) {
	rs := p.geo.regions
	f, m := p.category[0], p.values[0]
	var missed, ambiguous []string
	county := rs.inState != nil
	vi := len(p.category)       // the measure's column, after a county map's state
	from := map[string]string{} // shape -> the value that named it
	data := make([]obj, 0, len(res.Rows))
	rows := make([]int, 0, len(res.Rows)) // each data item's result row
	var lo, hi float64
	some := false
	for r, row := range res.Rows {
		name := fieldText(row[0], res.Columns[0], f)
		if row[0] == nil {
			name = "(empty)"
		}
		var shape string
		var ok, many bool
		shown := name // in notes: a county with its state
		if county {
			shape, many, ok = countyShape(rs, p, res, row, name)
			if p.geo.state > 0 {
				shown += " (" + stateText(p, res, row) + ")"
			}
		} else {
			shape, ok = rs.match(p.geo.prefs.regionAs(p.geo.role, name))
		}
		if many && row[0] != nil {
			ambiguous = append(ambiguous, shown)
			continue
		}
		if !ok || row[0] == nil {
			missed = append(missed, shown)
			continue
		}
		if prev, dup := from[shape]; dup {
			return nil, "", "the values " + strconv.Quote(prev) + " and " + strconv.Quote(shown) + " name the same region (" + shape + ")"
		}
		from[shape] = shown
		v := chartValue(row[vi])
		if x, ok := v.(float64); ok {
			if !some || x < lo {
				lo = x
			}
			if !some || x > hi {
				hi = x
			}
			some = true
		}
		d := obj{"name": shape, "value": v, "sgValue": name} // sgValue: what a click filters by
		if county && p.geo.state > 0 {
			d["sgState"] = stateText(p, res, row) // and within which state
		}
		data = append(data, d)
		rows = append(rows, r)
	}
	if hi == lo {
		hi = lo + 1
	}
	s := obj{"type": "map", "map": rs.name, "name": m.label, "data": data, "roam": true,
		"emphasis": obj{"label": obj{"show": false}}, "selectedMode": false, shapeRows: rows}
	if m.format != nil {
		s[chartNumberFormat] = m.format
	}
	mapView(s, p.geo.window)
	opt = obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "item"},
		"sgMap":     rs.asset(),
		"visualMap": obj{"type": "continuous", "min": lo, "max": hi, "calculable": false, "orient": "horizontal",
			"text": []string{formatNumber(hi), formatNumber(lo)}, "left": "center", "bottom": 0, "itemHeight": 120,
			"inRange": obj{"color": scaleColors(p.colorScale)}},
		"series": []obj{s},
	}
	note = unplacedNote("values matched no region", missed, len(res.Rows))
	if county {
		note = countyNote(p, note, ambiguous, len(res.Rows))
	}
	return opt, note, ""
}
