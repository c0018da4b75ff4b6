package viewer

// A points map whose one location field is a COUNTRY or a US STATE
// places each row at the center of the region its value names (the
// centroid of the region's largest land, web/scripts/geo.mjs), drawn on
// those regions; values that name no region are named in the note, and
// two values naming one region (with one color) refuse the map, as they
// do on a county map.

// centerPlacer places the rows of such a map, once per region and color.
type centerPlacer struct {
	p      *plan
	res    *Result
	seen   map[string]string // region (and color) -> the value that named it
	missed []string
}

// place is where a row's point goes: its region's center and name, and
// the value a click filters by; placed is false for a row named in the
// note; why refuses the map.
func (c *centerPlacer) place(row []any) (lon, lat float64, shape, value string, placed bool, why string) {
	p, res := c.p, c.res
	set := p.geo.centers
	if row[0] == nil {
		c.missed = append(c.missed, "(empty)")
		return 0, 0, "", "", false, ""
	}
	value = fieldText(row[0], res.Columns[0], p.category[0])
	shape, ok := set.match(value)
	at, known := set.center[shape]
	if !ok || !known {
		c.missed = append(c.missed, value)
		return 0, 0, "", "", false, ""
	}
	if why := claimShape(c.seen, p, res, row, shape, value, "region"); why != "" {
		return 0, 0, "", "", false, why
	}
	return at[0], at[1], shape, value, true, ""
}

// note names the rows the map could not place.
func (c *centerPlacer) note() string {
	what := "values matched no " + c.p.geo.centersRole()
	return unplacedNote(what, c.missed, len(c.res.Rows))
}
