package dialect

// dateDiff counts period boundaries between a and b the same way in every
// dialect: calendar periods from extracted years and months, fixed
// periods from the seconds between the truncated values.
func dateDiff(d Dialect, seconds func(a, b string) string, idiv func(a, b string) string, a, b string, g Granularity) string {
	switch g {
	case Year:
		return "(" + d.Extract(b, Year) + " - " + d.Extract(a, Year) + ")"
	case Quarter:
		return "((" + d.Extract(b, Year) + " * 4 + " + d.Extract(b, Quarter) + ") - (" + d.Extract(a, Year) + " * 4 + " + d.Extract(a, Quarter) + "))"
	case Month:
		return "((" + d.Extract(b, Year) + " * 12 + " + d.Extract(b, Month) + ") - (" + d.Extract(a, Year) + " * 12 + " + d.Extract(a, Month) + "))"
	}
	unit := map[Granularity]string{Week: "604800", Day: "86400", Hour: "3600", Minute: "60", Second: "1"}[g]
	if unit == "" {
		unit = "86400"
		g = Day
	}
	s := seconds(d.DateTrunc(a, g), d.DateTrunc(b, g))
	if unit == "1" {
		return s
	}
	return idiv(s, unit)
}
