package viewer

import (
	"encoding/json"
	"sort"
	"strings"
)

// insightMessage is what the tile of an InsightVisual says: Sightglass
// computes no insight yet; one with a Forecast computation (or an
// anomaly detection narrative) would also need a trained model, which it
// says by name.
func insightMessage(raw json.RawMessage) string {
	var v struct {
		InsightConfiguration *struct {
			Computations    []map[string]json.RawMessage
			CustomNarrative *struct{ Narrative string }
		}
	}
	_ = json.Unmarshal(raw, &v)
	var kinds []string
	ml := false
	if c := v.InsightConfiguration; c != nil {
		seen := map[string]bool{}
		for _, comp := range c.Computations {
			for k := range comp {
				if !seen[k] {
					seen[k] = true
					kinds = append(kinds, k)
				}
				ml = ml || k == "Forecast"
			}
		}
		if c.CustomNarrative != nil && strings.Contains(strings.ToLower(c.CustomNarrative.Narrative), "anomal") {
			ml = true
		}
	}
	sort.Strings(kinds)
	msg := "Insight visuals are not yet supported by Sightglass"
	if len(kinds) > 0 {
		msg += " (computations: " + strings.Join(kinds, ", ") + ")"
	}
	msg += "."
	if ml {
		msg += " Forecasts and anomaly detection also need a machine-learning model, which Sightglass does not have."
	}
	return msg
}

// insightEmpty reports whether an insight has no computation and no
// custom narrative: QuickSight draws nothing in it, and neither does the
// viewer.
func insightEmpty(raw json.RawMessage) bool {
	var v struct {
		InsightConfiguration *struct {
			Computations    []json.RawMessage
			CustomNarrative json.RawMessage
		}
	}
	if json.Unmarshal(raw, &v) != nil {
		return false
	}
	c := v.InsightConfiguration
	return c == nil || len(c.Computations) == 0 && len(c.CustomNarrative) == 0
}
