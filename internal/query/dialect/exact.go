package dialect

// ExactText is the text x to compare exactly, character for character:
// QuickSight's = and <> are case sensitive, and so are the labels of
// switch and the lists of in and notIn. MySQL's default collations
// ignore case and trailing blanks, so it compares the bytes; the other
// engines compare text exactly under their deterministic collations.
func ExactText(d Dialect, x string) string {
	if d.Name() == "mysql" {
		return mysqlBinary(x)
	}
	return x
}
