package query

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/expr"
)

// Table calculations follow QuickSight's plan: the visual's question is
// aggregated first (GROUP BY its dimensions), then the calculations run
// as window functions over that result, and filters on them apply last:
//
//	SELECT o.c1, … FROM (
//	  SELECT t.g0 AS c1, …, <measures over t> AS cK, <table-calculation filters> AS f0, …
//	  FROM (SELECT <dims> AS g0, …, <aggregates> AS a0, … FROM (<relation>) AS ds WHERE … GROUP BY …) AS t
//	  WHERE <aggregated filters>
//	) AS o WHERE o.f0 AND … ORDER BY … LIMIT …
//
// (without filters on table calculations, the middle level alone).
//
// In that mode every aggregate of the question is a column of t (the
// compiler's Aggregate hook registers it), so arithmetic mixing
// aggregates and table calculations is plain SQL over t.
//
// PRE_FILTER and PRE_AGG calculations are window functions over the
// dataset's rows instead: columns added to the relation (prewindow.go).

// tableCalc is the compiler's TableCalc hook.
func (cc *compilation) tableCalc(c *expr.Compiler, call expr.TableCalcCall) (string, expr.Kind, error) {
	if cc.inline {
		return "", 0, calcError(call, "a top or bottom filter cannot rank by a table calculation")
	}
	if over, ok := levelAwareOver[call.Func]; ok {
		// sum({x}, [dims]): the aggregate over the rows of each
		// combination of dims, after the filters.
		call.Func = over
		return cc.rowOver(call, true)
	}
	if call.Arg != nil && call.Arg.Kind == expr.Window && call.Level != expr.PostAggFilter {
		return "", 0, calcError(call, "%s at the %s level runs over the dataset's rows, before any table calculation: its measure cannot be one", call.Func, call.Level)
	}
	switch call.Level {
	case expr.PreAgg, expr.PreFilter:
		sql, err := cc.preWindow(call)
		return sql, expr.Row, err
	}
	if call.Arg != nil && call.Arg.Kind == expr.Row {
		if _, ok := overAggregates[call.Func]; ok || isPercentileOver(call.Func) {
			return cc.rowOver(call, false)
		}
		return "", 0, calcError(call, "%s needs an aggregated measure such as sum({field}) at the POST_AGG_FILTER level", call.Func)
	}
	if call.Arg != nil && call.Arg.Kind == expr.Window && cc.tablecalc {
		// A table calculation of a table calculation (tclayers.go).
		arg := *call.Arg
		var err error
		if arg.SQL, err = cc.layer(call, arg.SQL); err != nil {
			return "", 0, err
		}
		call.Arg = &arg
	}
	if isPeriodOverPeriod(call.Func) {
		return cc.periodOverPeriod(call)
	}
	if running, ok := expr.PeriodToDateOverTime(call.Func); ok {
		return cc.periodToDateOverTime(call, running)
	}
	part, err := cc.postItems(call, call.Partition, false)
	if err != nil {
		return "", 0, err
	}
	order, err := cc.postItems(call, call.Order, true)
	if err != nil {
		return "", 0, err
	}
	if !cc.tablecalc {
		cc.needsTableCalc = true
		return "NULL", expr.Window, nil
	}
	arg := ""
	if call.Arg != nil {
		arg = call.Arg.SQL
	}
	// Ties in the sort break on the visual's dimensions, so the rows a
	// running or lookup calculation reads are the same on every engine.
	var ties []string
	for i := range cc.dimRaw {
		tie := cc.d.OrderBy(cc.tcDim(i), false)
		if !slices.Contains(order, tie) && !slices.Contains(order, cc.d.OrderBy(cc.tcDim(i), true)) {
			ties = append(ties, tie)
		}
	}
	sql, stage, err := cc.windowSQL(call, arg, part, order, ties)
	if err != nil {
		return "", 0, err
	}
	if len(stage) > 0 {
		// Percentiles over the aggregated rows: their rank and count
		// columns are computed a layer below (tclayers.go).
		if sql, err = cc.layerStage(call, sql, stage); err != nil {
			return "", 0, err
		}
	}
	return sql, expr.Window, nil
}

