package viewer

import (
	"math"
)

// ECharts scales a value axis to the series' data only, not to their
// markLines: a reference line beyond the data would be drawn outside the
// chart, that is not at all. extendAxis widens the line's value axis to
// show it.

// extendAxis sets the min or max of the value axis a reference line at
// val binds to when val lies outside the data drawn on that axis (stacks
// summed).
func extendAxis(opt obj, axisKey string, secondary bool, val float64) {
	idx := 0
	if secondary {
		idx = 1
	}
	var axis obj
	switch a := opt[axisKey].(type) {
	case obj:
		if idx == 0 {
			axis = a
		}
	case []obj:
		if idx < len(a) {
			axis = a[idx]
		}
	}
	if axis == nil {
		return
	}
	lo, hi := 0.0, 0.0         // value axes of bars and lines include zero
	if axis["scale"] == true { // a box plot's: the data only
		lo, hi = math.Inf(1), math.Inf(-1)
	}
	stacks := map[string]map[int][2]float64{}
	eachSeries(opt, func(s obj) {
		if i, _ := s["yAxisIndex"].(int); i != idx {
			return
		}
		data, _ := s["data"].([]any)
		stack, _ := s["stack"].(string)
		for j, d := range data {
			if box, ok := d.([]any); ok { // a box's five numbers, an outlier's name and value
				for _, e := range box {
					if f, ok := number(e); ok {
						lo, hi = math.Min(lo, f), math.Max(hi, f)
					}
				}
				continue
			}
			f, ok := number(d)
			if !ok {
				continue
			}
			if stack == "" {
				lo, hi = math.Min(lo, f), math.Max(hi, f)
				continue
			}
			if stacks[stack] == nil {
				stacks[stack] = map[int][2]float64{}
			}
			sum := stacks[stack][j]
			if f < 0 {
				sum[0] += f
			} else {
				sum[1] += f
			}
			stacks[stack][j] = sum
			lo, hi = math.Min(lo, sum[0]), math.Max(hi, sum[1])
		}
	})
	switch {
	case val > hi:
		axis["max"] = beyond(val, 1)
	case val < lo:
		axis["min"] = beyond(val, -1)
	}
}

// beyond is a bound a tenth of |val| beyond val in direction dir (+1
// above, −1 below), rounded further that way to two significant digits;
// val itself when that is not finite (a line near the largest float).
func beyond(val, dir float64) float64 {
	b := val + dir*math.Abs(val)*0.1
	if b == 0 || math.IsNaN(b) || math.IsInf(b, 0) {
		if math.IsInf(b, 0) {
			return val
		}
		return b
	}
	p := math.Pow(10, math.Floor(math.Log10(math.Abs(b)))-1)
	if dir > 0 {
		b = math.Ceil(b/p) * p
	} else {
		b = math.Floor(b/p) * p
	}
	if math.IsInf(b, 0) || math.IsNaN(b) {
		return val
	}
	return b
}
