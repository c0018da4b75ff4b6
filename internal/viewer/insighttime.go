package viewer

import (
	"math"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query"
)

// Computations over the periods of a time field: the highest or lowest
// period, the latest period against the one before, against a target, to
// date, and the compounded growth rate. SQL aggregates by period (latest
// first, or by value for the highest and lowest); a period without a
// date is never one of them.

// maxMin writes "Highest month is Nov 2014 with sales of 112,326."
func (a *insightAsk) maxMin(c *maxMinComputation) (string, error) {
	tm, tok := a.dim(c.Time, "")
	val, calc, name, vok := a.measure(c.Value, "__v")
	if !tok || !vok {
		return missing("Maximum and minimum", "a Time and a Value"), nil
	}
	low := c.Type == "MINIMUM"
	a.putTime(tm)
	a.putMetric("metricField", val, name)
	res, err := a.ask([]field{tm}, []field{val}, calc, maxMinSort(tm, val, low), insightLimit)
	if err != nil {
		return "", err
	}
	word := "Highest "
	if low {
		word = "Lowest "
	}
	for _, row := range res.Rows {
		if v, ok := number(row[1]); ok && row[0] != nil {
			return word + periodWord(tm) + " is " + fieldText(row[0], res.Columns[0], tm) + " with " + name + " of " + val.text(v) + ".", nil
		}
	}
	if len(res.Rows) >= insightLimit {
		return "", errInsightTooMany
	}
	return "No " + periodWord(tm) + " has a value of " + name + ".", nil
}

// maxMinSort orders the periods of a maximum (low false) or minimum
// computation: by the value, then by the period.
func maxMinSort(tm, val field, low bool) []query.Sort {
	return []query.Sort{{ID: val.id, Descending: !low}, {ID: tm.id}}
}

// latestSort orders periods latest first; the question of the latest n
// periods keeps n+1 rows (a period without a date may be among them).
func latestSort(tm field) []query.Sort { return []query.Sort{{ID: tm.id, Descending: true}} }

// latest asks the latest n periods of the time field with the measures,
// latest first.
func (a *insightAsk) latest(tm field, vals []field, calc []query.CalculatedField, n int) (*Result, []any, [][]any, error) {
	res, err := a.ask([]field{tm}, vals, calc, latestSort(tm), n+1)
	if err != nil {
		return nil, nil, nil, err
	}
	periods, rows, _ := latestPeriods(res, n)
	return res, periods, rows, nil
}

// periodOverPeriod writes the change of the value from the period before
// the latest to the latest.
func (a *insightAsk) periodOverPeriod(c *periodOverPeriodComputation) (string, error) {
	tm, tok := a.dim(c.Time, "")
	val, calc, name, vok := a.measure(c.Value, "__v")
	if !tok || !vok {
		return missing("Period over period", "a Time and a Value"), nil
	}
	a.putTime(tm)
	a.putMetric("metricField", val, name)
	res, periods, rows, err := a.latest(tm, []field{val}, calc, 2)
	if err != nil {
		return "", err
	}
	if len(periods) < 2 {
		return "There are not two " + periodWord(tm) + "s of " + name + " to compare yet.", nil
	}
	cur, cok := number(rows[0][1])
	prev, pok := number(rows[1][1])
	curP, prevP := fieldText(periods[0], res.Columns[0], tm), fieldText(periods[1], res.Columns[0], tm)
	if !cok || !pok {
		return name + " has no value for " + curP + " or " + prevP + ".", nil
	}
	a.putValue("previousMetricValue", val, prev)
	a.put("previousTimeValue.formattedValue", prevP)
	a.putValue("currentMetricValue", val, cur)
	a.put("currentTimeValue.formattedValue", curP)
	a.putValue("absoluteDifference", val, cur-prev)
	if prev != 0 {
		a.putPercent("percentDifference", (cur-prev)/math.Abs(prev))
	}
	return name + " for " + curP + " " + change(val, prev, cur) + " compared to " + prevP + ".", nil
}

// change describes a change from prev to cur: "increased by 12.5% (from
// 800 to 900)".
func change(val field, prev, cur float64) string {
	if cur == prev {
		return "did not change (" + val.text(cur) + ")"
	}
	dir := "increased"
	if cur < prev {
		dir = "decreased"
	}
	by := val.text(math.Abs(cur - prev))
	if prev != 0 {
		by = formatNumber(math.Abs(cur-prev)/math.Abs(prev)*100) + "%"
	}
	return dir + " by " + by + " (from " + val.text(prev) + " to " + val.text(cur) + ")"
}

