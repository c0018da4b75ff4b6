package query

import (
	"sort"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// partitionAggregate is an unaggregated *Over calculation (or a
// level-aware aggregation) partitioned by some of the visual's
// dimensions: the aggregate grouped by those dimensions, over the rows
// the filters keep, joined to the visual's groups. One grouping of the
// rows instead of a window over every row, which engines sort.
type partitionAggregate struct {
	keys []int  // the dimensions partitioning it
	sql  string // the aggregate over ds
}

// partitionJoin registers the partition aggregate of call and returns
// its value on the aggregated rows.
func (cc *compilation) partitionJoin(call expr.TableCalcCall, agg string, covered map[int]bool) (string, expr.Kind, error) {
	if !cc.tablecalc {
		cc.needsTableCalc = true
		return "NULL", expr.Window, nil
	}
	sql, err := cc.c.InlineAggregate(cc.groupAggregate(call, agg))
	if err != nil {
		return "", 0, calcError(call, "%s", err.Error())
	}
	var keys []int
	for i := range covered {
		keys = append(keys, i)
	}
	sort.Ints(keys)
	cc.tcJoins = append(cc.tcJoins, partitionAggregate{keys: keys, sql: sql})
	return "p" + strconv.Itoa(len(cc.tcJoins)-1) + "." + cc.d.QuoteIdent("v"), expr.Window, nil
}

// writeJoins writes the partition aggregates' joins to the aggregated
// rows t.
func (cc *compilation) writeJoins(b *strings.Builder, where []string, relation string) {
	d := cc.d
	for n, j := range cc.tcJoins {
		alias := "p" + strconv.Itoa(n)
		var items, on []string
		for k, i := range j.keys {
			key := d.QuoteIdent("k" + strconv.Itoa(k))
			items = append(items, cc.dimSQL[i]+" AS "+key)
			on = append(on, nullSafeEqual(d.Name(), cc.tcDim(i), alias+"."+key))
		}
		items = append(items, j.sql+" AS "+d.QuoteIdent("v"))
		b.WriteString(" LEFT JOIN (SELECT " + strings.Join(items, ", ") + " FROM (" + relation + ") AS ds")
		writeWhere(b, where)
		if len(j.keys) > 0 {
			b.WriteString(" GROUP BY ")
			for k := range j.keys {
				if k > 0 {
					b.WriteString(", ")
				}
				b.WriteString(strconv.Itoa(k + 1))
			}
		}
		b.WriteString(") AS " + alias + " ON ")
		if len(on) == 0 {
			b.WriteString("1 = 1")
		} else {
			b.WriteString(strings.Join(on, " AND "))
		}
	}
}

// nullSafeEqual is a = b, true also when both are NULL (a group of NULL
// values matches its partition), in the form each engine can hash.
func nullSafeEqual(dialectName, a, b string) string {
	switch dialectName {
	case "sqlite":
		return a + " IS " + b
	case "mysql":
		return a + " <=> " + b
	}
	return a + " IS NOT DISTINCT FROM " + b
}

// groupAggregate is the aggregate call computing call over a group.
func (cc *compilation) groupAggregate(call expr.TableCalcCall, agg string) expr.AggregateCall {
	ac := expr.AggregateCall{Func: agg, Arg: *call.Arg}
	switch agg {
	case "avg":
		// In decimals: MySQL's AVG of integers keeps four places.
		ac.Arg.SQL = cc.d.Cast(ac.Arg.SQL, dialect.Decimal)
	case "median":
		ac.Fraction = 0.5
	case "percentile":
		ac.Fraction = call.Fraction
	}
	return ac
}
