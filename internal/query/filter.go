package query

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// filter compiles a row or group filter; aggregated reports a group
// (HAVING) condition.
func (cc *compilation) filter(path string, f Filter) (cond string, aggregated bool, err error) {
	v, err := cc.resolve(path, f.Field)
	if err != nil {
		return "", false, err
	}
	if (f.Kind == NumericRangeFilter || f.Kind == CategoryFilter) && f.Aggregation != "" {
		if v, err = cc.aggregateOf(path, Measure{Field: f.Field, Aggregation: f.Aggregation}, v); err != nil {
			return "", false, err
		}
	}
	if f.Kind == NumericRangeFilter {
		v = conditionAsNumber(v)
	}
	aggregated = v.Kind >= expr.Aggregate
	cc.filterKind = v.Kind
	switch f.NullOption {
	case "", AllValues, NullsOnly, NonNullsOnly:
	default:
		return "", false, invalid("%s.NullOption %q must be ALL_VALUES, NULLS_ONLY or NON_NULLS_ONLY", path, f.NullOption)
	}
	switch f.Kind {
	case CategoryFilter:
		cond, err = cc.category(path, f, v)
	case NumericRangeFilter:
		if v.Type != dialect.Integer && v.Type != dialect.Decimal {
			return "", false, invalid("%s: a numeric range needs a numeric field, %q is %s", path, f.Field, typeName(v.Type))
		}
		cond, err = cc.numericRange(path, f, v)
	case DateRangeFilter, RelativeDateFilter:
		if v.Type != dialect.Datetime {
			return "", false, invalid("%s: a date filter needs a DATETIME field, %q is %s", path, f.Field, typeName(v.Type))
		}
		anchor := cc.now()
		if f.Kind == DateRangeFilter {
			cond, err = cc.dateRange(path, f, v)
		} else if anchor, err = cc.relativeAnchor(path, f); err == nil {
			cond, err = cc.relativeDate(path, f, v, anchor)
		}
		if err == nil {
			cond, err = cc.excludePeriod(path, f, v, anchor, cond)
		}
	default:
		return "", false, invalid("%s.Kind %q must be CATEGORY, NUMERIC_RANGE, DATE_RANGE, RELATIVE_DATE or TOP_BOTTOM", path, f.Kind)
	}
	if err != nil {
		return "", false, err
	}
	return withNulls(f.NullOption, v.SQL, cond), aggregated, nil
}

// withNulls applies a filter's null option to its condition on x.
func withNulls(option, x, cond string) string {
	switch option {
	case AllValues:
		if cond == "" {
			return "(1 = 1)"
		}
		return "(" + cond + " OR " + x + " IS NULL)"
	case NullsOnly:
		return "(" + x + " IS NULL)"
	}
	if cond == "" {
		return "(" + x + " IS NOT NULL)"
	}
	return cond
}

func (cc *compilation) category(path string, f Filter, v expr.Value) (string, error) {
	values := f.Values
	if f.ValuesParameter != "" {
		pv, _, ok := cc.param(f.ValuesParameter)
		if !ok {
			return "", invalid("%s.ValuesParameter: unknown parameter %q", path, f.ValuesParameter)
		}
		if list, ok := pv.([]any); ok {
			values = list
		} else {
			values = []any{pv}
		}
	}
	if f.Match == AnyValue {
		if len(values) > 0 || f.ValuesParameter != "" {
			return "", invalid("%s: %s takes no values", path, AnyValue)
		}
		return "", nil // every value: the null option alone restricts
	}
	if len(values) == 0 || len(values) > 10000 {
		return "", invalid("%s.Values must have 1 to 10000 values", path)
	}
	var refs []string
	for i, val := range values {
		ref, err := cc.bindValue(fmt.Sprintf("%s.Values[%d]", path, i), val, v.Type)
		if err != nil {
			return "", err
		}
		refs = append(refs, ref)
	}
	switch f.Match {
	case Equals, NotEquals:
		if len(refs) != 1 {
			return "", invalid("%s: %s takes exactly one value", path, f.Match)
		}
		op := " = "
		if f.Match == NotEquals {
			op = " <> "
		}
		return "(" + v.SQL + op + refs[0] + ")", nil
	case In, NotIn:
		op := " IN ("
		if f.Match == NotIn {
			op = " NOT IN ("
		}
		return "(" + v.SQL + op + strings.Join(refs, ", ") + "))", nil
	case Contains, NotContains, StartsWith, EndsWith:
		if v.Type != dialect.String {
			return "", invalid("%s: %s needs a STRING field, %q is %s", path, f.Match, f.Field, typeName(v.Type))
		}
		match := cc.d.Contains
		switch f.Match {
		case StartsWith:
			match = cc.d.StartsWith
		case EndsWith:
			match = cc.d.EndsWith
		}
		conds := make([]string, len(refs))
		for i, ref := range refs {
			conds[i] = match(v.SQL, ref)
		}
		anyMatch := "(" + strings.Join(conds, " OR ") + ")"
		if f.Match == NotContains {
			return "(NOT " + anyMatch + ")", nil
		}
		return anyMatch, nil
	}
	return "", invalid("%s.Match %q must be EQUALS, NOT_EQUALS, IN, NOT_IN, CONTAINS, DOES_NOT_CONTAIN, STARTS_WITH, ENDS_WITH or ANY_VALUE", path, f.Match)
}

