package query

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// Compile turns a question over a relation (a SELECT of dialect d whose
// columns are cols, with its own arguments) into parameterised SQL:
//
//	SELECT dims, AGG(m) FROM (<relation>) AS ds WHERE … GROUP BY … HAVING … ORDER BY … LIMIT …
//
// Identifiers resolve against cols and the question's calculated fields;
// nothing from q is interpolated into SQL text. Engines without
// PERCENTILE_CONT compute MEDIAN and PERCENTILE with window functions in
// two nested queries. Errors are *sg.Error EINVALID naming the member.
func Compile(q *Question, relationSQL string, relationArgs []any, cols []dataset.Column, d dialect.Dialect) (*Compiled, error) {
	cc := newCompilation(q, cols, d, false)
	out, err := cc.build(relationSQL, relationArgs)
	switch {
	case err == nil && cc.needsTableCalc:
		// Table calculations: aggregate, then window (tablecalc.go).
		cc = newCompilation(q, cols, d, false)
		cc.tablecalc = true
		out, err = cc.build(relationSQL, relationArgs)
	case err == nil && cc.needsWindow:
		cc = newCompilation(q, cols, d, true)
		out, err = cc.build(relationSQL, relationArgs)
	}
	return out, err
}

// compilation is the state of one Compile.
type compilation struct {
	q        *Question
	d        dialect.Dialect
	cols     map[string]dataset.Column
	calc     map[string]string
	parsed   map[string]expr.Node
	visiting map[string]bool
	sizes    *expr.Sizer
	c        *expr.Compiler

	window      bool // computing percentiles with window functions
	needsWindow bool // a percentile was met without window mode
	inline      bool // compiling the top/bottom subquery: aggregates inline
	aggArgs     []string
	pctAggs     []int // indexes into aggArgs that need rank and count columns

	// Table calculations (tablecalc.go, prewindow.go).
	tablecalc      bool // aggregates are columns of t, table calculations window over t
	needsTableCalc bool // a table calculation was met outside tablecalc mode
	tcAggs         []string
	tcJoins        []partitionAggregate
	tcLayers       []tcLayer    // nested table calculations (tclayers.go)
	periodJoins    []periodJoin // periodOverPeriod* by another period (periodjoin.go)
	pre            []preColumn
	stageSeq       int
	dimFields      []string              // the question's dimensions: field names,
	dimRaw         []string              // their SQL before any date granularity,
	dimSQL         []string              // and after
	dimGran        []dialect.Granularity // their date granularity, if any
	filterKind     expr.Kind
}

func newCompilation(q *Question, cols []dataset.Column, d dialect.Dialect, window bool) *compilation {
	cc := &compilation{
		q: q, d: d, window: window,
		cols:     make(map[string]dataset.Column, len(cols)),
		calc:     make(map[string]string, len(q.CalculatedFields)),
		parsed:   map[string]expr.Node{},
		visiting: map[string]bool{},
	}
	for _, c := range cols {
		cc.cols[c.Name] = c
	}
	for _, f := range q.CalculatedFields {
		cc.calc[f.Name] = f.Expression
	}
	cc.c = &expr.Compiler{Dialect: d, Field: cc.field, Param: cc.param, Aggregate: cc.aggregate, TableCalc: cc.tableCalc}
	cc.sizes = &expr.Sizer{Source: cc.source}
	return cc
}

// source is the parsed expression of a calculated field (ok false for
// anything else).
func (cc *compilation) source(name string) (expr.Node, bool, error) {
	if _, ok := cc.cols[name]; ok {
		return nil, false, nil
	}
	src, ok := cc.calc[name]
	if !ok {
		return nil, false, nil
	}
	n, ok := cc.parsed[name]
	if !ok {
		var err error
		if n, err = expr.Parse(src); err != nil {
			return nil, false, expr.Invalid(name, err)
		}
		cc.parsed[name] = n
	}
	return n, true, nil
}

func invalid(format string, args ...any) error { return sg.Errorf(sg.EINVALID, format, args...) }

func typeName(t dialect.Type) string {
	if t == "" {
		return "STRING"
	}
	return string(t)
}

