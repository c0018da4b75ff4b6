package viewer

import (
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

var latLon = map[string]string{"lat": "LATITUDE", "lon": "LONGITUDE"}

// pointStyleRows are a points map's rows: two segments at Berlin and one
// near it, one at Tokyo, one without a position.
func pointStyleRows() *Result {
	return &Result{
		Columns: []query.ResultColumn{{ID: "lat", Type: "DECIMAL"}, {ID: "lon", Type: "DECIMAL"}, {ID: "seg", Type: "STRING"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows: [][]any{{52.52, 13.405, "Retail", int64(100)}, {52.52, 13.405, "Online", int64(25)}, {52.4, 13.1, "Online", int64(5)},
			{35.0, 139.0, "Online", int64(1)}, {nil, 1.0, "Online", int64(4)}},
	}
}

// CLUSTER gathers the points of one grid cell of the view into a marker
// labelled with their count, at their mean position; a point alone in its
// cell stays a point of its series.
func TestPointMapCluster(t *testing.T) {
	p, why := mapPlanOf(t, strings.Replace(pointMap, "%s", `, "PointStyleOptions": {"SelectedPointStyle": "CLUSTER",
	 "ClusterMarkerConfiguration": {"ClusterMarker": {"SimpleClusterMarker": {"Color": "#aa0000"}}}}`, 1), latLon)
	wantEq(t, "refused", why, "")
	wantEq(t, "unsupported", len(p.unsupported), 0)
	opt, note, _ := mapOption(p, pointStyleRows())
	ss := opt["series"].([]obj)
	wantEq(t, "series", len(ss), 3)
	wantEq(t, "retail", ss[0]["data"], []obj{})
	wantEq(t, "online", ss[1]["data"], []obj{{"name": "35, 139", "value": []any{139.0, 35.0, 1.0}, "symbolSize": float64(minPoint)}})
	wantEq(t, "clusters", ss[2]["data"], []obj{{"name": "3 points: 52.52, 13.405; 52.52, 13.405; 52.4, 13.1",
		"value": []any{13.303333, 52.48, 3.0}, "symbolSize": 26.0}})
	wantEq(t, "cluster color", ss[2]["itemStyle"].(obj)["color"], "#aa0000")
	wantEq(t, "legend", opt["legend"].(obj)["data"], []string{"Retail", "Online", "Clusters"})
	wantEq(t, "note", note, "1 of 5 rows have no valid latitude and longitude: ((empty), 1).")

	p, _ = mapPlanOf(t, strings.Replace(pointMap, "%s", `, "PointStyleOptions": {"SelectedPointStyle": "CLUSTER",
	 "ClusterMarkerConfiguration": {"ClusterMarker": {"SimpleClusterMarker": {"Color": "red;x"}}}}`, 1), latLon)
	wantEq(t, "bad color", p.unsupported, []string{`SimpleClusterMarker Color "red;x"`})
	p, _ = mapPlanOf(t, strings.Replace(pointMap, "%s", `, "PointStyleOptions": {"SelectedPointStyle": "HEXBIN"}`, 1), latLon)
	wantEq(t, "unknown style", p.unsupported, []string{"PointStyleOptions HEXBIN"})
}

// HEATMAP draws one heat-map series weighted by the measure, its scale
// from 0 to the largest value in the given colors; a negative value is
// named, and a Colors field is refused.
func TestPointMapHeatmap(t *testing.T) {
	noColor := strings.Replace(pointMap, `,
 "Colors": [{"CategoricalDimensionField": {"FieldId": "seg", "Column": {"DataSetIdentifier": "sales", "ColumnName": "segment"}}}]`, "", 1)
	p, why := mapPlanOf(t, strings.Replace(noColor, "%s", `, "PointStyleOptions": {"SelectedPointStyle": "HEATMAP",
	 "HeatmapConfiguration": {"HeatmapColor": {"Colors": [{"Color": "#000000"}, {"Color": "#FF0000"}]}}}`, 1), latLon)
	wantEq(t, "refused", why, "")
	wantEq(t, "unsupported", len(p.unsupported), 0)
	res := &Result{
		Columns: []query.ResultColumn{{ID: "lat", Type: "DECIMAL"}, {ID: "lon", Type: "DECIMAL"}, {ID: recordsID, Type: "INTEGER", Role: query.RoleMeasure}},
		Rows:    [][]any{{52.52, 13.405, int64(100)}, {35.0, 139.0, int64(-3)}, {40.0, -74.0, int64(7)}},
	}
	opt, note, _ := mapOption(p, res)
	ss := opt["series"].([]obj)
	wantEq(t, "series", len(ss), 1)
	wantEq(t, "type", ss[0]["type"], "heatmap")
	wantEq(t, "data", ss[0]["data"], [][]float64{{13.405, 52.52, 100}, {-74, 40, 7}})
	vm := opt["visualMap"].(obj)
	wantEq(t, "scale", [2]any{vm["max"], vm["inRange"].(obj)["color"]}, [2]any{100.0, []string{"#000000", "#FF0000"}})
	wantEq(t, "note", note, "1 of 3 points have a negative or no value, which a heat map cannot weigh: (35, 139).")

	p, _ = mapPlanOf(t, strings.Replace(pointMap, "%s", `, "PointStyleOptions": {"SelectedPointStyle": "HEATMAP"}`, 1), latLon)
	wantEq(t, "with colors", p.unsupported, []string{"PointStyleOptions HEATMAP with a Colors field"})
}
