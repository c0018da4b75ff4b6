package viewer

// SetTotalsFromCells turns off (and on again) finding a pivot's totals
// from its cells, for the benchmark of the alternative.
func SetTotalsFromCells(on bool) { totalsFromCells = on }

// ForgetLayerShapes empties the parsed layer files, for the benchmark of
// a layer map's first draw.
func ForgetLayerShapes() {
	c := &layerShapeCache
	c.Lock()
	defer c.Unlock()
	c.m, c.order, c.held = map[string]*layerShapes{}, nil, 0
}
