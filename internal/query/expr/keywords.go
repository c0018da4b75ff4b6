package expr

import "strings"

// isKeywordArg reports whether argument i of call is a bare keyword
// rather than a field: the period of a periodToDate* or periodOverPeriod*
// function (YEAR, WEEK, …), a table calculation's level (PRE_AGG, …) and
// the CASE_SENSITIVE or CASE_INSENSITIVE of contains, startsWith and
// endsWith. Fields does not list them.
func isKeywordArg(call *Call, i int) bool {
	f, ok := call.Args[i].(*Field)
	if !ok {
		return false
	}
	name := strings.ToUpper(f.Name)
	if call.Name == "contains" || call.Name == "startsWith" || call.Name == "endsWith" {
		return i == 2 && (name == "CASE_SENSITIVE" || name == "CASE_INSENSITIVE")
	}
	if i == len(call.Args)-1 && IsTableCalcFunc(call.Name) {
		if _, level := levelOf(f.Name); level {
			return true
		}
	}
	if shape, ok := windowShapes[call.Name]; ok && shape == periodShape && i == 2 {
		// The period of periodOverPeriod* and periodToDate*OverTime,
		// the last argument or not.
		return true
	}
	form, ok := aggregateForms[call.Name]
	if !ok || !form.toDate {
		return false
	}
	at := 2
	if form.percentile {
		at = 3
	}
	if i != at {
		return false
	}
	_, period := toDatePeriods[name]
	return period
}
