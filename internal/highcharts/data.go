package highcharts

// Data is what a chart code's expressions read: the visual's answer by
// column (its group-by fields, then its values, in field-well order) and
// the theme's colors.
type Data struct {
	Columns [][]any  // each column's values by row: nil, bool, float64 or string
	Names   []string // each column's field name, as getColumnName gives it
	GroupBy int      // how many leading columns are group-by fields
	Palette []string // the theme's data colors (getColorTheme)
	// UIColors are the theme's named colors (getPaletteColor), such as
	// "primaryBackground" or "secondaryForeground".
	UIColors map[string]string
	// Format writes a value as column col's field does (formatValue).
	Format func(col int, v any) string
	// NumberFormats are the columns' number formats as the console's page
	// reads them under NumberFormatKey (nil: none).
	NumberFormats []any
}

// NumberFormatKey is the member of an ECharts axis or series that carries
// a number format the console's page writes values in.
const NumberFormatKey = "sgNumberFormat"

// Deferred is an expression that reads a value only known when a point or
// label is drawn: ["formatValue", "value", 1] formats each axis label as
// column 1's field does. The translation turns it into that column's
// format where it stands in a formatter, and names it otherwise.
type Deferred struct {
	Op   string
	Args []any
}