// groupAggregates are the aggregates equal to an *Over function whose
// partition is the group.
var groupAggregates = map[string]string{
	"sumOver": "sum", "avgOver": "avg", "countOver": "count", "minOver": "min", "maxOver": "max",
	"distinctCountOver": "distinct_count", "medianOver": "median", "percentileContOver": "percentile",
}

// levelAwareOver maps the level-aware aggregations to the *Over
// function computing the same over the rows of a partition.
var levelAwareOver = map[string]string{
	"sum": "sumOver", "avg": "avgOver", "count": "countOver", "min": "minOver", "max": "maxOver", "distinct_count": "distinctCountOver",
}

func isPercentileOver(f string) bool {
	switch f {
	case "medianOver", "percentileOver", "percentileContOver", "percentileDiscOver":
		return true
	}
	return false
}

// calcError is an expression error at the call naming what cannot be
// computed.
func calcError(call expr.TableCalcCall, format string, args ...any) error {
	return &expr.Error{Pos: call.At, Msg: fmt.Sprintf(format, args...)}
}

// dimIndex is the visual dimension a partition or sort item stands for:
// the same field, or the same expression; -1 when none.
func (cc *compilation) dimIndex(it expr.WindowItem) int {
	for i, f := range cc.dimFields {
		if it.Field != "" && it.Field == f {
			return i
		}
	}
	for i, raw := range cc.dimRaw {
		if it.Value.SQL == raw || it.Value.SQL == cc.dimSQL[i] {
			return i
		}
	}
	return -1
}

// tcDim is dimension i as a column of the aggregated rows t.
func (cc *compilation) tcDim(i int) string {
	return "t." + cc.d.QuoteIdent("g"+strconv.Itoa(i))
}

// postItems maps the partition or sort items of a POST_AGG_FILTER
// calculation to columns of the aggregated rows: a dimension of the
// visual, or (sort only) an aggregate.
func (cc *compilation) postItems(call expr.TableCalcCall, items []expr.WindowItem, sort bool) ([]string, error) {
	var out []string
	for _, it := range items {
		var sql string
		switch {
		case it.Value.Kind == expr.Constant:
			continue
		case it.Value.Kind == expr.Aggregate && sort:
			sql = it.Value.SQL
		case it.Value.Kind == expr.Window && sort:
			// Sorted by another table calculation (tclayers.go).
			if !cc.tablecalc {
				continue
			}
			var err error
			if sql, err = cc.layer(call, it.Value.SQL); err != nil {
				return nil, err
			}
		default:
			i := cc.dimIndex(it)
			if i < 0 {
				what := "partition"
				if sort {
					what = "sort"
				}
				return nil, &expr.Error{Pos: it.At, Msg: fmt.Sprintf("%s: the %s field %s is not a dimension of the visual", call.Func, what, itemName(it))}
			}
			sql = cc.tcDim(i)
		}
		if sort {
			sql = cc.d.OrderBy(sql, it.Desc)
		}
		out = append(out, sql)
	}
	return out, nil
}

func itemName(it expr.WindowItem) string {
	if it.Field != "" {
		return strconv.Quote(it.Field)
	}
	return "expression"
}

