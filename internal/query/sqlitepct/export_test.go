package sqlitepct

// SetMaxValues lowers the bound on a group's values for a test.
func SetMaxValues(n int) (restore func()) {
	old := maxValues
	maxValues = n
	return func() { maxValues = old }
}