// field resolves a dataset column or a calculated field.
func (cc *compilation) field(name string) (expr.Value, bool, error) {
	if col, ok := cc.cols[name]; ok {
		sql, t := dialect.ColumnValue("ds."+cc.d.QuoteIdent(name), col.Type)
		return expr.Value{SQL: sql, Type: t, Kind: expr.Row}, true, nil
	}
	if _, ok := cc.calc[name]; !ok {
		return expr.Value{}, false, nil
	}
	if cc.visiting[name] {
		return expr.Value{}, false, invalid("Calculated field %q refers to itself", name)
	}
	// Calculated fields are compiled in place of their references: bound
	// the expansion first (each field is measured once).
	if _, err := cc.sizes.Size(name); err != nil {
		return expr.Value{}, false, expr.Invalid(name, err)
	}
	n := cc.parsed[name]
	cc.visiting[name] = true
	v, err := cc.c.Compile(n)
	delete(cc.visiting, name)
	if err != nil {
		return expr.Value{}, false, expr.Invalid(name, err)
	}
	return v, true, nil
}

// param resolves an analysis parameter.
func (cc *compilation) param(name string) (any, dialect.Type, bool) {
	v, ok := cc.q.Parameters[name]
	if !ok {
		return nil, "", false
	}
	switch v := v.(type) {
	case []string:
		out := make([]any, len(v))
		for i, s := range v {
			out[i] = s
		}
		return out, dialect.String, true
	case []any:
		if len(v) == 0 {
			return v, dialect.String, true
		}
		_, t, _ := paramType(v[0])
		return v, t, true
	}
	v, t, ok := paramType(v)
	return v, t, ok
}

func paramType(v any) (any, dialect.Type, bool) {
	switch v := v.(type) {
	case string:
		return v, dialect.String, true
	case int:
		return int64(v), dialect.Integer, true
	case int64:
		return v, dialect.Integer, true
	case float64:
		return v, dialect.Decimal, true
	case time.Time:
		return v, dialect.Datetime, true
	case bool:
		return v, dialect.Boolean, true
	}
	return nil, "", false
}

// aggregate writes an aggregate call: inline, or over the window-mode
// inner query's columns.
func (cc *compilation) aggregate(c *expr.Compiler, call expr.AggregateCall) (string, error) {
	pct := call.Func == "median" || call.Func == "percentile" || call.Func == "percentileDisc"
	if cc.tablecalc && !cc.inline {
		if pct && !cc.d.OrderedSetPercentile() {
			return "", invalid("%s cannot be combined with a table calculation on %s yet", strings.ToUpper(call.Func), cc.d.Name())
		}
		sql, err := c.InlineAggregate(call)
		if err != nil {
			return "", err
		}
		cc.tcAggs = append(cc.tcAggs, sql)
		return "t." + cc.d.QuoteIdent("a"+strconv.Itoa(len(cc.tcAggs)-1)), nil
	}
	if cc.inline || !cc.window {
		if pct && !cc.d.OrderedSetPercentile() {
			if cc.inline {
				return "", invalid("%s cannot rank a top or bottom filter on %s", strings.ToUpper(call.Func), cc.d.Name())
			}
			cc.needsWindow = true
			return "NULL", nil
		}
		return c.InlineAggregate(call)
	}
	k := cc.aggArg(call.Arg.SQL)
	a := "w." + cc.d.QuoteIdent("a"+strconv.Itoa(k))
	if !pct {
		call.Arg.SQL = a
		return c.InlineAggregate(call)
	}
	if !slices.Contains(cc.pctAggs, k) {
		cc.pctAggs = append(cc.pctAggs, k)
	}
	r := "w." + cc.d.QuoteIdent("r"+strconv.Itoa(k))
	n := "w." + cc.d.QuoteIdent("n"+strconv.Itoa(k))
	if call.Func == "percentileDisc" {
		// Discrete percentile: the value at rank ceil(p·n), at least 1,
		// as PERCENTILE_DISC. The percent (0–100) times n is exact for
		// whole percents, where p·n may not be (0.3 · 10 > 3).
		pct := c.Bind(math.Round(call.Fraction*100*1e9)/1e9, dialect.Decimal)
		rank := cc.d.Ceil("(" + pct + " * " + n + " / 100.0)")
		return "MIN(CASE WHEN " + r + " = (CASE WHEN " + rank + " < 1 THEN 1 ELSE " + rank + " END) THEN " + a + " END)", nil
	}
	// Continuous percentile by linear interpolation between the ranks
	// around 1 + p·(n−1), as PERCENTILE_CONT.
	p := c.Bind(call.Fraction, dialect.Decimal)
	pos := "(1 + " + p + " * (" + n + " - 1))"
	lo := cc.d.Floor(pos)
	frac := "(" + pos + " - " + lo + ")"
	return "SUM(CASE WHEN " + r + " = " + lo + " THEN " + a + " * (1 - " + frac + ") WHEN " + r + " = " + lo + " + 1 THEN " + a + " * " + frac + " END)", nil
}
