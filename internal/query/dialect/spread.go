package dialect

// Aggregates of spread (standard deviation and variance) and the
// discrete percentile, as QuickSight's stdev, stdevp, var, varp and
// percentileDisc.

// Spread is the aggregate fn of the number x: "stdev" and "var" of a
// sample (NULL for fewer than two values), "stdevp" and "varp" of the
// population; ok is false for any other name. SQLite has no such
// aggregate: it computes the variance from the sums of x and x², never
// below zero.
func Spread(d Dialect, fn, x string) (sql string, ok bool) {
	x = d.Cast(x, Decimal)
	if d.Name() == "sqlite" {
		n := "COUNT(" + x + ")"
		dev := "(SUM(" + x + " * " + x + ") - SUM(" + x + ") * SUM(" + x + ") / " + n + ")"
		var v string
		switch fn {
		case "stdev", "var":
			v = "max(" + dev + ", 0) / NULLIF(" + n + " - 1, 0)"
		case "stdevp", "varp":
			v = "max(" + dev + ", 0) / NULLIF(" + n + ", 0)"
		default:
			return "", false
		}
		if fn == "stdev" || fn == "stdevp" {
			return "sqrt(" + v + ")", true
		}
		return "(" + v + ")", true
	}
	names := map[string]string{"stdev": "STDDEV_SAMP", "stdevp": "STDDEV_POP", "var": "VAR_SAMP", "varp": "VAR_POP"}
	f, ok := names[fn]
	if !ok {
		return "", false
	}
	return f + "(" + x + ")", true
}

// PercentileDisc is the discrete percentile of x at the fraction p (a
// fragment in [0,1]): the smallest value whose cumulative distribution
// reaches p. Only when OrderedSetPercentile; others rank with window
// functions. On SQLite, the value at rank ceil(percent·n/100), as those
// windows rank it.
func PercentileDisc(d Dialect, x, p string) string {
	if d.Name() == "sqlite" {
		return SQLitePercentileDisc + "(" + x + ", " + p + ")"
	}
	return "PERCENTILE_DISC(" + p + ") WITHIN GROUP (ORDER BY " + x + ")"
}