// rowOver computes an *Over function (or a level-aware aggregation) of
// an unaggregated measure at the POST_AGG_FILTER level: the aggregate
// over all the rows of each partition, after the filters. Each of the
// visual's groups lies in one partition when the partition fields are
// dimensions of the visual, so the group reads its partition's value.
func (cc *compilation) rowOver(call expr.TableCalcCall, levelAware bool) (string, expr.Kind, error) {
	if call.Arg == nil || call.Arg.Kind > expr.Row {
		return "", 0, calcError(call, "%s over [fields] needs an unaggregated measure", call.Func)
	}
	covered := map[int]bool{}
	part := make([]expr.WindowItem, len(call.Partition))
	for k, it := range call.Partition {
		i := cc.dimIndex(it)
		if i < 0 {
			if levelAware {
				return "", 0, &expr.Error{Pos: it.At, Msg: fmt.Sprintf("a level-aware aggregation over %s is supported only when that field is a dimension of the visual", itemName(it))}
			}
			return "", 0, &expr.Error{Pos: it.At, Msg: fmt.Sprintf("%s: the partition field %s is not a dimension of the visual", call.Func, itemName(it))}
		}
		// The partition is the dimension as the visual groups it (a
		// date at its granularity).
		covered[i] = true
		part[k] = it
		part[k].Value.SQL = cc.dimSQL[i]
	}
	call.Partition = part
	if agg, ok := groupAggregates[call.Func]; ok && len(covered) == len(cc.dimSQL) {
		// Partitioned by every dimension: each group is its own
		// partition, and the calculation is the plain aggregate.
		sql, err := cc.c.AggregateSQL(cc.groupAggregate(call, agg))
		if err != nil {
			return "", 0, err
		}
		return sql, expr.Aggregate, nil
	}
	if agg, ok := groupAggregates[call.Func]; ok && ((agg != "median" && agg != "percentile") || cc.d.OrderedSetPercentile()) {
		// Partitioned by some of the dimensions: the aggregate of each
		// partition, grouped apart and joined to the visual's groups
		// (partitionjoin.go), not a window over every row.
		return cc.partitionJoin(call, agg, covered)
	}
	call.Level = expr.PreAgg
	col, err := cc.preWindow(call)
	if err != nil {
		return "", 0, err
	}
	sql, err := cc.c.AggregateSQL(expr.AggregateCall{Func: "max", Arg: expr.Value{SQL: col, Type: call.Type, Kind: expr.Row}})
	if err != nil {
		return "", 0, err
	}
	return sql, expr.Aggregate, nil
}

// tableCalcSelect writes the two outer levels of table-calculation mode
// (see the package comment above) around the aggregated rows.
func (cc *compilation) tableCalcSelect(dims, measures []selected, where, having, tcFilters []string, relation string) string {
	d := cc.d
	var inner strings.Builder
	inner.WriteString("SELECT ")
	var items []string
	for i, dim := range dims {
		items = append(items, dim.sql+" AS "+d.QuoteIdent("g"+strconv.Itoa(i)))
	}
	for k, a := range cc.tcAggs {
		items = append(items, a+" AS "+d.QuoteIdent("a"+strconv.Itoa(k)))
	}
	if len(items) == 0 {
		items = append(items, "1 AS "+d.QuoteIdent("one"))
	}
	inner.WriteString(strings.Join(items, ", "))
	inner.WriteString(" FROM (" + relation + ") AS ds")
	writeWhere(&inner, where)
	if len(dims) > 0 {
		inner.WriteString(" GROUP BY ")
		for i := range dims {
			if i > 0 {
				inner.WriteString(", ")
			}
			inner.WriteString(strconv.Itoa(i + 1))
		}
	}

	var win strings.Builder
	win.WriteString("SELECT ")
	n := 0
	var cols []string
	add := func(sql string) {
		n++
		c := d.QuoteIdent("c" + strconv.Itoa(n))
		cols = append(cols, "o."+c)
		win.WriteString(sql + " AS " + c)
	}
	for i := range dims {
		if i > 0 {
			win.WriteString(", ")
		}
		add(cc.tcDim(i))
	}
	for i, m := range measures {
		if i > 0 || len(dims) > 0 {
			win.WriteString(", ")
		}
		add(m.sql)
	}
	var conds []string
	for i, f := range tcFilters {
		name := d.QuoteIdent("f" + strconv.Itoa(i))
		win.WriteString(", " + f + " AS " + name)
		conds = append(conds, "o."+name)
	}
	rel, filtered := cc.layered(inner.String(), having, where, relation)
	if cc.joinsInBase() {
		head := cc.fromBase(win.String())
		win.Reset()
		win.WriteString(head)
	}
	win.WriteString(" FROM (" + rel + ") AS t")
	if !cc.joinsInBase() {
		cc.writeJoins(&win, where, relation)
	}
	cc.writePeriodJoins(&win, rel)
	if !filtered {
		writeWhere(&win, having)
	}
	if len(conds) == 0 {
		// No filter on a table calculation: the window level is the
		// question's (a level more costs SQLite a copy and a sort).
		return strings.TrimPrefix(win.String(), "SELECT ")
	}
	return strings.Join(cols, ", ") + " FROM (" + win.String() + ") AS o" + whereClause(conds)
}

func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}
