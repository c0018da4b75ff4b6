package sqlitec

// SetMaxValues lowers the bound on a group's values for a test.
var SetMaxValues = setMaxValues
