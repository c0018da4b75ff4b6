package expr

// FunctionDoc is the short reference of a function of the language, as
// the calculated-field editor shows it.
type FunctionDoc struct {
	Name        string // canonical spelling
	Signature   string
	Description string
	Aggregate   bool
}

// funcDocs describes every function of funcNames (a test keeps them in
// step).
var funcDocs = map[string]FunctionDoc{
	"ifelse":         {Signature: "ifelse(if, then [, if, then …], else)", Description: "The value of the first then whose if is true, else the last argument."},
	"coalesce":       {Signature: "coalesce(expression, expression [, …])", Description: "The first argument that is not null."},
	"isNull":         {Signature: "isNull(expression)", Description: "True when the value is null."},
	"isNotNull":      {Signature: "isNotNull(expression)", Description: "True when the value is not null."},
	"in":             {Signature: "in(expression, [literal, …])", Description: "True when the value is one of the listed literals."},
	"notIn":          {Signature: "notIn(expression, [literal, …])", Description: "True when the value is none of the listed literals."},
	"concat":         {Signature: "concat(string, string [, …])", Description: "The strings joined end to end."},
	"substring":      {Signature: "substring(string, start, length)", Description: "length characters of string from start (1-based)."},
	"toUpper":        {Signature: "toUpper(string)", Description: "The string in upper case."},
	"toLower":        {Signature: "toLower(string)", Description: "The string in lower case."},
	"trim":           {Signature: "trim(string)", Description: "The string without leading and trailing blanks."},
	"strlen":         {Signature: "strlen(string)", Description: "The number of characters of the string."},
	"toString":       {Signature: "toString(expression)", Description: "The value as a string."},
	"left":           {Signature: "left(string, n)", Description: "The first n characters of the string."},
	"right":          {Signature: "right(string, n)", Description: "The last n characters of the string."},
	"locate":         {Signature: "locate(string, substring [, start])", Description: "The 1-based position of substring in string, 0 if absent."},
	"replace":        {Signature: "replace(string, find, replaceWith)", Description: "The string with every find replaced."},
	"split":          {Signature: "split(string, delimiter, n)", Description: "The n-th part of the string cut at each delimiter."},
	"ltrim":          {Signature: "ltrim(string)", Description: "The string without leading blanks."},
	"rtrim":          {Signature: "rtrim(string)", Description: "The string without trailing blanks."},
	"contains":       {Signature: "contains(string, substring [, CASE_INSENSITIVE])", Description: "True when the string contains substring."},
	"startsWith":     {Signature: "startsWith(string, prefix [, CASE_INSENSITIVE])", Description: "True when the string starts with prefix."},
	"endsWith":       {Signature: "endsWith(string, suffix [, CASE_INSENSITIVE])", Description: "True when the string ends with suffix."},
	"nullIf":         {Signature: "nullIf(expression1, expression2)", Description: "Null when both are equal, else expression1."},
	"parseInt":       {Signature: "parseInt(string)", Description: "The string read as an integer, null if it is not one."},
	"parseDecimal":   {Signature: "parseDecimal(string)", Description: "The string read as a decimal, null if it is not one."},
	"intToDecimal":   {Signature: "intToDecimal(integer)", Description: "The integer as a decimal."},
	"decimalToInt":   {Signature: "decimalToInt(decimal)", Description: "The decimal without its fraction, as an integer."},
	"round":          {Signature: "round(decimal [, scale])", Description: "The number rounded to scale decimal places (0 by default)."},
	"floor":          {Signature: "floor(decimal)", Description: "The largest integer not above the number."},
	"ceil":           {Signature: "ceil(decimal)", Description: "The smallest integer not below the number."},
	"abs":            {Signature: "abs(number)", Description: "The absolute value of the number."},
	"truncDate":      {Signature: "truncDate('period', date)", Description: "The date cut down to the start of its YYYY, Q, MM, WK, DD, HH, MI or SS."},
	"extract":        {Signature: "extract('period', date)", Description: "One part of the date (YYYY, Q, MM, DD, WD, HH, MI, SS) as an integer."},
	"dateDiff":       {Signature: "dateDiff(fromDate, toDate [, 'period'])", Description: "The number of periods (days by default) from one date to the other."},
	"addDateTime":    {Signature: "addDateTime(amount, 'period', date)", Description: "The date moved by amount periods."},
	"now":            {Signature: "now()", Description: "The current date and time."},
	"epochDate":      {Signature: "epochDate(seconds)", Description: "The date of a count of seconds since 1970-01-01 UTC."},
	"formatDate":     {Signature: "formatDate(date [, 'format'])", Description: "The date as a string in the format (yyyy-MM-dd by default)."},
	"parseDate":      {Signature: "parseDate(string [, 'format'])", Description: "The string read as a date in the format, null if it is not one."},
	"isWorkDay":      {Signature: "isWorkDay(date)", Description: "True when the date is a Monday to Friday."},
	"netWorkDays":    {Signature: "netWorkDays(startDate, endDate)", Description: "The number of working days between the dates, both included."},
	"addWorkDays":    {Signature: "addWorkDays(date, days)", Description: "The date moved by a number of working days."},
	"sum":            {Signature: "sum(measure)", Description: "The sum of the values.", Aggregate: true},
	"avg":            {Signature: "avg(measure)", Description: "The average of the values.", Aggregate: true},
	"min":            {Signature: "min(measure)", Description: "The smallest value.", Aggregate: true},
	"max":            {Signature: "max(measure)", Description: "The largest value.", Aggregate: true},
	"count":          {Signature: "count(dimension)", Description: "The number of values that are not null.", Aggregate: true},
	"distinct_count": {Signature: "distinct_count(dimension)", Description: "The number of different values.", Aggregate: true},
	"median":         {Signature: "median(measure)", Description: "The middle value.", Aggregate: true},
	"percentile":     {Signature: "percentile(measure, n)", Description: "The n-th percentile, a value of the data (discrete): percentileDisc.", Aggregate: true},
	"percentileCont": {Signature: "percentileCont(measure, n)", Description: "The n-th percentile, interpolated (continuous).", Aggregate: true},
}

// Functions returns the reference of every function, in the language's
// order.
func Functions() []FunctionDoc {
	out := make([]FunctionDoc, 0, len(funcNames))
	for _, n := range funcNames {
		d := funcDocs[n]
		d.Name = n
		out = append(out, d)
	}
	return out
}
