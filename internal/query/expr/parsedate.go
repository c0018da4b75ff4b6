package expr

import (
	"strconv"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// parseDate reads text with a QuickSight date format made of numeric
// tokens, MMM (an English month abbreviation, in any case) and literal
// text. A token followed by literal text or the end
// takes one or two digits (yyyy four), as QuickSight reads '1/18/1982'
// with 'MM/dd/yyyy'; a token followed by another token takes exactly its
// width ('yyyyMMdd'). Every shape the text may have is tested exactly,
// the fields are read at the shape's offsets, checked (month 1-12, a day
// the month has, hour 0-23, minute and second 0-59) and added to 1900-01-01,
// so no engine ever fails on bad text: text that does not parse gives
// NULL (QuickSight skips such rows).

// parseTokens are the tokens parseDate reads and their field.
var parseTokens = map[string]dialect.Granularity{
	"yyyy": dialect.Year, "MMM": dialect.Month, "MM": dialect.Month, "M": dialect.Month, "dd": dialect.Day, "d": dialect.Day,
	"HH": dialect.Hour, "H": dialect.Hour, "mm": dialect.Minute, "ss": dialect.Second,
}

// maxParseShapes bounds the shapes of one format (two per variable
// token).
const maxParseShapes = 64

var parseEpoch = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// field is one numeric field of a shape: where it starts (0-based, in
// characters) and how many digits it has.
type field struct {
	g          dialect.Granularity
	start, len int
	text       bool // MMM
}

// variableWidth reports whether the token pieces[i] takes one or two
// digits: a numeric token other than yyyy before literal text or the end.
func variableWidth(pieces []formatPiece, i int) bool {
	p := pieces[i]
	return p.Token != "yyyy" && p.Token != "MMM" && (i+1 == len(pieces) || pieces[i+1].Token == "")
}

func (c *Compiler) parseDate(n *Call) (Value, bool, error) {
	if err := arity(n, 1, 2); err != nil {
		return Value{}, true, err
	}
	format, at := "yyyy-MM-dd", n.At
	if len(n.Args) == 2 {
		f, ok := n.Args[1].(*String)
		if !ok {
			return Value{}, true, errorf(n.Args[1].Pos(), "parseDate: the format must be a string literal such as 'MM/dd/yyyy'")
		}
		format, at = f.Value, f.At
	}
	pieces, err := parseFormat("parseDate", format, at)
	if err != nil {
		return Value{}, true, err
	}
	seen := map[dialect.Granularity]bool{}
	variable := 0
	for i, p := range pieces {
		if p.Token == "" {
			continue
		}
		g, ok := parseTokens[p.Token]
		if !ok {
			return Value{}, true, errorf(at, "parseDate: unsupported format token %q", p.Token)
		}
		if seen[g] {
			return Value{}, true, errorf(at, "parseDate: the format reads the %s twice", map[dialect.Granularity]string{dialect.Year: "year", dialect.Month: "month", dialect.Day: "day", dialect.Hour: "hour", dialect.Minute: "minute", dialect.Second: "second"}[g])
		}
		seen[g] = true
		if variableWidth(pieces, i) {
			variable++
		}
	}
	if !seen[dialect.Year] || !seen[dialect.Month] || !seen[dialect.Day] {
		return Value{}, true, errorf(at, "parseDate: the format must read the year (yyyy), month (MM) and day (dd)")
	}
	if 1<<variable > maxParseShapes {
		return Value{}, true, errorf(at, "parseDate: the format has too many variable-width fields")
	}
	x, err := c.Compile(n.Args[0])
	if err != nil {
		return Value{}, true, err
	}
	if err := want(n.Args[0], x, dialect.String); err != nil {
		return Value{}, true, err
	}
	d := c.Dialect
	var b []byte
	b = append(b, "(CASE"...)
	for mask := 0; mask < 1<<variable; mask++ {
		shape, fields := parseShape(pieces, mask)
		bind := func(p string) string { return c.Bind(p, dialect.String) }
		b = append(b, " WHEN "+dialect.MatchShape(d, x.SQL, shape, bind)+" THEN "+c.buildDate(x.SQL, fields)...)
	}
	b = append(b, " END)"...)
	return Value{SQL: string(b), Type: dialect.Datetime, Kind: x.Kind}, true, nil
}

// parseShape is the shape of the format whose variable-width tokens take
// two digits where mask has a bit set (in token order), and its fields.
func parseShape(pieces []formatPiece, mask int) ([]dialect.ShapeChar, []field) {
	var shape []dialect.ShapeChar
	var fields []field
	bit := 0
	for i, p := range pieces {
		if p.Token == "" {
			for _, r := range p.Text {
				shape = append(shape, dialect.ShapeChar{Lit: r})
			}
			continue
		}
		width := len(p.Token)
		if variableWidth(pieces, i) {
			width = 1 + mask>>bit&1
			bit++
		}
		text := p.Token == "MMM"
		fields = append(fields, field{g: parseTokens[p.Token], start: len(shape), len: width, text: text})
		for range width {
			shape = append(shape, dialect.ShapeChar{Digit: !text, Letter: text})
		}
	}
	return shape, fields
}

// buildDate adds the fields read from s to 1900-01-01, or is NULL when a
// field is out of range.
func (c *Compiler) buildDate(s string, fields []field) string {
	d := c.Dialect
	num := map[dialect.Granularity]string{}
	for _, f := range fields {
		part := d.Substring(s, strconv.Itoa(f.start+1), strconv.Itoa(f.len))
		if f.text {
			// The abbreviation's place in the list of months, when it
			// starts an entry.
			at := d.Locate("'janfebmaraprmayjunjulaugsepoctnovdec'", d.Lower(part), "")
			num[f.g] = "(CASE WHEN " + at + " > 0 AND " + d.Mod("("+at+" - 1)", "3") + " = 0 THEN " + d.Cast(d.Div("("+at+" + 2)", "3"), dialect.Integer) + " END)"
			continue
		}
		num[f.g] = d.Cast(part, dialect.Integer)
	}
	t := c.Bind(d.TimeArg(parseEpoch), dialect.Datetime)
	t = d.DateAdd(t, "("+num[dialect.Year]+" - 1900)", dialect.Year)
	t = d.DateAdd(t, "("+num[dialect.Month]+" - 1)", dialect.Month)
	t = d.DateAdd(t, "("+num[dialect.Day]+" - 1)", dialect.Day)
	conds := []string{
		num[dialect.Month] + " BETWEEN 1 AND 12",
		num[dialect.Day] + " >= 1",
		d.Extract(t, dialect.Month) + " = " + num[dialect.Month],
	}
	for i, g := range []dialect.Granularity{dialect.Hour, dialect.Minute, dialect.Second} {
		if v, ok := num[g]; ok {
			conds = append(conds, v+" <= "+[]string{"23", "59", "59"}[i])
		}
	}
	for _, g := range []dialect.Granularity{dialect.Hour, dialect.Minute, dialect.Second} {
		if v, ok := num[g]; ok {
			t = d.DateAdd(t, v, g)
		}
	}
	cond := conds[0]
	for _, k := range conds[1:] {
		cond += " AND " + k
	}
	return "(CASE WHEN " + cond + " THEN " + t + " END)"
}
