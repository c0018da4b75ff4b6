package query

import (
	"slices"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// maxItems bounds each list of a question.
const maxItems = 200

var aggregations = map[string]string{
	Sum: "sum", Average: "avg", Min: "min", Max: "max", Count: "count",
	DistinctCount: "distinct_count", Median: "median", Percentile: "percentile",
	"STDEV": "stdev", "STDEVP": "stdevp", "VAR": "var", "VARP": "varp",
}

type selected struct {
	id  string
	sql string
}

func (cc *compilation) build(relationSQL string, relationArgs []any) (*Compiled, error) {
	q, d, c := cc.q, cc.d, cc.c
	if len(q.Dimensions) == 0 && len(q.Measures) == 0 {
		return nil, invalid("A question needs at least one dimension or measure")
	}
	if len(q.Dimensions) > maxItems || len(q.Measures) > maxItems || len(q.Filters) > maxItems || len(q.Sort) > maxItems || len(q.CalculatedFields) > maxItems {
		return nil, invalid("A question has at most %d dimensions, measures, filters, sorts and calculated fields each", maxItems)
	}
	for _, f := range q.CalculatedFields {
		if _, dup := cc.cols[f.Name]; dup {
			return nil, invalid("Calculated field %q has the name of a dataset column", f.Name)
		}
		if strings.TrimSpace(f.Name) == "" {
			return nil, invalid("A calculated field needs a name")
		}
	}
	c.Args = append(c.Args, dialect.Raw{SQL: relationSQL, Args: relationArgs})
	relation := relationMarker // dialect.Arg(0), with window columns (prewindow.go)

	out := &Compiled{}
	ids := map[string]int{} // result id → 1-based ordinal
	addID := func(id, path string) error {
		if _, dup := ids[id]; dup {
			return invalid("%s: the id %q is used twice", path, id)
		}
		ids[id] = len(ids) + 1
		return nil
	}

	// Dimensions.
	var dims []selected
	for i, dim := range q.Dimensions {
		path := "Dimensions[" + strconv.Itoa(i) + "]"
		v, err := cc.resolve(path, dim.Field)
		if err != nil {
			return nil, err
		}
		if v.Kind >= expr.Aggregate {
			return nil, invalid("%s: %q is aggregated and cannot be a dimension", path, dim.Field)
		}
		cc.dimFields = append(cc.dimFields, dim.Field)
		cc.dimRaw = append(cc.dimRaw, v.SQL)
		if dim.Granularity != "" {
			if !dialect.ValidGranularity(dim.Granularity) {
				return nil, invalid("%s.Granularity %q must be one of YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND", path, dim.Granularity)
			}
			if v.Type != dialect.Datetime {
				return nil, invalid("%s: a granularity needs a DATETIME field, %q is %s", path, dim.Field, typeName(v.Type))
			}
			v.SQL = d.DateTrunc(v.SQL, dim.Granularity)
		}
		id := orDefault(dim.ID, dim.Field)
		if err := addID(id, path); err != nil {
			return nil, err
		}
		dims = append(dims, selected{id, v.SQL})
		cc.dimSQL = append(cc.dimSQL, v.SQL)
		cc.dimGran = append(cc.dimGran, dim.Granularity)
		out.Columns = append(out.Columns, ResultColumn{ID: id, Role: RoleDimension, Type: typeName(v.Type)})
	}

	// Measures.
	var measures []selected
	for i, m := range q.Measures {
		path := "Measures[" + strconv.Itoa(i) + "]"
		v, err := cc.measure(path, m)
		if err != nil {
			return nil, err
		}
		id := orDefault(m.ID, m.Field)
		if err := addID(id, path); err != nil {
			return nil, err
		}
		measures = append(measures, selected{id, v.SQL})
		out.Columns = append(out.Columns, ResultColumn{ID: id, Role: RoleMeasure, Type: typeName(v.Type)})
	}

	// Filters: rows first, then groups, then top/bottom (which reuses the
	// row filters).
	var where, having, tcFilters []string
	var topBottom []int
	for i, f := range q.Filters {
		path := "Filters[" + strconv.Itoa(i) + "]"
		if f.CrossDataset && !cc.crossDatasetApplies(f) {
			continue
		}
		if f.Kind == TopBottomFilter {
			topBottom = append(topBottom, i)
			continue
		}
		if f.Kind == NestedFilter {
			cond, err := cc.nested(path, f, relation)
			if err != nil {
				return nil, err
			}
			where = append(where, cond)
			continue
		}
		cond, aggregated, err := cc.filter(path, f)
		if err != nil {
			return nil, err
		}
		switch {
		case cc.filterKind == expr.Window:
			tcFilters = append(tcFilters, cond)
		case aggregated:
			having = append(having, cond)
		default:
			where = append(where, cond)
		}
	}
	rowFilters := preAggInputFilters(where)
	afterPreAgg := slices.Clone(where)
	for _, i := range topBottom {
		cond, err := cc.topBottom("Filters["+strconv.Itoa(i)+"]", q.Filters[i], relation, afterPreAgg)
		if err != nil {
			return nil, err
		}
		where = append(where, cond)
	}

	// ORDER BY.
	var order []string
	if len(q.Sort) == 0 {
		for i := range dims {
			order = append(order, d.OrderBy(strconv.Itoa(i+1), false))
		}
	}
	sorted := map[int]bool{}
	for i, s := range q.Sort {
		n, ok := ids[s.ID]
		if !ok {
			return nil, invalid("Sort[%d].ID %q is not a dimension or measure of the question", i, s.ID)
		}
		order = append(order, d.OrderBy(strconv.Itoa(n), s.Descending))
		sorted[n] = true
	}
	if len(q.Sort) > 0 {
		// Ties break on the remaining dimensions, so a LIMIT keeps the
		// same rows on every engine.
		for i := range dims {
			if !sorted[i+1] {
				order = append(order, d.OrderBy(strconv.Itoa(i+1), false))
			}
		}
	}
	if q.Limit < 0 {
		return nil, invalid("Limit must not be negative")
	}

	var b strings.Builder
	b.WriteString("SELECT ")
	grouped := !cc.tablecalc
	switch {
	case cc.tablecalc:
		b.WriteString(cc.tableCalcSelect(dims, measures, where, having, tcFilters, relation))
	case !cc.window:
		writeSelect(&b, d, dims, measures)
		b.WriteString(" FROM (" + relation + ") AS ds")
		writeWhere(&b, where)
	default:
		inner := make([]selected, len(dims))
		for i := range dims {
			inner[i] = selected{sql: "w." + d.QuoteIdent("g"+strconv.Itoa(i))}
		}
		writeSelect(&b, d, inner, measures)
		b.WriteString(" FROM (" + cc.windowed(dims, relation, where) + ") AS w")
	}
	if len(dims) > 0 && grouped {
		b.WriteString(" GROUP BY ")
		for i := range dims {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Itoa(i + 1))
		}
	}
	if len(having) > 0 && grouped {
		b.WriteString(" HAVING " + strings.Join(having, " AND "))
	}
	if len(order) > 0 {
		b.WriteString(" ORDER BY " + strings.Join(order, ", "))
	}
	if q.Limit > 0 {
		b.WriteString(d.Limit(c.Bind(int64(q.Limit), dialect.Integer)))
	}
	sql, args, err := dialect.Render(d, cc.withPreWindows(b.String(), rowFilters), c.Args)
	if err != nil {
		return nil, err
	}
	out.SQL, out.Args = sql, args
	return out, nil
}

