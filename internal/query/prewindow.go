package query

import (
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// relationMarker stands for the dataset's relation in the SQL a
// question is built from until the PRE_FILTER and PRE_AGG window columns
// are known; then it becomes the relation with those columns. No text
// of a question can contain it: nothing of a question is copied into SQL.
const relationMarker = "\x01relation\x01"

// preColumn is a window function over the dataset's rows, a column added
// to the relation: PRE_FILTER columns see every row, PRE_AGG columns the
// rows the filters keep. stage holds the rank and count columns a
// percentile reads, computed one level below.
type preColumn struct {
	level string
	name  string
	sql   string
	stage []string
	// An *Over aggregate is its partition's aggregate joined to the rows
	// instead of a window (which engines compute by sorting every row):
	// agg over the rows grouped by keys.
	agg  string
	keys []string
}

// preWindow registers a PRE_FILTER or PRE_AGG calculation and returns
// its column.
func (cc *compilation) preWindow(call expr.TableCalcCall) (string, error) {
	var arg string
	if call.Arg != nil {
		if call.Arg.Kind > expr.Row {
			return "", calcError(call, "%s at the %s level needs an unaggregated measure", call.Func, call.Level)
		}
		arg = call.Arg.SQL
	}
	var part, order []string
	for _, it := range call.Partition {
		if it.Value.Kind > expr.Row {
			return "", &expr.Error{Pos: it.At, Msg: call.Func + ": at the " + call.Level + " level the partition fields are unaggregated"}
		}
		if it.Value.Kind == expr.Row {
			part = append(part, it.Value.SQL)
		}
	}
	for _, it := range call.Order {
		if it.Value.Kind > expr.Row {
			return "", &expr.Error{Pos: it.At, Msg: call.Func + ": at the " + call.Level + " level the sort fields are unaggregated"}
		}
		if it.Value.Kind == expr.Row {
			order = append(order, cc.d.OrderBy(it.Value.SQL, it.Desc))
		}
	}
	// A window column reads the columns below it, never one of its own
	// level.
	own := "sg_pa"
	if call.Level == expr.PreFilter {
		own = "sg_p"
	}
	for _, s := range append([]string{arg}, append(part, order...)...) {
		if strings.Contains(s, own) {
			return "", calcError(call, "%s at the %s level cannot read another %s calculation yet", call.Func, call.Level, call.Level)
		}
	}
	prefix := "sg_pa"
	if call.Level == expr.PreFilter {
		prefix = "sg_pf"
	}
	name := cc.d.QuoteIdent(prefix + strconv.Itoa(len(cc.pre)))
	if agg, ok := groupAggregates[call.Func]; ok && (agg != "median" && agg != "percentile" || cc.d.OrderedSetPercentile()) {
		sql, err := cc.c.InlineAggregate(cc.groupAggregate(call, agg))
		if err != nil {
			return "", calcError(call, "%s", err.Error())
		}
		alias := "pj" + strconv.Itoa(len(cc.pre))
		cc.pre = append(cc.pre, preColumn{level: call.Level, name: name, sql: alias + "." + cc.d.QuoteIdent("v"), agg: sql, keys: part})
		return "ds." + name, nil
	}
	sql, stage, err := cc.windowSQL(call, arg, part, order, nil)
	if err != nil {
		return "", err
	}
	cc.pre = append(cc.pre, preColumn{level: call.Level, name: name, sql: sql, stage: stage})
	return "ds." + name, nil
}

// withPreWindows replaces the relation marker in sqlText with the
// relation and its window columns: PRE_FILTER columns over every row,
// then PRE_AGG columns over the rows rowFilters keep (the question
// applies its filters again above; they keep the same rows).
func (cc *compilation) withPreWindows(sqlText string, rowFilters []string) string {
	rel := dialect.Arg(0)
	for _, level := range []string{expr.PreFilter, expr.PreAgg} {
		var stage, cols []string
		var joins strings.Builder
		for i, p := range cc.pre {
			if p.level == level {
				stage = append(stage, p.stage...)
				cols = append(cols, p.sql+" AS "+p.name)
				if p.agg != "" {
					var filters []string
					if level == expr.PreAgg {
						filters = rowFilters
					}
					cc.writePreJoin(&joins, i, p, rel, filters)
				}
			}
		}
		if len(cols) == 0 {
			continue
		}
		var where []string
		if level == expr.PreAgg {
			where = rowFilters
		}
		if len(stage) > 0 {
			rel = "SELECT ds.*, " + strings.Join(stage, ", ") + " FROM (" + rel + ") AS ds" + whereClause(where)
			where = nil
		}
		rel = "SELECT ds.*, " + strings.Join(cols, ", ") + " FROM (" + rel + ") AS ds" + joins.String() + whereClause(where)
	}
	return strings.ReplaceAll(sqlText, relationMarker, rel)
}

// preAggInputFilters are the row filters a PRE_AGG calculation sees:
// those not on a PRE_AGG calculation. QuickSight's order of evaluation
// applies the analysis's row filters, then computes PRE_AGG
// calculations, then applies the filters on them, then top/bottom
// filters; the question's WHERE holds them all, over the relation whose
// PRE_AGG columns were computed under these.
func preAggInputFilters(where []string) []string {
	var out []string
	for _, w := range where {
		if !strings.Contains(w, "sg_pa") {
			out = append(out, w)
		}
	}
	return out
}

// writePreJoin writes the join of a partition aggregate to the rows of
// rel: the aggregate of the rows (those filters keeps) grouped by the
// partition, matched on the partition's values, NULL matching NULL.
func (cc *compilation) writePreJoin(b *strings.Builder, i int, p preColumn, rel string, filters []string) {
	d := cc.d
	alias := "pj" + strconv.Itoa(i)
	var items, on []string
	for k, key := range p.keys {
		name := d.QuoteIdent("k" + strconv.Itoa(k))
		items = append(items, key+" AS "+name)
		on = append(on, nullSafeEqual(d.Name(), key, alias+"."+name))
	}
	items = append(items, p.agg+" AS "+d.QuoteIdent("v"))
	b.WriteString(" LEFT JOIN (SELECT " + strings.Join(items, ", ") + " FROM (" + rel + ") AS ds" + whereClause(filters))
	if len(p.keys) > 0 {
		b.WriteString(" GROUP BY ")
		for k := range p.keys {
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
