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
	lo, hi := 0.0, 0.0 // value axes of bars and lines include zero
	stacks := map[string]map[int][2]float64{}
	eachSeries(opt, func(s obj) {
		if i, _ := s["yAxisIndex"].(int); i != idx {
			return
		}
		data, _ := s["data"].([]any)
		stack, _ := s["stack"].(string)
		for j, d := range data {
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
	bound := roundAway(val * 1.1)
	if math.IsInf(bound, 0) { // a line near the largest float: the line itself bounds the axis
		bound = val
	}
	switch {
	case val > hi:
		axis["max"] = bound
	case val < lo:
		axis["min"] = bound
	}
}

// roundAway rounds a number away from zero to two significant digits.
func roundAway(f float64) float64 {
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return f
	}
	p := math.Pow(10, math.Floor(math.Log10(math.Abs(f)))-1)
	if f > 0 {
		return math.Ceil(f/p) * p
	}
	return math.Floor(f/p) * p
}
