package highcharts

import (
	"math"
	"slices"
	"strconv"
)

// stack is the series Highcharts piles up together: those of one series
// type with the same stack option on one y axis.
type stack struct {
	percent  bool
	reversed bool  // the first series on top (the y axis's reversedStacks, true by default)
	x        *axis // the x axis they share
	series   []map[string]any
}

// stacking puts a series on its stack, keyed as Highcharts keys it (by
// series type, stack option and y axis).
func (t *translation) stacking(s *src, out map[string]any, xa, ya *axis, yi int) error {
	v, ok := s.opt("stacking")
	if !ok || v == nil || text(v) == "" {
		return nil
	}
	mode := text(v)
	if mode != "normal" && mode != "percent" {
		return refuse("stacking %q is not drawn by Sightglass (series %d)", brief(mode), s.index+1)
	}
	key := s.typ + "\x00" + strconv.Itoa(yi)
	if st, ok := s.opt("stack"); ok && st != nil {
		key += "\x00" + text(st)
	}
	if t.stacks == nil {
		t.stacks = map[string]*stack{}
	}
	st := t.stacks[key]
	if st == nil {
		st = &stack{x: xa, reversed: true}
		if v, ok := t.r.get(ya.src, "reversedStacks", ya.path+".reversedStacks"); ok {
			st.reversed = truthy(v)
		}
		t.stacks[key] = st
		t.order = append(t.order, key)
	}
	st.percent = st.percent || mode == "percent"
	if st.x != xa {
		return refuse("series %d stacks with series on another x axis", s.index+1)
	}
	out["stack"] = "s" + strconv.Itoa(slices.Index(t.order, key))
	st.series = append(st.series, out)
	return nil
}

// finishStacks checks and completes the stacks: ECharts piles points by
// their place in the series on a value or time axis (Highcharts by x), so
// there the series must have the same x values; percent stacks become
// shares of each x's total; and the series of a stack are drawn in
// reverse, the first on top, as Highcharts draws them.
func (t *translation) finishStacks() error {
	yAt, xAt := 1, 0
	if t.inverted {
		yAt, xAt = 0, 1
	}
	for _, key := range t.order {
		st := t.stacks[key]
		if st.x.kind != "category" && !sameXs(st.series, xAt) {
			return refuse("stacked series on a %s x axis have different x values, which Sightglass does not stack", st.x.kind)
		}
		if st.percent {
			totals := map[any]float64{}
			for _, s := range st.series {
				if name, _ := s["name"].(string); t.hidden[name] {
					continue // Highcharts leaves a hidden series out of its stack
				}
				for _, item := range s["data"].([]any) {
					v := item.(map[string]any)["value"].([]any)
					if y, ok := v[yAt].(float64); ok {
						totals[v[xAt]] += math.Abs(y)
					}
				}
			}
			for _, s := range st.series {
				for _, item := range s["data"].([]any) {
					v := item.(map[string]any)["value"].([]any)
					if y, ok := v[yAt].(float64); ok && totals[v[xAt]] != 0 {
						v[yAt] = y / totals[v[xAt]] * 100
					}
				}
				t.percentAxis(s)
			}
		}
		if st.reversed && len(st.series) > 1 {
			t.reverseStack(st.series)
		}
	}
	return nil
}

// sameXs reports whether every series of a stack has the same x values,
// in the same order.
func sameXs(series []map[string]any, xAt int) bool {
	var first []any
	for i, s := range series {
		var xs []any
		for _, item := range s["data"].([]any) {
			xs = append(xs, item.(map[string]any)["value"].([]any)[xAt])
		}
		if i == 0 {
			first = xs
		} else if !slices.Equal(first, xs) {
			return false
		}
	}
	return true
}

// percentAxis fixes the value axis of a percent stack's series to 0–100.
func (t *translation) percentAxis(s map[string]any) {
	idx := s["yAxisIndex"]
	if t.inverted {
		idx = s["xAxisIndex"]
	}
	if i, ok := idx.(int); ok && i < len(t.yAxes) {
		t.yAxes[i].percent = true
	}
}

// reverseStack reverses the order of a stack's series among the option's
// series (each already has its own color: ECharts colors series by
// order).
func (t *translation) reverseStack(members []map[string]any) {
	var at []int
	for i, s := range t.series {
		if slices.ContainsFunc(members, func(m map[string]any) bool { return sameMap(m, s) }) {
			at = append(at, i)
		}
	}
	for l, r := 0, len(at)-1; l < r; l, r = l+1, r-1 {
		t.series[at[l]], t.series[at[r]] = t.series[at[r]], t.series[at[l]]
	}
}

// sameMap reports whether two maps are the same map.
func sameMap(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	a["\x00probe"] = true
	_, same := b["\x00probe"]
	delete(a, "\x00probe")
	return same
}
