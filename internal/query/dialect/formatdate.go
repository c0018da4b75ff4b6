package dialect

// Date formatting, one QuickSight format token at a time. The compiler
// splits a format such as 'dd-MMM-yyyy' into tokens and literal text;
// each token becomes the engine's own rendering of that field (with
// format strings of this file only: the literal text of a format is
// bound, never written into SQL) and the pieces are concatenated.
// Names of months and days are English, as QuickSight writes them.

// mysqlFormats maps tokens to DATE_FORMAT specifiers (lc_time_names
// en_US, the default).
var mysqlFormats = map[string]string{
	"yyyy": "%Y", "yy": "%y", "MMMM": "%M", "MMM": "%b", "MM": "%m", "M": "%c",
	"dd": "%d", "d": "%e", "EEEE": "%W", "EEE": "%a", "EE": "%a", "E": "%a",
	"HH": "%H", "H": "%k", "hh": "%h", "h": "%l", "mm": "%i", "ss": "%s", "a": "%p",
}

func (mysqlDialect) FormatDatePart(x, token string) (string, bool) {
	if token == "SSS" {
		return "LEFT(DATE_FORMAT(" + x + ", '%f'), 3)", true
	}
	f, ok := mysqlFormats[token]
	if !ok {
		return "", false
	}
	return "DATE_FORMAT(" + x + ", '" + f + "')", true
}

// postgresFormats maps tokens to TO_CHAR patterns; FM drops padding.
var postgresFormats = map[string]string{
	"yyyy": "YYYY", "yy": "YY", "MMMM": "FMMonth", "MMM": "Mon", "MM": "MM", "M": "FMMM",
	"dd": "DD", "d": "FMDD", "EEEE": "FMDay", "EEE": "Dy", "EE": "Dy", "E": "Dy",
	"HH": "HH24", "H": "FMHH24", "hh": "HH12", "h": "FMHH12", "mm": "MI", "ss": "SS",
	"a": "AM", "SSS": "MS",
}

func (postgresDialect) FormatDatePart(x, token string) (string, bool) {
	f, ok := postgresFormats[token]
	if !ok {
		return "", false
	}
	return "TO_CHAR(CAST(" + x + " AS timestamp), '" + f + "')", true
}

const (
	sqliteMonths = "CASE CAST(strftime('%m', X) AS INTEGER) WHEN 1 THEN 'January' WHEN 2 THEN 'February' WHEN 3 THEN 'March' WHEN 4 THEN 'April' WHEN 5 THEN 'May' WHEN 6 THEN 'June' WHEN 7 THEN 'July' WHEN 8 THEN 'August' WHEN 9 THEN 'September' WHEN 10 THEN 'October' WHEN 11 THEN 'November' WHEN 12 THEN 'December' END"
	sqliteDays   = "CASE strftime('%w', X) WHEN '0' THEN 'Sunday' WHEN '1' THEN 'Monday' WHEN '2' THEN 'Tuesday' WHEN '3' THEN 'Wednesday' WHEN '4' THEN 'Thursday' WHEN '5' THEN 'Friday' WHEN '6' THEN 'Saturday' END"
)

func (sqliteDialect) FormatDatePart(x, token string) (string, bool) {
	f := func(spec string) string { return "strftime('" + spec + "', " + x + ")" }
	num := func(spec string) string { return "CAST(" + f(spec) + " AS INTEGER)" }
	hour12 := "((" + num("%H") + " + 11) % 12 + 1)"
	switch token {
	case "yyyy":
		return f("%Y"), true
	case "yy":
		return "substr(" + f("%Y") + ", 3, 2)", true
	case "MMMM":
		return "(" + replaceX(sqliteMonths, x) + ")", true
	case "MMM":
		return "substr('JanFebMarAprMayJunJulAugSepOctNovDec', " + num("%m") + " * 3 - 2, 3)", true
	case "MM":
		return f("%m"), true
	case "M":
		return num("%m"), true
	case "dd":
		return f("%d"), true
	case "d":
		return num("%d"), true
	case "EEEE":
		return "(" + replaceX(sqliteDays, x) + ")", true
	case "EEE", "EE", "E":
		return "substr('SunMonTueWedThuFriSat', " + num("%w") + " * 3 + 1, 3)", true
	case "HH":
		return f("%H"), true
	case "H":
		return num("%H"), true
	case "hh":
		return "printf('%02d', " + hour12 + ")", true
	case "h":
		return hour12, true
	case "mm":
		return f("%M"), true
	case "ss":
		return f("%S"), true
	case "a":
		return "(CASE WHEN " + num("%H") + " < 12 THEN 'AM' ELSE 'PM' END)", true
	case "SSS":
		return "substr(" + f("%f") + ", 4, 3)", true
	}
	return "", false
}

// replaceX puts x where the template has X (a template of this file).
func replaceX(template, x string) string {
	out := make([]byte, 0, len(template)+len(x))
	for i := 0; i < len(template); i++ {
		if template[i] == 'X' {
			out = append(out, x...)
			continue
		}
		out = append(out, template[i])
	}
	return string(out)
}
