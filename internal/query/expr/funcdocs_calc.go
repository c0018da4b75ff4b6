package expr

// calcFuncDocs describes the functions added with the conditional,
// spread and period-to-date aggregates and the math functions; they join
// funcDocs.
var calcFuncDocs = map[string]FunctionDoc{
	"percentileDisc":             {Signature: "percentileDisc(measure, n)", Description: "The n-th percentile, a value of the data (discrete); percentile is its alias.", Aggregate: true},
	"stdev":                      {Signature: "stdev(measure)", Description: "The standard deviation of a sample.", Aggregate: true},
	"stdevp":                     {Signature: "stdevp(measure)", Description: "The standard deviation of the population.", Aggregate: true},
	"var":                        {Signature: "var(measure)", Description: "The variance of a sample.", Aggregate: true},
	"varp":                       {Signature: "varp(measure)", Description: "The variance of the population.", Aggregate: true},
	"sumIf":                      {Signature: "sumIf(measure, condition)", Description: "The sum of the values of the rows where the condition holds.", Aggregate: true},
	"avgIf":                      {Signature: "avgIf(measure, condition)", Description: "The average of the values of the rows where the condition holds.", Aggregate: true},
	"minIf":                      {Signature: "minIf(measure, condition)", Description: "The smallest value of the rows where the condition holds.", Aggregate: true},
	"maxIf":                      {Signature: "maxIf(measure, condition)", Description: "The largest value of the rows where the condition holds.", Aggregate: true},
	"countIf":                    {Signature: "countIf(dimension, condition)", Description: "The number of values, not null, of the rows where the condition holds.", Aggregate: true},
	"distinct_countIf":           {Signature: "distinct_countIf(dimension, condition)", Description: "The number of different values of the rows where the condition holds.", Aggregate: true},
	"medianIf":                   {Signature: "medianIf(measure, condition)", Description: "The middle value of the rows where the condition holds.", Aggregate: true},
	"stdevIf":                    {Signature: "stdevIf(measure, condition)", Description: "The sample standard deviation of the rows where the condition holds.", Aggregate: true},
	"stdevpIf":                   {Signature: "stdevpIf(measure, condition)", Description: "The population standard deviation of the rows where the condition holds.", Aggregate: true},
	"varIf":                      {Signature: "varIf(measure, condition)", Description: "The sample variance of the rows where the condition holds.", Aggregate: true},
	"varpIf":                     {Signature: "varpIf(measure, condition)", Description: "The population variance of the rows where the condition holds.", Aggregate: true},
	"periodToDateSum":            {Signature: "periodToDateSum(measure, dateTime, period [, endDate])", Description: "The sum of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDateAvg":            {Signature: "periodToDateAvg(measure, dateTime, period [, endDate])", Description: "The average of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDateMin":            {Signature: "periodToDateMin(measure, dateTime, period [, endDate])", Description: "The smallest value of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDateMax":            {Signature: "periodToDateMax(measure, dateTime, period [, endDate])", Description: "The largest value of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDateCount":          {Signature: "periodToDateCount(measure, dateTime, period [, endDate])", Description: "The number of values of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDateMedian":         {Signature: "periodToDateMedian(measure, dateTime, period [, endDate])", Description: "The median of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDateStDev":          {Signature: "periodToDateStDev(measure, dateTime, period [, endDate])", Description: "The sample standard deviation of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDateStDevP":         {Signature: "periodToDateStDevP(measure, dateTime, period [, endDate])", Description: "The population standard deviation of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDateVar":            {Signature: "periodToDateVar(measure, dateTime, period [, endDate])", Description: "The sample variance of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDateVarP":           {Signature: "periodToDateVarP(measure, dateTime, period [, endDate])", Description: "The population variance of the rows from the start of endDate's period (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECONDS) to endDate (now() by default).", Aggregate: true},
	"periodToDatePercentile":     {Signature: "periodToDatePercentile(measure, n, dateTime, period [, endDate])", Description: "The discrete n-th percentile of the rows from the start of endDate's period to endDate (now() by default).", Aggregate: true},
	"periodToDatePercentileCont": {Signature: "periodToDatePercentileCont(measure, n, dateTime, period [, endDate])", Description: "The continuous n-th percentile of the rows from the start of endDate's period to endDate (now() by default).", Aggregate: true},
	"parseJson":                  {Signature: "parseJson(json, '$.key[0]')", Description: "The string, number or boolean at the path of the JSON text, as a string; null for an object, an array or text that is not JSON."},
	"switch":                     {Signature: "switch(value, label, result [, label, result …], default)", Description: "The result of the first label equal to the value, else default."},
	"mod":                        {Signature: "mod(number, divisor)", Description: "The remainder of number divided by divisor (as number % divisor), null when divisor is 0."},
	"sqrt":                       {Signature: "sqrt(number)", Description: "The square root, null for a negative number."},
	"exp":                        {Signature: "exp(number)", Description: "e raised to the number."},
	"ln":                         {Signature: "ln(number)", Description: "The natural logarithm, null for 0 or less."},
	"log":                        {Signature: "log(number)", Description: "The base-10 logarithm, null for 0 or less."},
}

func init() {
	for name, d := range calcFuncDocs {
		funcDocs[name] = d
	}
}
