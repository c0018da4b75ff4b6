package dialect

// SQLite has no percentile aggregate; the connections of SQLite data
// sources carry Go ones under these names (package sqlitepct), which
// compute exactly what ranking the values with window functions computes
// there, and are window functions too.
const (
	// SQLitePercentileCont(x, fraction) interpolates, as PERCENTILE_CONT.
	SQLitePercentileCont = "sg_percentile_cont"
	// SQLitePercentileDisc(x, fraction) is the value at rank
	// ceil(percent·n/100) (the percentileDisc aggregate).
	SQLitePercentileDisc = "sg_percentile_disc"
	// SQLitePercentileDiscPPM(x, millionths) is the value of the first
	// rank r with r·10⁶ ≥ millionths·n (percentileDiscOver).
	SQLitePercentileDiscPPM = "sg_percentile_disc_ppm"
)

// PercentileWindows is implemented by a dialect whose percentile
// aggregates are also window functions, so that a percentile over a
// partition is one window call instead of ranks and a count computed a
// level below.
type PercentileWindows interface {
	// PercentileContOver is the continuous percentile of x at the
	// fraction p (a fragment), to be followed by OVER (…).
	PercentileContOver(x, p string) string
	// PercentileDiscOver is the discrete percentile of x at the
	// percentile m in millionths (a whole-number fragment): the value of
	// the first rank r with r·10⁶ ≥ m·n; to be followed by OVER (…).
	PercentileDiscOver(x, m string) string
}

func (sqliteDialect) PercentileContOver(x, p string) string {
	return SQLitePercentileCont + "(" + x + ", " + p + ")"
}

func (sqliteDialect) PercentileDiscOver(x, m string) string {
	return SQLitePercentileDiscPPM + "(" + x + ", " + m + ")"
}
