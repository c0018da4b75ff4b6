package expr

import "strings"

// QuickSight's calculation language documents no boolean literal:
// booleans from a data source are promoted to the integers 1 and 0, and
// a condition (a comparison, and/or/not, isNull, contains, …) is the test
// of ifelse, a *If aggregate or a filter, or a value that reads 1 or 0.
// Real calculated fields that QuickSight runs nonetheless write TRUE and
// FALSE bare (a public CORA dashboard's ifelse(Date = {Max Date}, TRUE,
// FALSE), filtered = 1): a bare TRUE or FALSE that names no field is that
// condition, always or never holding, reading 1 or 0 as every condition
// does. A field named TRUE is that field; {TRUE} in braces is only ever a
// field.

// booleanWord reports the condition a bare TRUE or FALSE stands for; ok
// false for any other name, or one written in braces.
func booleanWord(f *Field) (value, ok bool) {
	if !f.Bare {
		return false, false
	}
	switch strings.ToUpper(f.Name) {
	case "TRUE":
		return true, true
	case "FALSE":
		return false, true
	}
	return false, false
}

// BareBoolean reports whether n refers to name only as a bare TRUE or
// FALSE (and at least once): a condition when no field has that name,
// not a missing column.
func BareBoolean(n Node, name string) bool {
	bare, other := false, false
	walkFields(n, func(f *Field) {
		if f.Name != name {
			return
		}
		if _, ok := booleanWord(f); ok {
			bare = true
		} else {
			other = true
		}
	})
	return bare && !other
}
