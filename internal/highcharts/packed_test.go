package highcharts

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// packedNodes are the bubbles (not the anchors) of the option's series i.
func packedNodes(t *testing.T, ch *Chart, i int) []map[string]any {
	t.Helper()
	s := ch.Option["series"].([]map[string]any)[i]
	if s["type"] != "graph" || s[PackedKey] != true || s["preserveAspect"] != true {
		t.Fatalf("series %d is not a packed graph: %v", i, s)
	}
	var out []map[string]any
	for _, it := range s["data"].([]any) {
		m := it.(map[string]any)
		if _, anchor := m["symbolSize"]; !anchor {
			out = append(out, m)
		}
	}
	return out
}

// Bubbles are sized as Highcharts sizes packed bubbles: diameters from
// minSize to maxSize of the plot's smaller side over √(bubbles), by the
// square root of the value's share of the values' range; none overlap
// and all lie in the plot's square.
func TestPackedBubbleSizes(t *testing.T) {
	ch, err := drawn(t, `{"chart": {"type": "packedbubble"}, "series": [
		{"name": "A", "data": [{"name": "a1", "value": 10}, {"name": "a2", "value": 110}, null, {"name": "a3", "value": null}]},
		{"name": "B", "data": [60, 35]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	a, b := packedNodes(t, ch, 0), packedNodes(t, ch, 1)
	if len(a) != 2 || len(b) != 2 {
		t.Fatalf("bubbles %d and %d, want 2 and 2 (no bubble without a value)", len(a), len(b))
	}
	// Four bubbles: diameters between 0.1/2 and 0.5/2 of the side.
	want := map[string]float64{"a1": 0.05, "a2": 0.25, "Point 1": 0.05 + math.Sqrt(0.5)*0.2, "Point 2": 0.05 + math.Sqrt(0.25)*0.2}
	all := append(a, b...)
	for _, n := range all {
		d := n[SizeKey].(float64)
		if w := want[n["name"].(string)]; math.Abs(d-w) > 1e-9 {
			t.Errorf("%s: diameter %v, want %v", n["name"], d, w)
		}
	}
	if a[0]["value"] != 10.0 || b[0]["value"] != 60.0 {
		t.Errorf("values %v %v", a[0]["value"], b[0]["value"])
	}
	checkPacked(t, all, 5/nominalPlot)
	if ch.Option["legend"].(map[string]any)["show"] != true {
		t.Error("the series are not in the legend")
	}
	if s := ch.Option["series"].([]map[string]any)[0]; s["top"] != 40 || s["left"] != 16 {
		t.Errorf("series margins %v %v, want the grid's", s["top"], s["left"])
	}
}

// checkPacked fails when two bubbles are closer than gap or one leaves
// the unit square around the origin.
func checkPacked(t *testing.T, nodes []map[string]any, gap float64) {
	t.Helper()
	for i, p := range nodes {
		px, py, pr := p["x"].(float64), p["y"].(float64), p[SizeKey].(float64)/2
		if math.Abs(px)+pr > 0.5+1e-9 || math.Abs(py)+pr > 0.5+1e-9 {
			t.Errorf("%v leaves the plot", p["name"])
		}
		for _, q := range nodes[i+1:] {
			qx, qy, qr := q["x"].(float64), q["y"].(float64), q[SizeKey].(float64)/2
			if d := math.Hypot(px-qx, py-qy); d < pr+qr+gap-1e-9 {
				t.Errorf("%v and %v overlap: %v apart, radii %v and %v", p["name"], q["name"], d, pr, qr)
			}
		}
	}
}

// The front chain never overlaps two circles, whatever their sizes and
// order, and the radius it returns holds them all.
func TestPackCirclesNoOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n := 1 + r.IntN(300)
		cs := make([]*circle, n)
		for i := range cs {
			cs[i] = &circle{r: 0.001 + r.Float64()*r.Float64()}
			if round%3 == 0 {
				cs[i].r = 1 // all alike
			}
		}
		outer := packCircles(cs)
		for i, a := range cs {
			if math.Hypot(a.x, a.y)+a.r > outer+1e-9 {
				t.Fatalf("round %d: circle %d outside the radius %v", round, i, outer)
			}
			for j, b := range cs[i+1:] {
				if overlap(a, b) && math.Hypot(a.x-b.x, a.y-b.y) < a.r+b.r-1e-6 {
					t.Fatalf("round %d: circles %d and %d overlap", round, i, i+1+j)
				}
			}
		}
	}
}

// With splitSeries, each series' bubbles lie inside a parent bubble of
// its own, drawn in its series' color lightened; parents do not overlap.
func TestPackedBubbleSplit(t *testing.T) {
	ch, err := drawn(t, `{"chart": {"type": "packedbubble"}, "colors": ["#102030", "#fff"],
		"plotOptions": {"packedbubble": {"layoutAlgorithm": {"splitSeries": true}, "dataLabels": {"enabled": true, "format": "{point.name}"}}},
		"series": [{"name": "A", "data": [{"name": "a1", "value": 5}, {"name": "a2", "value": 9}, {"name": "a3", "value": 1}]},
		           {"name": "B", "data": [{"name": "b1", "value": 3}]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	var parents []map[string]any
	for i := range 2 {
		nodes := packedNodes(t, ch, i)
		parent := nodes[0]
		if parent["silent"] != true || parent["name"] != []string{"A", "B"}[i] {
			t.Fatalf("series %d's first node %v is not its parent bubble", i, parent)
		}
		parents = append(parents, parent)
		pr := parent[SizeKey].(float64) / 2
		for _, n := range nodes[1:] {
			d := math.Hypot(n["x"].(float64)-parent["x"].(float64), n["y"].(float64)-parent["y"].(float64))
			if d+n[SizeKey].(float64)/2 > pr+1e-9 {
				t.Errorf("%v lies outside its parent", n["name"])
			}
			if n["label"].(map[string]any)["formatter"] != n["name"] {
				t.Errorf("%v's label %v", n["name"], n["label"])
			}
		}
	}
	if c := parents[0]["itemStyle"].(map[string]any)["color"]; c != "#768696" {
		t.Errorf("parent color %v, want #102030 lightened by 102 a channel (#768696)", c)
	}
	checkPacked(t, parents, 0)
}

// What packed bubbles cannot draw is refused by name.
func TestPackedBubbleRefusals(t *testing.T) {
	for code, want := range map[string]string{
		`{"series": [{"type": "packedbubble", "useSimulation": false, "data": [1, 2]}]}`: "series 1's useSimulation false is not drawn by Sightglass",
		`{"series": [{"type": "packedbubble", "data": [[1, 2]]}]}`:                       "series 1 has a packed bubble point that is an array",
	} {
		if _, err := drawn(t, code); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", code, err, want)
		}
	}
}

// BenchmarkPackCircles packs the most bubbles a chart may have.
func BenchmarkPackCircles(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	radii := make([]float64, maxPackedBubbles)
	for i := range radii {
		radii[i] = 0.001 + r.Float64()
	}
	cs := make([]*circle, len(radii))
	for b.Loop() {
		for i, rr := range radii {
			cs[i] = &circle{r: rr}
		}
		packCircles(cs)
	}
}

// The widest finite values size bubbles without overflowing the range.
func TestPackedBubbleExtremes(t *testing.T) {
	ch, err := drawn(t, `{"chart": {"type": "packedbubble"}, "series": [{"data": [1e308, -1e308, 0]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range packedNodes(t, ch, 0) {
		if d := n[SizeKey].(float64); math.IsNaN(d) || d <= 0 {
			t.Errorf("%v: diameter %v", n["name"], d)
		}
	}
}
