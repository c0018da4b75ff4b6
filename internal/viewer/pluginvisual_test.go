package viewer

import "testing"

// A plugin visual's tile names its plugin (the Highcharts visual is drawn:
// highcharts_test.go).
func TestUnsupportedKind(t *testing.T) {
	for js, want := range map[string]string{
		`{"PluginVisual": {"VisualId": "p", "PluginArn": "arn:aws:quicksight:us-east-1:123456789012:plugin/x"}}`: "Plugin visuals are not yet supported by Sightglass: the chart is the code of the plugin arn:aws:quicksight:us-east-1:123456789012:plugin/x, which Sightglass does not have.",
		`{"FutureVisual": {"VisualId": "f"}}`: "Future visuals are not yet supported by Sightglass.",
	} {
		wantEq(t, js, unsupportedKind(visualOf(t, js)), want)
	}
}
