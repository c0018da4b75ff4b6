package viewer

import (
	"encoding/json"
	"testing"
)

// A uniform border draws every side of every cell; side-specific borders
// draw the region's outer edges and the lines between its cells.
func TestBordersArePlaced(t *testing.T) {
	b, not := readBorders(json.RawMessage(`{"UniformBorder": {"Color": "#AABBCC", "Style": "SOLID", "Thickness": 2}}`))
	wantEq(t, "uniform", [2]any{b.at(edges{}), len(not)}, [2]any{"border: 2px solid #AABBCC;", 0})
	wantEq(t, "uniform at a corner", b.at(edges{top: true, left: true}), "border: 2px solid #AABBCC;")

	b, not = readBorders(json.RawMessage(`{"SideSpecificBorder": {"Left": {"Color": "#111111"}, "Right": {"Color": "#222222", "Thickness": 3},
		"Top": {"Style": "NONE"}, "Bottom": {"Color": "#444444", "Thickness": 4}, "InnerVertical": {"Color": "#555555"}, "InnerHorizontal": {"Color": "#666666"}}}`))
	if len(not) > 0 {
		t.Fatalf("not drawn: %q", not)
	}
	wantEq(t, "top left", b.at(edges{top: true, left: true}),
		"border-left: 1px solid #111111;border-right: 1px solid #555555;border-top: none;border-bottom: 1px solid #666666;")
	wantEq(t, "inner", b.at(edges{}),
		"border-left: 1px solid #555555;border-right: 1px solid #555555;border-top: 1px solid #666666;border-bottom: 1px solid #666666;")
	wantEq(t, "bottom right", b.at(edges{bottom: true, right: true}),
		"border-left: 1px solid #555555;border-right: 3px solid #222222;border-top: 1px solid #666666;border-bottom: 4px solid #444444;")

	b, _ = readBorders(json.RawMessage(`{"UniformBorder": {"Style": "SOLID"}}`))
	wantEq(t, "defaults", b.at(edges{}), "border: 1px solid var(--line);")
	b, _ = readBorders(json.RawMessage(`{"UniformBorder": {"Style": "NONE", "Thickness": 1}}`))
	wantEq(t, "none", b.at(edges{}), "border: none;")
}

// A border with a value Sightglass does not draw is not drawn at all, and
// named: a color other than #RGB or #RRGGBB, a thickness outside 1 to 4,
// an unknown style or side.
func TestBordersRefuseBadValues(t *testing.T) {
	b, not := readBorders(json.RawMessage(`{"UniformBorder": {"Color": "red;background:url(x)", "Thickness": 2},
		"SideSpecificBorder": {"Left": {"Color": "#000000", "Thickness": 5}, "Top": {"Thickness": 0}, "Right": {"Style": "DASHED"},
		"Bottom": {"Color": "#000000", "Thickness": 2}, "Diagonal": {"Color": "#000000"}}}`))
	wantEq(t, "drawn", b.at(edges{bottom: true}), "border-bottom: 2px solid #000000;")
	wantEq(t, "named", not, []string{`UniformBorder Color "red;background:url(x)"`, "SideSpecificBorder Left Thickness 5",
		`SideSpecificBorder Right Style "DASHED"`, "SideSpecificBorder Top Thickness 0", "SideSpecificBorder Diagonal"})
	_, not = readBorders(json.RawMessage(`{"UniformBorder": "solid"}`))
	wantEq(t, "unreadable", not, []string{"a Border that cannot be read"})
}

// An absolute font size is drawn in px when it is a number of pixels
// within bounds.
func TestAbsoluteFontSize(t *testing.T) {
	for in, want := range map[string]string{"16px": "16px", "12": "12px", "10.5px": "10.5px", "2px": "", "500px": "", "1em": "",
		"16px;color:red": "", "px": "", "-3px": "", "1e2px": "", "": ""} {
		got, _ := absoluteFontPx(in)
		if got != want {
			t.Errorf("absoluteFontPx(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzCellStyle reads arbitrary cell styles: whatever they hold, the CSS
// written for any cell of their region is made of checked declarations.
func FuzzCellStyle(f *testing.F) {
	f.Add(`{"BackgroundColor": "#abc", "Border": {"UniformBorder": {"Color": "#000000", "Thickness": 2}, "SideSpecificBorder": {"Left": {"Style": "NONE"}}}}`)
	f.Add(`{"FontConfiguration": {"FontSize": {"Absolute": "16px;}"}}, "Border": {"SideSpecificBorder": {"InnerVertical": {"Color": "#1;x", "Thickness": 4}}}}`)
	f.Fuzz(func(t *testing.T, js string) {
		var raw map[string]json.RawMessage
		if json.Unmarshal([]byte(js), &raw) != nil {
			return
		}
		s, _ := readCellStyle(raw)
		for _, e := range []edges{{}, {top: true, left: true}, {bottom: true, right: true}, {true, true, true, true}} {
			if css := s.at(e); !safeLook.MatchString(css) {
				t.Fatalf("%s: unsafe CSS %q", js, css)
			}
		}
	})
}