// bindValue binds a filter value as type t, converting what converts
// losslessly (a number for a STRING field, a numeric string for a number
// field, a date string for a DATETIME field).
func (cc *compilation) bindValue(path string, val any, t dialect.Type) (string, error) {
	bad := func() (string, error) {
		return "", invalid("%s: %v is not a valid %s value", path, val, typeName(t))
	}
	switch t {
	case dialect.String, "":
		switch x := val.(type) {
		case string:
			return cc.c.Bind(x, dialect.String), nil
		case int, int64, float64, bool:
			return cc.c.Bind(fmt.Sprint(x), dialect.String), nil
		}
		return bad()
	case dialect.Integer, dialect.Decimal:
		var f float64
		switch x := val.(type) {
		case int:
			f = float64(x)
		case int64:
			f = float64(x)
		case float64:
			f = x
		case string:
			var err error
			if f, err = strconv.ParseFloat(strings.TrimSpace(x), 64); err != nil {
				return bad()
			}
		default:
			return bad()
		}
		if t == dialect.Integer && f == float64(int64(f)) {
			return cc.c.Bind(int64(f), dialect.Integer), nil
		}
		return cc.c.Bind(f, dialect.Decimal), nil
	case dialect.Datetime:
		tm, ok := toTime(val)
		if !ok {
			return bad()
		}
		return cc.c.Bind(cc.d.TimeArg(tm), dialect.Datetime), nil
	case dialect.Boolean:
		if x, ok := val.(bool); ok {
			return cc.c.Bind(x, dialect.Boolean), nil
		}
	}
	return bad()
}

var timeLayouts = []string{time.RFC3339Nano, time.DateTime, time.DateOnly, "2006-01-02T15:04:05"}

func toTime(val any) (time.Time, bool) {
	switch x := val.(type) {
	case time.Time:
		return x.UTC(), true
	case string:
		for _, l := range timeLayouts {
			if t, err := time.Parse(l, x); err == nil {
				return t.UTC(), true
			}
		}
	}
	return time.Time{}, false
}

func (cc *compilation) numericRange(path string, f Filter, v expr.Value) (string, error) {
	var conds []string
	bound := func(name string, val *float64, param string, include bool, lower bool) error {
		var x any
		switch {
		case param != "":
			pv, _, ok := cc.param(param)
			if !ok {
				return invalid("%s.%sParameter: unknown parameter %q", path, name, param)
			}
			x = pv
		case val != nil:
			x = *val
		default:
			return nil
		}
		ref, err := cc.bindValue(path+"."+name, x, dialect.Decimal)
		if err != nil {
			return err
		}
		op := map[[2]bool]string{{true, true}: " >= ", {true, false}: " > ", {false, true}: " <= ", {false, false}: " < "}[[2]bool{lower, include}]
		conds = append(conds, "("+v.SQL+op+ref+")")
		return nil
	}
	if err := bound("Min", f.Min, f.MinParameter, f.IncludeMin, true); err != nil {
		return "", err
	}
	if err := bound("Max", f.Max, f.MaxParameter, f.IncludeMax, false); err != nil {
		return "", err
	}
	return joinConds(conds), nil
}

