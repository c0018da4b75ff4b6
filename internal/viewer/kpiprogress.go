package viewer

import "math"

// A KPI with a target draws a progress bar (KPIOptions.ProgressBar,
// shown unless its Visibility is HIDDEN): the value in percent of the
// target, the bar filled up to 100%. A zero target has no progress and
// draws no bar.

// ProgressBar is a KPI's progress toward its target.
type ProgressBar struct {
	Percent float64 // value / target × 100, unclamped
	Fill    float64 // Percent clamped to 0…100, the bar's fill
	Text    string  // "85%"
}

// progressBar is the progress of v toward target; nil when hidden or
// when it cannot be computed.
func progressBar(o *kpiOptions, v, target float64) *ProgressBar {
	if o != nil && o.ProgressBar != nil && o.ProgressBar.Visibility == "HIDDEN" {
		return nil
	}
	if target == 0 {
		return nil
	}
	pct := v / target * 100
	if math.IsInf(pct, 0) || math.IsNaN(pct) {
		return nil
	}
	return &ProgressBar{Percent: pct, Fill: round2(math.Max(0, math.Min(100, pct))), Text: formatNumber(pct) + "%"}
}
