package rls

import (
	"strconv"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// SQL conditions every engine accepts.
const (
	condTrue  = ""
	condFalse = "1 = 0"
)

// Builder writes conditions over a relation's columns in a dialect. Rule
// values become bound arguments, referenced with dialect.Arg from index
// FirstArg on; Args returns them.
type Builder struct {
	d         dialect.Dialect
	cols      map[string]dataset.Column
	qualifier string
	firstArg  int
	args      []any
}

// NewBuilder returns a builder over cols, written as qualifier.column
// (qualifier already quoted), whose first argument has index firstArg.
func NewBuilder(d dialect.Dialect, cols []dataset.Column, qualifier string, firstArg int) *Builder {
	m := make(map[string]dataset.Column, len(cols))
	for _, c := range cols {
		m[c.Name] = c
	}
	return &Builder{d: d, cols: m, qualifier: qualifier, firstArg: firstArg}
}

// Args returns the bound arguments of the conditions written so far.
func (b *Builder) Args() []any { return b.args }

// in is the condition that column is one of values, each converted to the
// column's type; a value that is not of that type matches nothing.
func (b *Builder) in(column string, values []string) (string, error) {
	col, ok := b.cols[column]
	if !ok {
		return "", sg.Errorf(sg.EPRECONDITION, "Row-level security names column %q, which the dataset no longer has.", column)
	}
	t := dialect.Type(col.Type)
	var refs []string
	for _, v := range values {
		arg, ok, err := typed(v, t)
		if err != nil {
			return "", sg.Errorf(sg.EPRECONDITION, "Row-level security cannot restrict column %q: %v", column, err)
		}
		if !ok {
			continue
		}
		if len(b.args) >= MaxConditionArgs {
			return "", sg.Errorf(sg.ELIMIT, "The row-level security rules of this reader have more than %d values.", MaxConditionArgs)
		}
		b.args = append(b.args, arg)
		refs = append(refs, b.d.Param(dialect.Arg(b.firstArg+len(b.args)-1), t))
	}
	if len(refs) == 0 {
		return condFalse, nil
	}
	ref := b.qualifier + "." + b.d.QuoteIdent(column)
	if len(refs) == 1 {
		return ref + " = " + refs[0], nil
	}
	return ref + " IN (" + strings.Join(refs, ", ") + ")", nil
}

// typed converts a rule value to a column type; ok is false for a value
// that no value of the column can equal.
func typed(v string, t dialect.Type) (arg any, ok bool, err error) {
	switch t {
	case dialect.String, dialect.JSON, "":
		return v, true, nil
	case dialect.Integer, dialect.Bit:
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil, nil
	case dialect.Decimal:
		f, err := strconv.ParseFloat(v, 64)
		return f, err == nil, nil
	case dialect.Boolean:
		bv, err := strconv.ParseBool(v)
		return bv, err == nil, nil
	}
	return nil, false, parseError("rules on " + string(t) + " columns are not supported")
}

// Grant is the condition of the rows a reader sees under the rules that
// match it: with GRANT_ACCESS the rows some rule covers (none when no rule
// matches), with DENY_ACCESS the rows no rule covers. A rule covers the
// rows whose every restricted field has one of its values. "" means every
// row.
func (b *Builder) Grant(policy string, matching []Rule) (string, error) {
	deny := policy == DenyAccess
	if len(matching) == 0 {
		if deny {
			return condTrue, nil
		}
		return condFalse, nil
	}
	var alts []string
	for _, r := range matching {
		if len(r.Values) == 0 { // covers every row
			if deny {
				return condFalse, nil
			}
			return condTrue, nil
		}
		// Fields in a stable order, so equal rules write equal SQL (the
		// result cache keys on it).
		fields := make([]string, 0, len(r.Values))
		for f := range r.Values {
			fields = append(fields, f)
		}
		sortStrings(fields)
		var all []string
		for _, f := range fields {
			c, err := b.in(f, r.Values[f])
			if err != nil {
				return "", err
			}
			all = append(all, c)
		}
		alts = append(alts, "("+strings.Join(all, " AND ")+")")
	}
	cond := "(" + strings.Join(alts, " OR ") + ")"
	if deny {
		// A row the rules do not decide (a NULL field) is not denied.
		return "(CASE WHEN " + cond + " THEN 0 ELSE 1 END) = 1", nil
	}
	return cond, nil
}

// Tags is the condition of the rows an anonymous session with tags sees:
// those of any tag rule configuration all of whose tags the session has,
// a tag's value being one value, several separated by the rule's
// delimiter, or the rule's MatchAllValue for every value. A session that
// fulfils no configuration sees no row.
func (b *Builder) Tags(cfg *TagConfig, tags map[string]string) (string, error) {
	rules := map[string]TagRule{}
	var keys []string
	for _, r := range cfg.TagRules {
		rules[r.TagKey] = r
		keys = append(keys, r.TagKey)
	}
	confs := cfg.TagRuleConfigurations
	if len(confs) == 0 {
		confs = [][]string{keys}
	}
	var alts []string
confs:
	for _, conf := range confs {
		var all []string
		for _, k := range conf {
			r, ok := rules[k]
			v, has := tags[k]
			if !ok || !has || strings.TrimSpace(v) == "" {
				continue confs // the session does not fulfil this configuration
			}
			if r.MatchAllValue != "" && v == r.MatchAllValue {
				continue
			}
			vals := []string{v}
			if r.TagMultiValueDelimiter != "" {
				vals = strings.Split(v, r.TagMultiValueDelimiter)
			}
			if len(vals) > MaxValuesPerCell {
				return "", sg.Errorf(sg.ELIMIT, "Session tag %q has more than %d values.", k, MaxValuesPerCell)
			}
			c, err := b.in(r.ColumnName, vals)
			if err != nil {
				return "", err
			}
			all = append(all, c)
		}
		if len(all) == 0 {
			return condTrue, nil // every tag of the configuration matches all
		}
		alts = append(alts, "("+strings.Join(all, " AND ")+")")
	}
	if len(alts) == 0 {
		return condFalse, nil
	}
	return "(" + strings.Join(alts, " OR ") + ")", nil
}

// And joins conditions; "" (every row) is left out.
func And(conds ...string) string {
	var parts []string
	for _, c := range conds {
		if c == condFalse {
			return condFalse
		}
		if c != condTrue {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " AND ")
}