func joinConds(conds []string) string {
	switch len(conds) {
	case 0:
		return ""
	case 1:
		return conds[0]
	}
	return "(" + strings.Join(conds, " AND ") + ")"
}

func (cc *compilation) timeBound(path, name string, val *time.Time, param string) (*time.Time, error) {
	if param == "" {
		return val, nil
	}
	pv, _, ok := cc.param(param)
	if !ok {
		return nil, invalid("%s.%sParameter: unknown parameter %q", path, name, param)
	}
	t, ok := toTime(pv)
	if !ok {
		return nil, invalid("%s.%sParameter: %q is not a date", path, name, param)
	}
	return &t, nil
}

func (cc *compilation) dateRange(path string, f Filter, v expr.Value) (string, error) {
	from, err := cc.timeBound(path, "From", f.From, f.FromParameter)
	if err != nil {
		return "", err
	}
	to, err := cc.timeBound(path, "To", f.To, f.ToParameter)
	if err != nil {
		return "", err
	}
	includeFrom, includeTo := f.IncludeFrom, f.IncludeTo
	if g := f.Granularity; g != "" {
		if !dialect.ValidGranularity(g) {
			return "", invalid("%s.Granularity %q is not a time granularity", path, g)
		}
		from, includeFrom = wholePeriodFrom(from, includeFrom, g)
		to, includeTo = wholePeriodTo(to, includeTo, g)
	}
	return cc.between(v, from, to, includeFrom, includeTo), nil
}

// wholePeriodFrom moves a lower bound to a period boundary: the start of
// its period when included, the start of the next one when not; the new
// bound is included.
func wholePeriodFrom(t *time.Time, include bool, g dialect.Granularity) (*time.Time, bool) {
	if t == nil {
		return nil, include
	}
	b := Truncate(*t, g)
	if !include {
		b = Add(b, g, 1)
	}
	return &b, true
}

// wholePeriodTo moves an upper bound to a period boundary, excluded: the
// start of the next period when the bound is included, of its own when
// not.
func wholePeriodTo(t *time.Time, include bool, g dialect.Granularity) (*time.Time, bool) {
	if t == nil {
		return nil, include
	}
	b := Truncate(*t, g)
	if include {
		b = Add(b, g, 1)
	}
	return &b, false
}

func (cc *compilation) between(v expr.Value, from, to *time.Time, includeFrom, includeTo bool) string {
	var conds []string
	if from != nil {
		op := " > "
		if includeFrom {
			op = " >= "
		}
		conds = append(conds, "("+v.SQL+op+cc.c.Bind(cc.d.TimeArg(from.UTC()), dialect.Datetime)+")")
	}
	if to != nil {
		op := " < "
		if includeTo {
			op = " <= "
		}
		conds = append(conds, "("+v.SQL+op+cc.c.Bind(cc.d.TimeArg(to.UTC()), dialect.Datetime)+")")
	}
	return joinConds(conds)
}

// now is the instant relative dates count from when no anchor is set:
// the question's Now, or the clock's.
func (cc *compilation) now() time.Time {
	if cc.q.Now.IsZero() {
		return time.Now().UTC()
	}
	return cc.q.Now.UTC()
}

// relativeAnchor is the instant a relative date filter counts from: its
// anchor parameter's value, or now.
func (cc *compilation) relativeAnchor(path string, f Filter) (time.Time, error) {
	if f.AnchorParameter == "" {
		return cc.now(), nil
	}
	t, err := cc.timeBound(path, "Anchor", nil, f.AnchorParameter)
	if err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}

func (cc *compilation) relativeDate(path string, f Filter, v expr.Value, anchor time.Time) (string, error) {
	from, to, err := RelativeRange(anchor, f.TimeGranularity, f.RelativeDateType, f.RelativeDateValue)
	if err != nil {
		return "", invalid("%s: %s", path, err.Error())
	}
	return cc.between(v, &from, &to, true, false), nil
}

