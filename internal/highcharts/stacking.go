package highcharts

import "math"

// stacking stacks a series as Highcharts does: series of one kind (bars,
// or areas and lines) on one y axis with the same stack option pile up;
// "percent" draws each as its share of the pile at each x.
func (t *translation) stacking(s *src, out map[string]any) error {
	v, ok := s.opt("stacking")
	if !ok || v == nil || text(v) == "" {
		return nil
	}
	mode := text(v)
	if mode != "normal" && mode != "percent" {
		return refuse("stacking %q is not drawn by Sightglass (series %d)", mode, s.index+1)
	}
	key := "stack-" + text(out["yAxisIndex"]) + "-" + text(out["xAxisIndex"]) + "-" + text(out["type"])
	if st, ok := s.opt("stack"); ok && st != nil {
		key += "-" + text(st)
	}
	out["stack"] = key
	if mode == "percent" {
		if t.percent == nil {
			t.percent = map[string]bool{}
		}
		t.percent[key] = true
	}
	return nil
}

// stackPercent turns the values of percent stacks into shares of each
// x's total (of absolute values), as percent stacking draws them, and
// fixes their value axis to 0–100.
func (t *translation) stackPercent() error {
	if len(t.percent) == 0 {
		return nil
	}
	yAt, xAt := 1, 0
	if t.inverted {
		yAt, xAt = 0, 1
	}
	for key := range t.percent {
		totals := map[any]float64{}
		var members []map[string]any
		for _, s := range t.series {
			if s["stack"] != key {
				continue
			}
			members = append(members, s)
			for _, item := range s["data"].([]any) {
				v := item.(map[string]any)["value"].([]any)
				if y, ok := v[yAt].(float64); ok {
					totals[v[xAt]] += math.Abs(y)
				}
			}
		}
		for _, s := range members {
			for _, item := range s["data"].([]any) {
				v := item.(map[string]any)["value"].([]any)
				if y, ok := v[yAt].(float64); ok && totals[v[xAt]] != 0 {
					v[yAt] = y / totals[v[xAt]] * 100
				}
			}
			axes := t.yAxes
			idx := s["yAxisIndex"]
			if t.inverted {
				idx = s["xAxisIndex"]
			}
			if i, ok := idx.(int); ok && i < len(axes) {
				axes[i].percent = true
			}
		}
	}
	return nil
}
