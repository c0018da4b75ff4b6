package query

import (
	"github.com/sightglass/sightglass/internal/query/expr"
)

// nested compiles a nested filter into a membership test: the field's
// value among (or not among) the values the field takes in the rows the
// inner filter keeps, over the whole relation (row-level security
// included, as the relation is the reader's). The inner filter must be a
// row filter: the subset it defines is of rows, not of groups.
func (cc *compilation) nested(path string, f Filter, relation string) (string, error) {
	v, err := cc.resolve(path, f.Field)
	if err != nil {
		return "", err
	}
	if v.Kind >= expr.Aggregate {
		return "", invalid("%s: %q is aggregated; a nested filter keeps values of a row field", path, f.Field)
	}
	if f.Inner == nil {
		return "", invalid("%s.Inner is required for %s", path, NestedFilter)
	}
	if f.Inner.Kind == NestedFilter || f.Inner.Kind == TopBottomFilter {
		return "", invalid("%s.Inner: a %s filter cannot be a nested filter's inner filter", path, f.Inner.Kind)
	}
	inner, aggregated, err := cc.filter(path+".Inner", *f.Inner)
	if err != nil {
		return "", err
	}
	if aggregated || cc.filterKind >= expr.Aggregate {
		return "", invalid("%s.Inner filters an aggregated field; a nested filter's subset is of rows", path)
	}
	subset := "(SELECT nf.k FROM (SELECT " + v.SQL + " AS k FROM (" + relation + ") AS ds WHERE " + inner + " AND " + v.SQL + " IS NOT NULL) AS nf)"
	if f.IncludeInner {
		return "(" + v.SQL + " IN " + subset + ")", nil
	}
	return "(" + v.SQL + " IS NOT NULL AND " + v.SQL + " NOT IN " + subset + ")", nil
}
