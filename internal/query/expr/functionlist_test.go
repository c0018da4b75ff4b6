package expr

import "testing"

// quickSightFunctions is QuickSight's "Functions by category" list of the
// calculation language (aggregate, conditional, date, numeric, math,
// string functions and table calculations).
var quickSightFunctions = map[string][]string{
	"aggregate": {"avg", "avgIf", "count", "countIf", "distinct_count", "distinct_countIf", "max", "maxIf", "median", "medianIf",
		"min", "minIf", "percentile", "percentileCont", "percentileDisc", "periodToDateAvg", "periodToDateCount", "periodToDateMax",
		"periodToDateMedian", "periodToDateMin", "periodToDatePercentile", "periodToDatePercentileCont", "periodToDateStDev",
		"periodToDateStDevP", "periodToDateSum", "periodToDateVar", "periodToDateVarP", "stdev", "stdevp", "stdevIf", "stdevpIf",
		"sum", "sumIf", "var", "varIf", "varp", "varpIf"},
	"conditional": {"coalesce", "ifelse", "in", "isNotNull", "isNull", "notIn", "nullIf", "switch"},
	"date":        {"addDateTime", "addWorkDays", "dateDiff", "epochDate", "extract", "formatDate", "isWorkDay", "netWorkDays", "now", "truncDate"},
	"numeric":     {"ceil", "decimalToInt", "floor", "intToDecimal", "round"},
	"math":        {"abs", "ceil", "exp", "floor", "ln", "log", "mod", "round", "sqrt"},
	"string": {"concat", "contains", "endsWith", "left", "locate", "ltrim", "parseDate", "parseDecimal", "parseInt", "parseJson",
		"replace", "right", "rtrim", "split", "startsWith", "strlen", "substring", "toLower", "toString", "toUpper", "trim"},
	"table calculation": {"difference", "distinctCountOver", "lag", "lead", "percentDifference", "avgOver", "countOver", "maxOver",
		"minOver", "percentileOver", "percentileContOver", "percentileDiscOver", "percentOfTotal", "periodOverPeriodDifference",
		"periodOverPeriodLastValue", "periodOverPeriodPercentDifference", "periodToDateAvgOverTime", "periodToDateCountOverTime",
		"periodToDateMaxOverTime", "periodToDateMinOverTime", "periodToDateSumOverTime", "stdevOver", "stdevpOver", "sumOver",
		"varOver", "varpOver", "denseRank", "rank", "percentileRank", "runningAvg", "runningCount", "runningMax", "runningMin",
		"runningSum", "firstValue", "lastValue", "windowAvg", "windowCount", "windowMax", "windowMin", "windowSum"},
}

// TestQuickSightFunctionList: the language has every function QuickSight
// documents, under its spelling, with a reference entry.
func TestQuickSightFunctionList(t *testing.T) {
	for category, names := range quickSightFunctions {
		for _, name := range names {
			got, ok := canonicalFunc(name)
			if !ok || got != name {
				t.Errorf("%s function %s: the language has %q (%v)", category, name, got, ok)
				continue
			}
			if d := funcDocs[name]; d.Signature == "" || d.Description == "" {
				t.Errorf("%s function %s has no reference entry", category, name)
			}
		}
	}
}
