package query

import (
	"math"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// overAggregates are the SQL aggregates of the *Over functions that are
// one window aggregate.
var overAggregates = map[string]string{
	"sumOver": "SUM", "avgOver": "AVG", "countOver": "COUNT", "minOver": "MIN", "maxOver": "MAX",
	"distinctCountOver": "", "stdevOver": "", "stdevpOver": "", "varOver": "", "varpOver": "",
}

var runningAggregates = map[string]string{
	"runningSum": "SUM", "runningAvg": "AVG", "runningCount": "COUNT", "runningMin": "MIN", "runningMax": "MAX",
	"windowSum": "SUM", "windowAvg": "AVG", "windowCount": "COUNT", "windowMin": "MIN", "windowMax": "MAX",
}

// windowSQL writes a table calculation over arg, partitioned by part and
// sorted by order (ORDER BY items) then ties. Percentiles over a
// partition need a rank and a count first: they come back as stage
// columns ("expr AS name") the expression reads, to be computed one
// query level below it.
func (cc *compilation) windowSQL(call expr.TableCalcCall, arg string, part, order, ties []string) (string, []string, error) {
	d := cc.d
	partition := ""
	if len(part) > 0 {
		partition = "PARTITION BY " + strings.Join(part, ", ")
	}
	over := func(orderBy []string, frame string) string {
		s := partition
		if len(orderBy) > 0 {
			s = strings.TrimSpace(s + " ORDER BY " + strings.Join(orderBy, ", "))
		}
		if frame != "" {
			s += " " + frame
		}
		return " OVER (" + s + ")"
	}
	sorted := append(append([]string(nil), order...), ties...)
	whole := over(nil, "")
	// Averages and spreads of integers in decimals (MySQL's AVG of
	// integers keeps four places).
	num := func(x string) string { return d.Cast(x, dialect.Decimal) }
	switch f := call.Func; f {
	case "sumOver", "avgOver", "countOver", "minOver", "maxOver":
		a := arg
		if f == "avgOver" {
			a = num(arg)
		}
		return overAggregates[f] + "(" + a + ")" + whole, nil, nil
	case "distinctCountOver":
		// The distinct values of a partition, counted by ranking them
		// both ways (engines lack COUNT(DISTINCT) as a window): a row's
		// dense ranks ascending and descending add up to the number of
		// distinct values plus one; NULL, one of them, does not count.
		asc := "DENSE_RANK()" + over([]string{d.OrderBy(arg, false)}, "")
		desc := "DENSE_RANK()" + over([]string{d.OrderBy(arg, true)}, "")
		nulls := "MAX(CASE WHEN " + arg + " IS NULL THEN 1 ELSE 0 END)" + whole
		return "(" + asc + " + " + desc + " - 1 - " + nulls + ")", nil, nil
	case "stdevOver", "stdevpOver", "varOver", "varpOver":
		n := "COUNT(" + arg + ")" + whole
		s := "SUM(" + num(arg) + ")" + whole
		ss := "SUM(" + num(arg) + " * " + num(arg) + ")" + whole
		denom := n
		if f == "stdevOver" || f == "varOver" {
			denom = "(" + n + " - 1)"
		}
		v := d.Div("("+ss+" - "+d.Div(s+" * "+s, n)+")", denom)
		if f == "varOver" || f == "varpOver" {
			return v, nil, nil
		}
		// Rounding can leave a zero variance a hair below zero.
		return "SQRT(CASE WHEN " + v + " < 0 THEN 0 ELSE " + v + " END)", nil, nil
	case "medianOver", "percentileOver", "percentileContOver", "percentileDiscOver":
		if pw, ok := d.(dialect.PercentileWindows); ok {
			// One window call: the same values as the ranks below.
			p := call.Fraction
			if f == "medianOver" {
				p = 0.5
			}
			if f == "percentileOver" || f == "percentileDiscOver" {
				return pw.PercentileDiscOver(arg, strconv.FormatInt(int64(math.Round(p*1e6)), 10)) + whole, nil, nil
			}
			return pw.PercentileContOver(num(arg), strconv.FormatFloat(p, 'g', -1, 64)) + whole, nil, nil
		}
		k := strconv.Itoa(cc.stageSeq)
		cc.stageSeq++
		rn := cc.d.QuoteIdent("sg_rn" + k)
		cnt := cc.d.QuoteIdent("sg_n" + k)
		stage := []string{
			"ROW_NUMBER()" + over([]string{"CASE WHEN " + arg + " IS NULL THEN 1 ELSE 0 END", d.OrderBy(arg, false)}, "") + " AS " + rn,
			"COUNT(" + arg + ")" + whole + " AS " + cnt,
		}
		rn, cnt = "ds."+rn, "ds."+cnt
		p := call.Fraction
		if f == "medianOver" {
			p = 0.5
		}
		ps := strconv.FormatFloat(p, 'g', -1, 64)
		if f == "percentileOver" || f == "percentileDiscOver" {
			// The value of the first rank r with r >= p·n, in whole
			// numbers (p in millionths) so every engine picks the same.
			pm := strconv.FormatInt(int64(math.Round(p*1e6)), 10)
			hit := "(" + rn + " * 1000000 >= " + pm + " * " + cnt + " AND (" + rn + " = 1 OR (" + rn + " - 1) * 1000000 < " + pm + " * " + cnt + "))"
			return "MAX(CASE WHEN " + hit + " THEN " + arg + " END)" + whole, stage, nil
		}
		// Linear interpolation between the ranks around 1 + p·(n−1).
		pos := "(1 + " + ps + " * (" + cnt + " - 1))"
		lo := d.Floor(pos)
		frac := "(" + pos + " - " + lo + ")"
		return "SUM(CASE WHEN " + rn + " = " + lo + " THEN " + num(arg) + " * (1 - " + frac + ") WHEN " + rn + " = " + lo + " + 1 THEN " + num(arg) + " * " + frac + " END)" + whole, stage, nil
	case "runningSum", "runningAvg", "runningCount", "runningMin", "runningMax":
		a := arg
		if f == "runningAvg" {
			a = num(arg)
		}
		return runningAggregates[f] + "(" + a + ")" + over(sorted, "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"), nil, nil
	case "windowSum", "windowAvg", "windowCount", "windowMin", "windowMax":
		a := arg
		if f == "windowAvg" {
			a = num(arg)
		}
		frame := "ROWS BETWEEN " + strconv.Itoa(call.Start) + " PRECEDING AND " + strconv.Itoa(call.End) + " FOLLOWING"
		return runningAggregates[f] + "(" + a + ")" + over(sorted, frame), nil, nil
	case "firstValue", "lastValue":
		fn := "FIRST_VALUE"
		if f == "lastValue" {
			fn = "LAST_VALUE"
		}
		return fn + "(" + arg + ")" + over(sorted, "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"), nil, nil
	case "rank":
		return "RANK()" + over(order, ""), nil, nil
	case "denseRank":
		return "DENSE_RANK()" + over(order, ""), nil, nil
	case "percentileRank":
		return d.Div("((RANK()"+over(order, "")+" - 1) * 100)", "COUNT(*)"+whole), nil, nil
	case "lag", "lead", "difference", "percentDifference":
		k := call.Offset
		fn := "LEAD"
		if f == "lag" {
			fn = "LAG"
		}
		if k < 0 {
			k = -k
			if fn == "LAG" {
				fn = "LEAD"
			} else {
				fn = "LAG"
			}
		}
		ref := fn + "(" + arg + ", " + strconv.Itoa(k) + ")" + over(sorted, "")
		switch f {
		case "difference":
			return "(" + ref + " - " + arg + ")", nil, nil
		case "percentDifference":
			return d.Div("(("+arg+" - "+ref+") * 100)", ref), nil, nil
		}
		return ref, nil, nil
	case "percentOfTotal":
		return d.Div("("+arg+" * 100)", "SUM("+arg+")"+whole), nil, nil
	}
	return "", nil, calcError(call, "%s is not supported yet", call.Func)
}
