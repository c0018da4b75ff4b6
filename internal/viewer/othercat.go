package viewer

// The "Other" category of a bar, line or pie chart whose items limit says
// OtherCategories INCLUDE: the first categories as the chart sorts them,
// then one "Other" category holding the rest. A sum or a count over the
// rest is the sum of the rest's sums or counts (foldOther); any other
// measure (an average, a distinct count, a calculated measure) is asked
// of the rest's rows (otherask.go); a table calculation is refused by
// name.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/expr"
)

// otherLabel is the name of the category that gathers the rest.
const otherLabel = "Other"

// includeOther plans a chart's items limit of n categories with the rest
// as "Other". When every measure adds up (a sum or a count of a column),
// "Other" is the sum of the rest's cells (foldOther); with a Colors field
// the rows are category × color pairs, contiguous when sorted by the
// category (or unsorted: by the dimensions), or ranked by a measure's
// total (rankedlimit.go). Any other measure is asked of the data
// (otherask.go).
func (p *plan) includeOther(n int) {
	if len(p.category) != 1 { // a drill-down draws its first field (drilltop.go)
		p.refuse("CategoryItemsLimit with OtherCategories INCLUDE and several category fields")
		return
	}
	if len(p.unsupported) > 0 {
		return
	}
	byOther := len(p.colors) > 0 && len(p.sort) > 0 && p.sort[0].ID != p.category[0].id
	if why := p.nonAdditive(); why != "" {
		if byOther && slices.ContainsFunc(p.colors, func(f field) bool { return f.id == p.sort[0].ID }) {
			p.refuse("CategoryItemsLimit with OtherCategories INCLUDE and a Colors field, sorted by the Colors field")
			return
		}
		p.askLimit(n, true, "OtherCategories INCLUDE with "+why)
		return
	}
	if byOther && !p.rankCategoriesBy(p.sort[0], n) {
		p.refuse("CategoryItemsLimit with OtherCategories INCLUDE and a Colors field, sorted other than by the category")
		return
	}
	p.otherLimit = n
	p.limit = chartLimit + 1 // one more: a cut answer cannot be folded
}

// nonAdditive names the first measure of a plan whose value over several
// categories is not the sum of its values over each: any aggregation but
// a sum or a count, or a calculated measure; "" when every one adds up.
func (p *plan) nonAdditive() string {
	for _, f := range p.measures() {
		if f.measure == nil {
			continue
		}
		if why, ok := p.additive(f.id); !ok && why != "" {
			return why
		}
	}
	return ""
}

// otherRefusal settles a planned items limit against the analysis's
// calculated fields and names what of it the view cannot compute. A
// measure over a calculated field that aggregates itself does not add up
// over categories: the limits are then asked of the data (otherask.go). A
// table calculation's value depends on the rows around it, which neither
// a sum of cells nor a question restricted to some categories keeps: it
// is refused by name, as is a ColorItemsLimit ranked by such a field.
func (v *View) otherRefusal(p *plan) string {
	if p.otherLimit == 0 && p.rankCat == nil && p.colorLimit == 0 && len(p.asked) == 0 && p.sankeySrc == 0 && p.sankeyDst == 0 {
		return ""
	}
	exprs := map[string]string{}
	for _, cf := range v.def.CalculatedFields {
		if cf.DataSetIdentifier == p.dataSet {
			exprs[cf.Name] = cf.Expression
		}
	}
	for _, c := range p.calc {
		if v.tableCalc(p.dataSet, c.Expression, exprs) {
			return "an items limit with the calculated measure " + strconv.Quote(c.Name)
		}
	}
	for _, f := range p.measures() {
		if f.measure == nil {
			continue
		}
		src, ok := exprs[f.measure.Field]
		if !ok {
			continue
		}
		tableCalc := v.tableCalc(p.dataSet, src, exprs)
		if !tableCalc && (!v.aggregatedField(p.dataSet, f.measure.Field) || len(p.asked) > 0) {
			continue
		}
		if !tableCalc {
			why := "the calculated field " + strconv.Quote(f.measure.Field)
			switch {
			case p.sankeySrc > 0 || p.sankeyDst > 0:
				if !p.askSankey(why) {
					return p.unsupported[len(p.unsupported)-1]
				}
			case p.colorLimit > 0 && p.askCategories() && p.askColors(p.colorLimit, p.colorOther, p.colorRank, "ColorItemsLimit with "+why):
			case p.colorLimit > 0:
				return p.unsupported[len(p.unsupported)-1]
			case p.otherLimit > 0 && p.askLimit(p.otherLimit, true, "OtherCategories INCLUDE with "+why):
			case p.otherLimit == 0 && p.askLimit(p.catLimit, false, "CategoryItemsLimit with a Colors field, sorted by "+why):
			default:
				return p.unsupported[len(p.unsupported)-1]
			}
			p.otherLimit, p.rankCat, p.catLimit, p.colorLimit, p.colorOther = 0, nil, 0, 0, false
			continue
		}
		if p.otherLimit == 0 && !p.colorOther && !p.askedOther(-1) {
			return "an items limit ranked by the calculated field " + strconv.Quote(f.measure.Field)
		}
		return "OtherCategories INCLUDE with the calculated field " + strconv.Quote(f.measure.Field)
	}
	return ""
}

