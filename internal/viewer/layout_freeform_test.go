package viewer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
)

func TestFreeFormAndSectionLayouts(t *testing.T) {
	parse := func(layout string) *layout {
		t.Helper()
		def, err := definition.Parse([]byte(`{"Sheets": [{"SheetId": "s", "Layouts": [{"Configuration": ` + layout + `}]}]}`))
		if err != nil {
			t.Fatal(err)
		}
		return placements(&def.Sheets[0])
	}
	// A 1600px canvas: a visual on its left half at the top, one on the
	// right quarter 336px down (10 grid rows), one hidden.
	l := parse(`{"FreeFormLayout": {"CanvasSizeOptions": {"ScreenCanvasSizeOptions": {"OptimizedViewPortWidth": "1600px"}}, "Elements": [
		{"ElementId": "b", "ElementType": "VISUAL", "XAxisLocation": "1200px", "YAxisLocation": "336px", "Width": "400px", "Height": "168px"},
		{"ElementId": "a", "ElementType": "VISUAL", "XAxisLocation": "0px", "YAxisLocation": "0px", "Width": "800px", "Height": "403.2px"},
		{"ElementId": "h", "ElementType": "VISUAL", "XAxisLocation": "0px", "YAxisLocation": "0px", "Width": "800px", "Height": "400px", "Visibility": "HIDDEN",
		 "RenderingRules": [{"Expression": "${Show} = 'yes'", "ConfigurationOverrides": {"Visibility": "VISIBLE"}}]}]}}`)
	want := map[string]string{"a": "grid-column: 1 / span 18; grid-row: 1 / span 12", "b": "grid-column: 28 / span 9; grid-row: 11 / span 5"}
	for id, w := range want {
		if got := l.style(id); got != w {
			t.Errorf("free-form %s: %q, want %q", id, got, w)
		}
	}
	if !l.hidden["h"] || l.hidden["a"] || l.pos["a"] != 0 || l.pos["b"] != 1 {
		t.Errorf("free-form hidden %v, order %v", l.hidden, l.pos)
	}
	if n := l.notes(); len(n) != 1 || !strings.Contains(n[0], "rendering rules of 1 layout elements") {
		t.Errorf("rendering rules not named: %v", n)
	}

	// Sections stack: the header's element (height 67.2px, two rows) puts
	// the body's first element at row 3, the footer's below the body.
	l = parse(`{"SectionBasedLayout": {"CanvasSizeOptions": {"PaperCanvasSizeOptions": {"PaperSize": "A4", "PaperOrientation": "PORTRAIT"}},
		"HeaderSections": [{"SectionId": "h", "Layout": {"FreeFormLayout": {"Elements": [
			{"ElementId": "title", "ElementType": "TEXT_BOX", "XAxisLocation": "0px", "YAxisLocation": "0px", "Width": "793.7px", "Height": "67.2px"}]}}}],
		"BodySections": [{"SectionId": "b", "Content": {"Layout": {"FreeFormLayout": {"Elements": [
			{"ElementId": "chart", "ElementType": "VISUAL", "XAxisLocation": "396.85px", "YAxisLocation": "0px", "Width": "396.85px", "Height": "336px"}]}}},
			"PageBreakConfiguration": {"After": {"Status": "ENABLED"}}}],
		"FooterSections": [{"SectionId": "f", "Layout": {"FreeFormLayout": {"Elements": [
			{"ElementId": "foot", "ElementType": "TEXT_BOX", "XAxisLocation": "0px", "YAxisLocation": "0px", "Width": "793.7px", "Height": "33.6px"}]}}}]}}`)
	want = map[string]string{
		"title": "grid-column: 1 / span 36; grid-row: 1 / span 2",
		"chart": "grid-column: 19 / span 18; grid-row: 3 / span 10",
		"foot":  "grid-column: 1 / span 36; grid-row: 13 / span 1",
	}
	for id, w := range want {
		if got := l.style(id); got != w {
			t.Errorf("section %s: %q, want %q", id, got, w)
		}
	}

	// Bad lengths fall back to a default box, never a panic.
	l = parse(`{"FreeFormLayout": {"Elements": [{"ElementId": "x", "XAxisLocation": "-5px", "YAxisLocation": "NaNpx", "Width": "1e400px", "Height": "abc"}]}}`)
	if got := l.style("x"); got != "grid-column: 1 / span 18; grid-row: 1 / span 12" {
		t.Errorf("bad lengths: %q", got)
	}
}

// Boxes that touch on the canvas do not overlap on the grid: both edges
// of each are rounded alike (the Service Quotas dashboard's donuts ran
// under the table above them, its end row rounded down, their height up).
func TestFreeFormTouchingBoxes(t *testing.T) {
	def, err := definition.Parse([]byte(`{"Sheets": [{"SheetId": "s", "Layouts": [{"Configuration": {"FreeFormLayout": {
		"CanvasSizeOptions": {"ScreenCanvasSizeOptions": {"OptimizedViewPortWidth": "1600px"}}, "Elements": [
		{"ElementId": "table", "ElementType": "VISUAL", "XAxisLocation": "0px", "YAxisLocation": "742.56px", "Width": "1600px", "Height": "453.6px"},
		{"ElementId": "donut", "ElementType": "VISUAL", "XAxisLocation": "0px", "YAxisLocation": "1196.16px", "Width": "533.4px", "Height": "470px"},
		{"ElementId": "donut2", "ElementType": "VISUAL", "XAxisLocation": "533.4px", "YAxisLocation": "1196.16px", "Width": "533.3px", "Height": "470px"}]}}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	l := placements(&def.Sheets[0])
	span := func(id, axis string) (start, end int) {
		style := l.style(id)
		i := strings.Index(style, "grid-"+axis+": ")
		var s, n int
		if _, err := fmt.Sscanf(style[i+len("grid-"+axis+": "):], "%d / span %d", &s, &n); err != nil {
			t.Fatalf("%s: %q", id, style)
		}
		return s, s + n
	}
	_, tableEnd := span("table", "row")
	donutStart, _ := span("donut", "row")
	if donutStart < tableEnd {
		t.Errorf("the donut starts at row %d, inside the table (rows up to %d)", donutStart, tableEnd)
	}
	_, leftEnd := span("donut", "column")
	rightStart, _ := span("donut2", "column")
	if rightStart < leftEnd {
		t.Errorf("the second donut starts at column %d, inside the first (up to %d)", rightStart, leftEnd)
	}
}
