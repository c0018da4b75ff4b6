package query

import (
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// crossDatasetApplies reports whether a filter made on another dataset
// and applied to all datasets applies to this relation: it has a field of
// the filter's name, and of the type the filter's kind compares. A
// field whose look-up fails is taken to apply, so that its error is
// reported rather than the filter skipped.
func (cc *compilation) crossDatasetApplies(f Filter) bool {
	fields := []string{f.Field}
	if f.Kind == NestedFilter && f.Inner != nil {
		fields = append(fields, f.Inner.Field)
	}
	for i, name := range fields {
		v, ok, err := cc.field(name)
		if err != nil {
			return true
		}
		if !ok {
			return false
		}
		kind := f.Kind
		if i == 1 {
			kind = f.Inner.Kind
		}
		filter := f
		if i == 1 {
			filter = *f.Inner
		}
		if !cc.crossDatasetType(kind, filter, v.Type) {
			return false
		}
	}
	return true
}

// crossDatasetType reports whether a field of type t is of the type a
// filter of kind compares. A category filter compares the type of its
// values (numbers for a numeric equality filter) or of its parameter.
func (cc *compilation) crossDatasetType(kind string, f Filter, t dialect.Type) bool {
	numeric := t == dialect.Integer || t == dialect.Decimal
	switch kind {
	case DateRangeFilter, RelativeDateFilter:
		return t == dialect.Datetime
	case NumericRangeFilter:
		return numeric
	case TopBottomFilter:
		if f.Granularity != "" {
			return t == dialect.Datetime
		}
		return t == dialect.String
	case NestedFilter:
		return t == dialect.String
	}
	if f.ValuesParameter != "" {
		if _, pt, ok := cc.param(f.ValuesParameter); ok {
			if pt == dialect.Integer || pt == dialect.Decimal {
				return numeric
			}
			return t == pt
		}
	}
	for _, x := range f.Values {
		switch x.(type) {
		case float64, int64, int:
			return numeric
		}
	}
	return t == dialect.String
}
