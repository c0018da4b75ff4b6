package expr

// The periodToDate*OverTime table calculations, periodToDateSumOverTime
// (measure, dateTime [, period]) and its Avg, Count, Max and Min: the
// running aggregate of an aggregated measure over the visual's rows from
// the start of each period (YEAR: year to date) to the row, the date
// being a dimension of the visual. They share periodOverPeriod*'s
// argument layout without the offset (periodoverperiod.go).

// periodToDateOverTime maps each function to the running aggregate it
// computes within a period.
var periodToDateOverTime = map[string]string{
	"periodToDateSumOverTime":   "runningSum",
	"periodToDateAvgOverTime":   "runningAvg",
	"periodToDateCountOverTime": "runningCount",
	"periodToDateMaxOverTime":   "runningMax",
	"periodToDateMinOverTime":   "runningMin",
}

// PeriodToDateOverTime is the running aggregate (runningSum, …) that the
// periodToDate*OverTime function f computes within each period; ok false
// for any other function.
func PeriodToDateOverTime(f string) (running string, ok bool) {
	running, ok = periodToDateOverTime[f]
	return running, ok
}

var periodToDateOverTimeDocs = map[string]FunctionDoc{
	"periodToDateSumOverTime":   {Signature: "periodToDateSumOverTime(measure, dateTime [, period])", Description: "The sum of the aggregated measure from the start of each row's period (YEAR, QUARTER, MONTH, WEEK, DAY, …; the visual's granularity by default) to the row."},
	"periodToDateAvgOverTime":   {Signature: "periodToDateAvgOverTime(measure, dateTime [, period])", Description: "The average of the aggregated measure from the start of each row's period to the row."},
	"periodToDateCountOverTime": {Signature: "periodToDateCountOverTime(measure, dateTime [, period])", Description: "The number of values of the aggregated measure from the start of each row's period to the row."},
	"periodToDateMaxOverTime":   {Signature: "periodToDateMaxOverTime(measure, dateTime [, period])", Description: "The largest value of the aggregated measure from the start of each row's period to the row."},
	"periodToDateMinOverTime":   {Signature: "periodToDateMinOverTime(measure, dateTime [, period])", Description: "The smallest value of the aggregated measure from the start of each row's period to the row."},
}

func init() {
	for name, d := range periodToDateOverTimeDocs {
		funcDocs[name] = d
		windowShapes[name] = periodShape
	}
}
