package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
)

// unsupportedKind is what the tile of a visual kind Sightglass does not
// draw says. A plugin visual other than the Highcharts one (drawn by
// highcharts.go) is drawn by its plugin's own code, which the viewer does
// not have: its tile names the plugin.
func unsupportedKind(vis *definition.Visual) string {
	if vis.Kind != definition.KindPlugin {
		return kindLabel(vis.Kind) + " visuals are not yet supported by Sightglass."
	}
	var pv struct{ PluginArn string }
	_ = json.Unmarshal(vis.Raw, &pv)
	if pv.PluginArn == "" {
		return "Plugin visuals are not yet supported by Sightglass."
	}
	return "Plugin visuals are not yet supported by Sightglass: the chart is the code of the plugin " + pv.PluginArn + ", which Sightglass does not have."
}
