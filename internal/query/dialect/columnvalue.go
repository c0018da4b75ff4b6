package dialect

// ColumnValue is how a calculation reads a dataset column of the given
// type (an InputColumn or logical column type) written as sql: its
// expression type, and the SQL that reads it. QuickSight's calculation
// language has no boolean values: a BOOLEAN column, like a BIT one, is
// promoted to the integers 1 and 0 (NULL stays NULL), so `{flag} = 1`
// compares it; JSON is text.
func ColumnValue(sql, colType string) (string, Type) {
	switch colType {
	case "BIT":
		return sql, Integer
	case "BOOLEAN":
		return "(CASE WHEN " + sql + " THEN 1 WHEN NOT " + sql + " THEN 0 END)", Integer
	case "JSON":
		return sql, String
	}
	return sql, Type(colType)
}