func orDefault(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// writeSelect writes the select list with the aliases c1, c2, … (result
// columns are described by position in Compiled.Columns).
func writeSelect(b *strings.Builder, d dialect.Dialect, dims, measures []selected) {
	n := 0
	for _, list := range [][]selected{dims, measures} {
		for _, s := range list {
			if n > 0 {
				b.WriteString(", ")
			}
			n++
			b.WriteString(s.sql + " AS " + d.QuoteIdent("c"+strconv.Itoa(n)))
		}
	}
}

func writeWhere(b *strings.Builder, where []string) {
	if len(where) > 0 {
		b.WriteString(" WHERE " + strings.Join(where, " AND "))
	}
}

// windowed writes the two inner queries of window mode: the rows with
// their dimension values (g0…) and aggregate arguments (a0…), then the
// rank (r…) and count (n…) of each percentile argument in its group.
func (cc *compilation) windowed(dims []selected, relation string, where []string) string {
	d := cc.d
	var rows strings.Builder
	rows.WriteString("SELECT ")
	var items []string
	for i, dim := range dims {
		items = append(items, dim.sql+" AS "+d.QuoteIdent("g"+strconv.Itoa(i)))
	}
	for k, a := range cc.aggArgs {
		items = append(items, a+" AS "+d.QuoteIdent("a"+strconv.Itoa(k)))
	}
	rows.WriteString(strings.Join(items, ", "))
	rows.WriteString(" FROM (" + relation + ") AS ds")
	writeWhere(&rows, where)

	partition := ""
	if len(dims) > 0 {
		var parts []string
		for i := range dims {
			parts = append(parts, "i."+d.QuoteIdent("g"+strconv.Itoa(i)))
		}
		partition = "PARTITION BY " + strings.Join(parts, ", ")
	}
	var b strings.Builder
	b.WriteString("SELECT i.*")
	for _, k := range cc.pctAggs {
		a := "i." + d.QuoteIdent("a"+strconv.Itoa(k))
		ks := strconv.Itoa(k)
		// One window per argument: the count shares the rank's ordering
		// with a whole-partition frame, so engines compute both in the
		// same sorted pass instead of partitioning the rows twice.
		order := strings.TrimSpace(partition + " ORDER BY CASE WHEN " + a + " IS NULL THEN 1 ELSE 0 END, " + a)
		b.WriteString(", ROW_NUMBER() OVER (" + order + ") AS " + d.QuoteIdent("r"+ks))
		b.WriteString(", COUNT(" + a + ") OVER (" + order + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS " + d.QuoteIdent("n"+ks))
	}
	b.WriteString(" FROM (" + rows.String() + ") AS i")
	return b.String()
}

// resolve compiles a field named by a question member.
func (cc *compilation) resolve(path, name string) (expr.Value, error) {
	v, ok, err := cc.field(name)
	if err != nil {
		return expr.Value{}, err
	}
	if !ok {
		return expr.Value{}, invalid("%s.Field: unknown field %q", path, name)
	}
	return v, nil
}

// measure compiles an aggregated field.
func (cc *compilation) measure(path string, m Measure) (expr.Value, error) {
	v, err := cc.resolve(path, m.Field)
	if err != nil {
		return expr.Value{}, err
	}
	if m.Aggregation == "" || m.DefaultAggregation && v.Kind >= expr.Aggregate {
		// No aggregation, or the field well's default over a calculated
		// field that aggregates itself (or a table calculation): used as is.
		if v.Kind < expr.Aggregate {
			return expr.Value{}, invalid("%s.Aggregation is required: %q is not an aggregated calculated field", path, m.Field)
		}
		return v, nil
	}
	return cc.aggregateOf(path, m, v)
}

func (cc *compilation) aggregateOf(path string, m Measure, v expr.Value) (expr.Value, error) {
	fn, ok := aggregations[m.Aggregation]
	if !ok {
		return expr.Value{}, invalid("%s.Aggregation %q must be one of SUM, AVERAGE, MIN, MAX, COUNT, DISTINCT_COUNT, MEDIAN, PERCENTILE, STDEV, STDEVP, VAR, VARP", path, m.Aggregation)
	}
	if v.Kind >= expr.Aggregate {
		return expr.Value{}, invalid("%s: %q is already aggregated; leave Aggregation empty", path, m.Field)
	}
	t := v.Type
	switch fn {
	case "sum", "avg", "median", "percentile", "stdev", "stdevp", "var", "varp":
		if v.Type != dialect.Integer && v.Type != dialect.Decimal {
			return expr.Value{}, invalid("%s: %s needs a numeric field, %q is %s", path, m.Aggregation, m.Field, typeName(v.Type))
		}
		if fn != "sum" {
			t = dialect.Decimal
		}
	case "count", "distinct_count":
		t = dialect.Integer
	}
	call := expr.AggregateCall{Func: fn, Arg: v}
	switch fn {
	case "median":
		call.Fraction = 0.5
	case "percentile":
		if m.Percentile < 0 || m.Percentile > 100 {
			return expr.Value{}, invalid("%s.Percentile must be between 0 and 100", path)
		}
		call.Fraction = m.Percentile / 100
	}
	sql, err := cc.c.AggregateSQL(call)
	if err != nil {
		return expr.Value{}, err
	}
	return expr.Value{SQL: sql, Type: t, Kind: expr.Aggregate}, nil
}
