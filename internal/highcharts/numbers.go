package highcharts

import "math"

// num reads a number member of an object, marking it read only when it
// is a finite number (else it is named as not drawn).
func (t *translation) num(m map[string]any, key, path string) (float64, bool) {
	f, ok := m[key].(float64)
	if !ok {
		return 0, false
	}
	t.r.mark(path)
	return f, true
}

// finite returns f unless it is NaN or infinite.
func finite(f float64) (float64, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}
