package viewer

import "testing"

func TestInsightMessage(t *testing.T) {
	wantEq(t, "forecast", insightMessage([]byte(`{"VisualId": "i", "InsightConfiguration": {"Computations": [
	 {"Forecast": {"ComputationId": "f"}}, {"TotalAggregation": {"ComputationId": "t"}}]}}`)),
		"Insight visuals are not yet supported by Sightglass (computations: Forecast, TotalAggregation). Forecasts and anomaly detection also need a machine-learning model, which Sightglass does not have.")
	wantEq(t, "movers", insightMessage([]byte(`{"VisualId": "i", "InsightConfiguration": {"Computations": [{"TopBottomMovers": {"ComputationId": "m"}}]}}`)),
		"Insight visuals are not yet supported by Sightglass (computations: TopBottomMovers).")
	wantEq(t, "bare", insightMessage([]byte(`{"VisualId": "i"}`)), "Insight visuals are not yet supported by Sightglass.")
}
