package e2e

import (
	"fmt"
	"testing"
)

// TestViewerPointStyles draws a points map of revenue by position and
// segment in clusters, and one of revenue by position as a heat map,
// through the SDK, each against SQL over the sample file: a city's
// segments share its position, so each city with several segments is one
// cluster counting them; the heat map weighs each position by its revenue.
func TestViewerPointStyles(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	loc := geoField("NumericalDimensionField", "lat", "lat") + ", " + geoField("NumericalDimensionField", "lon", "lon")
	body := mapsDashboard(t, ts,
		`{"GeospatialMapVisual": {"VisualId": "clusters", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [`+loc+`], "Values": [`+geoSum("rev", "revenue")+`], "Colors": [`+geoField("CategoricalDimensionField", "seg", "segment")+`]}},
		  "PointStyleOptions": {"SelectedPointStyle": "CLUSTER"}}}}`,
		`{"GeospatialMapVisual": {"VisualId": "heat", "ChartConfiguration": {"FieldWells": {"GeospatialMapAggregatedFieldWells": {"Geospatial": [`+loc+`], "Values": [`+geoSum("hrev", "revenue")+`]}},
		  "PointStyleOptions": {"SelectedPointStyle": "HEATMAP"}}}}`,
	)
	cities := "('New York', 'Berlin', 'Tokyo', 'Sydney')"

	// Clusters: [latitude, longitude, points] per city with several
	// segments; points: [latitude, longitude, revenue] of the others.
	o := rawChart(t, body, "clusters")
	var clusters, points [][]any
	for _, s := range o["series"].([]any) {
		s := s.(map[string]any)
		for _, d := range s["data"].([]any) {
			v := d.(map[string]any)["value"].([]any)
			if s["name"] == "Clusters" {
				clusters = append(clusters, []any{v[1], v[0], v[2]})
			} else {
				points = append(points, []any{v[1], v[0], v[2]})
			}
		}
	}
	var wantClusters, wantPoints [][]any
	for _, r := range sqlRows(t, ts, "SELECT city, count(DISTINCT segment), round(sum(revenue), 2) FROM orders WHERE city IN "+cities+" GROUP BY 1") {
		p := cityPlaces[r[0].(string)]
		if asFloat(r[1]) > 1 {
			wantClusters = append(wantClusters, []any{p[0], p[1], r[1]})
		} else {
			wantPoints = append(wantPoints, []any{p[0], p[1], r[2]})
		}
	}
	if len(wantClusters) == 0 {
		t.Fatal("the sample has no city with several segments")
	}
	for _, rows := range [][][]any{clusters, points, wantClusters, wantPoints} {
		sortAny(rows)
	}
	wantRows(t, "clusters", clusters, wantClusters)
	if fmt.Sprint(points) != fmt.Sprint(wantPoints) {
		t.Errorf("points outside clusters:\n got %v\nwant %v", points, wantPoints)
	}

	// The heat map: [latitude, longitude, revenue] per position.
	o = rawChart(t, body, "heat")
	ss := o["series"].([]any)
	if len(ss) != 1 || ss[0].(map[string]any)["type"] != "heatmap" {
		t.Fatalf("heat map series %v", ss)
	}
	var heat, wantHeat [][]any
	for _, d := range ss[0].(map[string]any)["data"].([]any) {
		v := d.([]any)
		heat = append(heat, []any{v[1], v[0], v[2]})
	}
	big := 0.0
	for _, r := range sqlRows(t, ts, "SELECT city, round(sum(revenue), 2) FROM orders WHERE city IN "+cities+" GROUP BY 1") {
		p := cityPlaces[r[0].(string)]
		wantHeat = append(wantHeat, []any{p[0], p[1], r[1]})
		big = max(big, asFloat(r[1]))
	}
	sortAny(heat)
	sortAny(wantHeat)
	wantRows(t, "heat", heat, wantHeat)
	if m := asFloat(o["visualMap"].(map[string]any)["max"]); m != big {
		t.Errorf("heat scale max %v, want %v", m, big)
	}
	if note := tileNote(t, body, "heat"); note != fmt.Sprintf("1 of %d rows have no valid latitude and longitude: ((empty), (empty)).", len(wantHeat)+1) {
		t.Errorf("heat note %q", note)
	}
}