// RelativeRange is the half-open range [from, to) of a relative date
// filter anchored at now: THIS is the current period of granularity g,
// PREVIOUS n the n whole periods before it, LAST n the current period
// and the n−1 before it, NEXT n the n whole periods after it. Weeks
// start on Sunday.
func RelativeRange(now time.Time, g dialect.Granularity, typ string, n int) (time.Time, time.Time, error) {
	if !dialect.ValidGranularity(g) {
		return time.Time{}, time.Time{}, fmt.Errorf("TimeGranularity %q must be one of YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND", g)
	}
	if typ != This && (n < 1 || n > 10000) {
		return time.Time{}, time.Time{}, fmt.Errorf("RelativeDateValue must be 1 to 10000")
	}
	start := Truncate(now, g)
	switch typ {
	case This:
		return start, Add(start, g, 1), nil
	case Previous:
		return Add(start, g, -n), start, nil
	case Last:
		return Add(start, g, -(n - 1)), Add(start, g, 1), nil
	case Next:
		return Add(start, g, 1), Add(start, g, 1+n), nil
	}
	return time.Time{}, time.Time{}, fmt.Errorf("RelativeDateType %q must be PREVIOUS, THIS, LAST or NEXT", typ)
}

// Truncate returns the start of t's period of granularity g.
func Truncate(t time.Time, g dialect.Granularity) time.Time {
	y, m, d := t.Date()
	switch g {
	case dialect.Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, t.Location())
	case dialect.Quarter:
		return time.Date(y, (m-1)/3*3+1, 1, 0, 0, 0, 0, t.Location())
	case dialect.Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, t.Location())
	case dialect.Week:
		return time.Date(y, m, d-int(t.Weekday()), 0, 0, 0, 0, t.Location())
	case dialect.Day:
		return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	case dialect.Hour:
		return t.Truncate(time.Hour)
	case dialect.Minute:
		return t.Truncate(time.Minute)
	}
	return t.Truncate(time.Second)
}

// Add adds n periods of granularity g to t.
func Add(t time.Time, g dialect.Granularity, n int) time.Time {
	switch g {
	case dialect.Year:
		return t.AddDate(n, 0, 0)
	case dialect.Quarter:
		return t.AddDate(0, 3*n, 0)
	case dialect.Month:
		return t.AddDate(0, n, 0)
	case dialect.Week:
		return t.AddDate(0, 0, 7*n)
	case dialect.Day:
		return t.AddDate(0, 0, n)
	case dialect.Hour:
		return t.Add(time.Duration(n) * time.Hour)
	case dialect.Minute:
		return t.Add(time.Duration(n) * time.Minute)
	}
	return t.Add(time.Duration(n) * time.Second)
}

// topBottom compiles a top or bottom N filter into a membership test
// against a subquery that ranks the field's values by the measure over
// the rows the other filters keep.
func (cc *compilation) topBottom(path string, f Filter, relation string, rowFilters []string) (string, error) {
	d := cc.d
	v, err := cc.resolve(path, f.Field)
	if err != nil {
		return "", err
	}
	if v.Kind >= expr.Aggregate {
		return "", invalid("%s: %q is aggregated and cannot be ranked", path, f.Field)
	}
	if f.Granularity != "" {
		if !dialect.ValidGranularity(f.Granularity) {
			return "", invalid("%s.Granularity %q must be one of YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND", path, f.Granularity)
		}
		if v.Type != dialect.Datetime {
			return "", invalid("%s: a granularity needs a DATETIME field, %q is %s", path, f.Field, typeName(v.Type))
		}
		v.SQL = d.DateTrunc(v.SQL, f.Granularity)
	}
	if f.N < 1 || f.N > 10000 {
		return "", invalid("%s.N must be 1 to 10000", path)
	}
	if f.By.Field == "" {
		return "", invalid("%s.By needs a field to rank by", path)
	}
	cc.inline = true
	by, err := cc.measure(path+".By", f.By)
	cc.inline = false
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("(" + v.SQL + " IN (SELECT tb.k FROM (SELECT " + v.SQL + " AS k FROM (" + relation + ") AS ds")
	// NULL values are never ranked (IN cannot match them), and groups
	// whose measure is NULL rank last either way.
	writeWhere(&b, append(slices.Clone(rowFilters), "("+v.SQL+" IS NOT NULL)"))
	b.WriteString(" GROUP BY 1 ORDER BY CASE WHEN " + by.SQL + " IS NULL THEN 1 ELSE 0 END, " + d.OrderBy(by.SQL, !f.Bottom) + ", " + d.OrderBy("1", false))
	b.WriteString(d.Limit(cc.c.Bind(int64(f.N), dialect.Integer)))
	b.WriteString(") AS tb))")
	return b.String(), nil
}
