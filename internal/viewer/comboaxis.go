package viewer

import "encoding/json"

// A combo chart draws its lines on a second Y axis of their own scale,
// unless its SingleAxisOptions put every series on the primary one
// (YAxisOptions.YAxis PRIMARY_Y_AXIS, the only value the API has): then
// bars and lines share one scale, as an author comparing a budget line
// with spend bars asks.

// singleYAxis reports whether a chart's SingleAxisOptions ask for one Y
// axis.
func singleYAxis(raw json.RawMessage) bool {
	if len(raw) == 0 {
		return false
	}
	var o struct {
		YAxisOptions *struct{ YAxis string }
	}
	if json.Unmarshal(raw, &o) != nil || o.YAxisOptions == nil {
		return false
	}
	return o.YAxisOptions.YAxis == "PRIMARY_Y_AXIS"
}