// metricComparison writes the latest period's value against its target.
func (a *insightAsk) metricComparison(c *comparisonComputation) (string, error) {
	tm, tok := a.dim(c.Time, "")
	from, fcalc, fname, fok := a.measure(c.FromValue, "__from")
	to, tcalc, tname, took := a.measure(c.TargetValue, "__target")
	if !tok || !fok || !took {
		return missing("Metric comparison", "a Time, a FromValue and a TargetValue"), nil
	}
	a.putTime(tm)
	a.putMetric("fromMetricField", from, fname)
	a.putMetric("toMetricField", to, tname)
	res, periods, rows, err := a.latest(tm, []field{from, to}, append(fcalc, tcalc...), 1)
	if err != nil {
		return "", err
	}
	if len(periods) == 0 {
		return "No " + periodWord(tm) + " has " + fname + " yet.", nil
	}
	p := fieldText(periods[0], res.Columns[0], tm)
	v, vok := number(rows[0][1])
	t, ok := number(rows[0][2])
	if !vok || !ok {
		return fname + " or " + tname + " has no value for " + p + ".", nil
	}
	a.putValue("fromMetricValue", from, v)
	a.putValue("toMetricValue", to, t)
	s := "For " + p + ", " + fname + " is " + from.text(v)
	switch {
	case t == 0 || v == t:
		s += " against " + tname + " of " + to.text(t)
	case v > t:
		s += ", " + formatNumber((v-t)/math.Abs(t)*100) + "% above " + tname + " of " + to.text(t)
	default:
		s += ", " + formatNumber((t-v)/math.Abs(t)*100) + "% below " + tname + " of " + to.text(t)
	}
	return s + ".", nil
}

// periodToDate writes the value of the latest period of the computation's
// granularity (YEAR by default): the rows from its start to the latest
// date in the data.
func (a *insightAsk) periodToDate(c *periodToDateComputation) (string, error) {
	gran, ok := c.granularity()
	if !ok {
		return "", refusal("PeriodToDate with PeriodTimeGranularity " + strconv.Quote(gran))
	}
	tm, tok := a.dim(c.Time, gran)
	val, calc, name, vok := a.measure(c.Value, "__v")
	if !tok || !vok {
		return missing("Period to date", "a Time and a Value"), nil
	}
	a.putTime(tm)
	a.putMetric("metricField", val, name)
	res, periods, rows, err := a.latest(tm, []field{val}, calc, 1)
	if err != nil {
		return "", err
	}
	if len(periods) == 0 {
		return "No " + periodWord(tm) + " has " + name + " yet.", nil
	}
	word := strings.ToUpper(periodWord(tm)[:1]) + periodWord(tm)[1:]
	v, ok := number(rows[0][1])
	if !ok {
		return word + "-to-date " + name + " has no value.", nil
	}
	return word + "-to-date " + name + " for " + fieldText(periods[0], res.Columns[0], tm) + " is " + val.text(v) + ".", nil
}

// growthRate writes the compounded growth rate over the latest
// PeriodSize periods (3 by default): (last / first)^(1 / (PeriodSize −
// 1)) − 1, first being the value PeriodSize − 1 periods before the last.
func (a *insightAsk) growthRate(c *growthComputation) (string, error) {
	tm, tok := a.dim(c.Time, "")
	val, calc, name, vok := a.measure(c.Value, "__v")
	if !tok || !vok {
		return missing("Growth rate", "a Time and a Value"), nil
	}
	a.putTime(tm)
	a.putMetric("metricField", val, name)
	n := c.periods()
	_, periods, rows, err := a.latest(tm, []field{val}, calc, n)
	if err != nil {
		return "", err
	}
	what := "The " + strconv.Itoa(n) + "-" + periodWord(tm) + " compounded growth rate for " + name
	if len(periods) < n {
		return what + " needs " + strconv.Itoa(n) + " " + periodWord(tm) + "s of data.", nil
	}
	last, lok := number(rows[0][1])
	first, fok := number(rows[n-1][1])
	if !lok || !fok || first <= 0 || last < 0 {
		return what + " cannot be computed: it needs positive values.", nil
	}
	rate := (math.Pow(last/first, 1/float64(n-1)) - 1) * 100
	return what + " is " + formatNumber(rate) + "%.", nil
}

// granularity is the period a period-to-date computation sums (YEAR by
// default); false for one the viewer does not know.
func (c *periodToDateComputation) granularity() (string, bool) {
	gran := c.PeriodTimeGranularity
	if gran == "" {
		gran = "YEAR"
	}
	_, ok := timeGranularity(gran)
	return gran, ok
}

// periods is the number of periods a growth rate spans (3 by default, at
// least 2).
func (c *growthComputation) periods() int { return max(size(c.PeriodSize, 3), 2) }
