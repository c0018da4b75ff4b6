package dialect

// DecimalText writes the double x as text the same way on every engine:
// a whole number below 10^15 without a fraction ("2", where SQLite and
// DuckDB write "2.0"), any other value in its shortest form that reads
// back as the same double (SQLite's CAST goes from 15 significant
// digits straight to 17 and its printf stops at 16, so 16 is tried in
// between). Values past 10^15 or below 10^-4 keep each
// engine's exponent notation (1e+20, 1e20).
func DecimalText(d Dialect, x string) string {
	x = d.Cast(x, Decimal)
	whole := "(" + x + " = " + d.Floor(x) + " AND abs(" + x + ") < 1e15)"
	asInt := d.Cast(d.Cast(x, Integer), String)
	var other string
	if d.Name() == "sqlite" {
		p := func(digits string) string { return "printf('%." + digits + "g', " + x + ")" }
		other = "CASE WHEN CAST(" + p("15") + " AS REAL) = " + x + " THEN " + p("15") +
			" WHEN CAST(" + p("16") + " AS REAL) = " + x + " THEN " + p("16") + " ELSE CAST(" + x + " AS TEXT) END"
	} else {
		other = d.Cast(x, String)
	}
	return "(CASE WHEN " + whole + " THEN " + asInt + " ELSE " + other + " END)"
}

// BooleanText writes a condition as 'true' or 'false' (NULL stays NULL),
// where SQLite and MySQL would write 1 or 0.
func BooleanText(b string) string {
	return "(CASE WHEN " + b + " THEN 'true' WHEN NOT " + b + " THEN 'false' END)"
}
