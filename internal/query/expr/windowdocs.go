package expr

// windowDocs are the references of the table calculations (window.go),
// added to funcDocs.
var windowDocs = map[string]FunctionDoc{
	"sumOver":                           {Signature: "sumOver(measure, [partition, …] [, level])", Description: "The sum of the measure over each partition."},
	"avgOver":                           {Signature: "avgOver(measure, [partition, …] [, level])", Description: "The average of the measure over each partition."},
	"countOver":                         {Signature: "countOver(measure, [partition, …] [, level])", Description: "The number of non-null values of the measure in each partition."},
	"minOver":                           {Signature: "minOver(measure, [partition, …] [, level])", Description: "The smallest value of the measure in each partition."},
	"maxOver":                           {Signature: "maxOver(measure, [partition, …] [, level])", Description: "The largest value of the measure in each partition."},
	"distinctCountOver":                 {Signature: "distinctCountOver(measure, [partition, …] [, level])", Description: "The number of different values of the measure in each partition."},
	"stdevOver":                         {Signature: "stdevOver(measure, [partition, …] [, level])", Description: "The sample standard deviation of the measure in each partition."},
	"stdevpOver":                        {Signature: "stdevpOver(measure, [partition, …] [, level])", Description: "The population standard deviation of the measure in each partition."},
	"varOver":                           {Signature: "varOver(measure, [partition, …] [, level])", Description: "The sample variance of the measure in each partition."},
	"varpOver":                          {Signature: "varpOver(measure, [partition, …] [, level])", Description: "The population variance of the measure in each partition."},
	"medianOver":                        {Signature: "medianOver(measure, [partition, …] [, level])", Description: "The median (interpolated) of the measure in each partition."},
	"percentileOver":                    {Signature: "percentileOver(measure, n, [partition, …] [, level])", Description: "The n-th percentile of the measure in each partition, a value of the data."},
	"percentileContOver":                {Signature: "percentileContOver(measure, n, [partition, …] [, level])", Description: "The n-th percentile of the measure in each partition, interpolated."},
	"percentileDiscOver":                {Signature: "percentileDiscOver(measure, n, [partition, …] [, level])", Description: "The n-th percentile of the measure in each partition, a value of the data."},
	"runningSum":                        {Signature: "runningSum(measure, [sort ASC|DESC, …] [, [partition, …]])", Description: "The sum of the measure from the first row of the partition to this one."},
	"runningAvg":                        {Signature: "runningAvg(measure, [sort ASC|DESC, …] [, [partition, …]])", Description: "The average of the measure from the first row of the partition to this one."},
	"runningCount":                      {Signature: "runningCount(measure, [sort ASC|DESC, …] [, [partition, …]])", Description: "The number of values from the first row of the partition to this one."},
	"runningMin":                        {Signature: "runningMin(measure, [sort ASC|DESC, …] [, [partition, …]])", Description: "The smallest value from the first row of the partition to this one."},
	"runningMax":                        {Signature: "runningMax(measure, [sort ASC|DESC, …] [, [partition, …]])", Description: "The largest value from the first row of the partition to this one."},
	"firstValue":                        {Signature: "firstValue(measure, [sort ASC|DESC, …] [, [partition, …]])", Description: "The measure on the first row of the partition."},
	"lastValue":                         {Signature: "lastValue(measure, [sort ASC|DESC, …] [, [partition, …]])", Description: "The measure on the last row of the partition."},
	"windowSum":                         {Signature: "windowSum(measure, [sort ASC|DESC, …], start, end [, [partition, …]])", Description: "The sum of the measure from start rows before this one to end rows after."},
	"windowAvg":                         {Signature: "windowAvg(measure, [sort ASC|DESC, …], start, end [, [partition, …]])", Description: "The average of the measure from start rows before this one to end rows after."},
	"windowCount":                       {Signature: "windowCount(measure, [sort ASC|DESC, …], start, end [, [partition, …]])", Description: "The number of values from start rows before this one to end rows after."},
	"windowMin":                         {Signature: "windowMin(measure, [sort ASC|DESC, …], start, end [, [partition, …]])", Description: "The smallest value from start rows before this one to end rows after."},
	"windowMax":                         {Signature: "windowMax(measure, [sort ASC|DESC, …], start, end [, [partition, …]])", Description: "The largest value from start rows before this one to end rows after."},
	"rank":                              {Signature: "rank([sort ASC|DESC, …] [, [partition, …]] [, level])", Description: "The rank of the row in its partition; ties share a rank and leave gaps."},
	"denseRank":                         {Signature: "denseRank([sort ASC|DESC, …] [, [partition, …]] [, level])", Description: "The rank of the row in its partition; ties share a rank, no gaps."},
	"percentileRank":                    {Signature: "percentileRank([sort ASC|DESC, …] [, [partition, …]] [, level])", Description: "The percentage (0 to under 100) of the partition's rows ranked before this one."},
	"lag":                               {Signature: "lag(measure, [sort ASC|DESC, …], n [, [partition, …]])", Description: "The measure n rows before this one in the sort."},
	"lead":                              {Signature: "lead(measure, [sort ASC|DESC, …], n [, [partition, …]])", Description: "The measure n rows after this one in the sort."},
	"difference":                        {Signature: "difference(measure, [sort ASC|DESC, …], n [, [partition, …]])", Description: "The measure n rows away (after for n > 0, before for n < 0) minus this row's."},
	"percentDifference":                 {Signature: "percentDifference(measure, [sort ASC|DESC, …], n [, [partition, …]])", Description: "How much this row's measure differs from the one n rows away, in percent of that one."},
	"percentOfTotal":                    {Signature: "percentOfTotal(measure [, [partition, …]])", Description: "The measure in percent of its partition's total."},
	"periodOverPeriodDifference":        {Signature: "periodOverPeriodDifference(measure, date [, period [, offset]])", Description: "This period's measure minus the one of the calendar period offset (default 1) periods before; NULL when the data has no such period."},
	"periodOverPeriodLastValue":         {Signature: "periodOverPeriodLastValue(measure, date [, period [, offset]])", Description: "The measure of the calendar period offset (default 1) periods before; NULL when the data has no such period."},
	"periodOverPeriodPercentDifference": {Signature: "periodOverPeriodPercentDifference(measure, date [, period [, offset]])", Description: "How much this period's measure differs from the one offset (default 1) periods before, in percent of that one."},
}

func init() {
	for name, d := range windowDocs {
		funcDocs[name] = d
	}
}
