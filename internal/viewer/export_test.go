package viewer

// SetTotalsFromCells turns off (and on again) finding a pivot's totals
// from its cells, for the benchmark of the alternative.
func SetTotalsFromCells(on bool) { totalsFromCells = on }
