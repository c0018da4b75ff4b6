package expr

import "strings"

// QuickSight's calculation language has no boolean literal: booleans
// from a data source are promoted to the integers 1 and 0, and a
// condition (a comparison, and/or/not, isNull, contains, …) is only
// ever the test of ifelse, a *If aggregate or a filter, or a value that
// reads 1 or 0. A bare TRUE or FALSE is therefore a field reference; when
// no field has that name it is refused with an error that says so,
// rather than "unknown field", which reads like a typo.

// booleanWord is the error for a reference to a TRUE or FALSE field that
// does not exist; ok false for any other name.
func booleanWord(f *Field) (*Error, bool) {
	up := strings.ToUpper(f.Name)
	if up != "TRUE" && up != "FALSE" {
		return nil, false
	}
	one := "1"
	if up == "FALSE" {
		one = "0"
	}
	return errorf(f.At, "%s is not a value in QuickSight's calculation language, which has no boolean literal (booleans are the integers 1 and 0): write %s, or the condition itself", f.Name, one), true
}
