package viewer

import (
	"encoding/json"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
)

// unsupportedKind is what the tile of a visual kind Sightglass does not
// draw says. A plugin visual is drawn by its plugin's own code (the
// Highcharts visual by Highcharts, from its options and QuickSight's
// expressions in them), which the viewer does not run: its tile names the
// plugin.
func unsupportedKind(vis *definition.Visual) string {
	if vis.Kind != "PluginVisual" {
		return kindLabel(vis.Kind) + " visuals are not yet supported by Sightglass."
	}
	var pv struct{ PluginArn string }
	_ = json.Unmarshal(vis.Raw, &pv)
	if strings.Contains(pv.PluginArn, ":visualplugin/highcharts/") {
		return "Highcharts visuals are not yet supported by Sightglass: the chart is Highcharts code (" + pv.PluginArn + "), which Sightglass does not run."
	}
	if pv.PluginArn == "" {
		return "Plugin visuals are not yet supported by Sightglass."
	}
	return "Plugin visuals are not yet supported by Sightglass: the chart is the code of the plugin " + pv.PluginArn + ", which Sightglass does not have."
}
