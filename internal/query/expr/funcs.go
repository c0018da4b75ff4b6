package expr

import "strings"

// funcNames lists the functions the language has, in their canonical
// spelling; calls match case-insensitively.
var funcNames = []string{
	"ifelse", "coalesce", "isNull", "isNotNull", "in", "notIn",
	"concat", "substring", "toUpper", "toLower", "trim", "strlen", "toString",
	"left", "right", "locate", "replace", "split", "ltrim", "rtrim", "contains", "startsWith", "endsWith", "nullIf",
	"parseInt", "parseDecimal", "intToDecimal", "decimalToInt",
	"round", "floor", "ceil", "abs",
	"truncDate", "extract", "dateDiff", "addDateTime", "now", "epochDate", "formatDate", "parseDate", "isWorkDay", "netWorkDays", "addWorkDays",
	"sum", "avg", "min", "max", "count", "distinct_count", "median", "percentile", "percentileCont",
	"percentileDisc", "stdev", "stdevp", "var", "varp",
	"sumIf", "avgIf", "minIf", "maxIf", "countIf", "distinct_countIf", "medianIf", "stdevIf", "stdevpIf", "varIf", "varpIf",
	"periodToDateSum", "periodToDateAvg", "periodToDateMin", "periodToDateMax", "periodToDateCount", "periodToDateMedian",
	"periodToDatePercentile", "periodToDatePercentileCont", "periodToDateStDev", "periodToDateStDevP", "periodToDateVar", "periodToDateVarP",
	"switch", "mod", "sqrt", "exp", "ln", "log", "parseJson",
	// Table calculations (window.go).
	"sumOver", "avgOver", "countOver", "minOver", "maxOver", "distinctCountOver", "stdevOver", "stdevpOver", "varOver", "varpOver",
	"medianOver", "percentileOver", "percentileContOver", "percentileDiscOver",
	"runningSum", "runningAvg", "runningCount", "runningMin", "runningMax", "firstValue", "lastValue",
	"windowSum", "windowAvg", "windowCount", "windowMin", "windowMax",
	"rank", "denseRank", "percentileRank", "lag", "lead", "difference", "percentDifference", "percentOfTotal",
	"periodOverPeriodDifference", "periodOverPeriodLastValue", "periodOverPeriodPercentDifference",
	"periodToDateSumOverTime", "periodToDateAvgOverTime", "periodToDateCountOverTime", "periodToDateMaxOverTime", "periodToDateMinOverTime",
}

var funcByLower = func() map[string]string {
	m := make(map[string]string, len(funcNames))
	for _, f := range funcNames {
		m[strings.ToLower(f)] = f
	}
	return m
}()

func canonicalFunc(name string) (string, bool) {
	f, ok := funcByLower[strings.ToLower(name)]
	return f, ok
}

// IsAggregateFunc reports whether the canonical function name f is an
// aggregate function.
func IsAggregateFunc(f string) bool {
	_, ok := aggregateForms[f]
	return ok
}