// reTableCalc finds a table calculation or window function by name.
var reTableCalc = regexp.MustCompile(`(?i)\b(\w+over|running\w+|rank|denserank|percentilerank|percentoftotal|difference|percentdifference|lag|lead|window\w+|firstvalue|lastvalue|periodoverperiod\w+|periodtodate\w+)\s*\(`)

// tableCalc is tableCalcExpr of an expression over dataSet's calculated
// fields (exprs), parsed once per view: each drawn tile with an items
// limit asks it.
func (v *View) tableCalc(dataSet, src string, exprs map[string]string) bool {
	key := dataSet + "\x00" + src
	if x, ok := v.tableCalcs.Load(key); ok {
		return x.(bool)
	}
	calc := tableCalcExpr(src, exprs)
	v.tableCalcs.Store(key, calc)
	return calc
}

// tableCalcExpr reports whether an expression calls a table calculation
// or window function, itself or through the calculated fields (exprs, by
// name) it refers to. An expression the parser refuses is judged by its
// text, conservatively: any function name of one, or any reference to
// another calculated field.
func tableCalcExpr(src string, exprs map[string]string) bool {
	seen := map[string]bool{}
	var calls func(src string) bool
	calls = func(src string) bool {
		n, err := expr.Parse(src)
		if err != nil {
			if reTableCalc.MatchString(src) {
				return true
			}
			for name := range exprs {
				if strings.Contains(src, "{"+name+"}") {
					return true
				}
			}
			return false
		}
		if callsTableCalc(n) {
			return true
		}
		for _, f := range expr.Fields(n) {
			if sub, ok := exprs[f]; ok && !seen[f] {
				seen[f] = true
				if calls(sub) {
					return true
				}
			}
		}
		return false
	}
	return calls(src)
}

// callsTableCalc reports whether n calls a table calculation or window
// function.
func callsTableCalc(n expr.Node) bool {
	switch n := n.(type) {
	case *expr.Call:
		if expr.IsTableCalcFunc(n.Name) || reTableCalc.MatchString(n.Name+"(") {
			return true
		}
		for _, a := range n.Args {
			if callsTableCalc(a) {
				return true
			}
		}
	case *expr.Unary:
		return callsTableCalc(n.X)
	case *expr.Binary:
		return callsTableCalc(n.L) || callsTableCalc(n.R)
	case *expr.List:
		for _, a := range n.Items {
			if callsTableCalc(a) {
				return true
			}
		}
	case *expr.Sorted:
		return callsTableCalc(n.X)
	}
	return false
}

// foldOther keeps the rows of a chart's first n categories (its first
// column), in the order the rows came, and adds the rest as one "Other"
// category: each measure summed, per color (the next nColors columns)
// in the order the colors first came.
func foldOther(res *Result, n, nColors int) *Result {
	seen := make(map[string]bool, n)
	out := &Result{Columns: res.Columns}
	var order []string
	rest := map[string]*otherSums{}
	for _, row := range res.Rows {
		k := keyOf(row[0])
		if !seen[k] && len(seen) < n {
			seen[k] = true
		}
		if seen[k] {
			out.Rows = append(out.Rows, row)
			continue
		}
		ck := ""
		switch nColors {
		case 0:
		case 1:
			ck = keyOf(row[1])
		default:
			for _, c := range row[1 : 1+nColors] {
				ck += keyOf(c) + "\x00"
			}
		}
		b := rest[ck]
		if b == nil {
			b = &otherSums{colors: row[1 : 1+nColors], ints: make([]int64, len(row)-1-nColors), floats: make([]float64, len(row)-1-nColors),
				isFloat: make([]bool, len(row)-1-nColors)}
			rest[ck] = b
			order = append(order, ck)
		}
		b.add(row[1+nColors:])
	}
	for _, ck := range order {
		out.Rows = append(out.Rows, rest[ck].row())
	}
	return out
}

// otherSums is one color's "Other" row as it is summed: integers stay
// integers until a decimal joins them; a null adds nothing.
type otherSums struct {
	colors  []any
	ints    []int64
	floats  []float64
	isFloat []bool
}

func (o *otherSums) add(values []any) {
	for i, v := range values {
		switch x := v.(type) {
		case nil:
		case int64:
			o.ints[i] += x
		case int:
			o.ints[i] += int64(x)
		case int32:
			o.ints[i] += int64(x)
		default:
			if f, ok := number(v); ok {
				o.floats[i] += f
				o.isFloat[i] = true
			}
		}
	}
}

func (o *otherSums) row() []any {
	out := append(append(make([]any, 0, 1+len(o.colors)+len(o.ints)), otherLabel), o.colors...)
	return append(out, o.values()...)
}

// values are the sums, in the measures' order.
func (o *otherSums) values() []any {
	out := make([]any, 0, len(o.ints))
	for i, n := range o.ints {
		if o.isFloat[i] {
			out = append(out, o.floats[i]+float64(n))
		} else {
			out = append(out, n)
		}
	}
	return out
}

// keyOf is a category value as a map key.
func keyOf(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}
