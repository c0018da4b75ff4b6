package viewer

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// safeLook is every declaration cellLook may write: fixed properties with
// a checked color, a keyword from its lists, a number of pixels, or a
// border of those.
var safeLook = regexp.MustCompile(`^((color|background-color): #[0-9a-fA-F]{3,6};|font-weight: (bold|normal);|font-style: (italic|normal);|` +
	`text-decoration: (underline|none);|font-size: (x-small|small|medium|large|x-large);|text-align: (left|center|right);|` +
	`vertical-align: (top|middle|bottom);|white-space: (nowrap|normal);|height: [0-9.]+px;|font-size: [0-9.]+px;|` +
	`border(-left|-right|-top|-bottom)?: (none|[1-4]px solid (#[0-9a-fA-F]{3,6}|var\(--line\)));)*$`)

// A cell style's values reach the page's CSS only when checked: hostile
// or unknown values are named, never written.
func TestCellLookIsChecked(t *testing.T) {
	for _, js := range []string{
		`{"BackgroundColor": "#FFF;}</style><script>", "FontConfiguration": {"FontColor": "url(x)", "FontWeight": {"Name": "900;x"}, "FontStyle": "oblique"}}`,
		`{"HorizontalTextAlignment": "left;position:fixed", "VerticalTextAlignment": "TOP", "TextWrap": "WRAP", "Height": -3}`,
		`{"Height": 1e300, "FontConfiguration": {"FontSize": {"Relative": "HUGE", "Absolute": "99px"}, "FontDecoration": "blink"}}`,
		`{"Visibility": "HIDDEN", "Border": {"UniformBorder": {"Color": "#000", "Thickness": 2}}, "Unknown": 1, "FontConfiguration": {"FontFamily": "Serif"}}`,
		`{"BackgroundColor": "#abc", "FontConfiguration": {"FontColor": "#123456", "FontWeight": {"Name": "BOLD"}}, "HorizontalTextAlignment": "AUTO", "Height": 20.5}`,
	} {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(js), &raw); err != nil {
			t.Fatal(err)
		}
		css, not := cellLook(raw)
		if !safeLook.MatchString(css) || strings.ContainsAny(css, "<>\"'{}") {
			t.Errorf("%s: unsafe CSS %q", js, css)
		}
		t.Logf("%s\n  css %q\n  not %q", js, css, not)
	}
	css, not := cellLook(map[string]json.RawMessage{"BackgroundColor": json.RawMessage(`"#FFF;}</style>"`), "Height": json.RawMessage(`-3`)})
	wantEq(t, "refused", [2]any{css, not}, [2]any{"", []string{`BackgroundColor "#FFF;}</style>"`, "Height -3"}})
	_, not = cellLook(map[string]json.RawMessage{"FontConfiguration": json.RawMessage(`{"FontFamily": "Serif", "FontStyle": "ITALIC"}`)})
	wantEq(t, "font family", not, []string{"FontConfiguration FontFamily"})
	css, not = cellLook(map[string]json.RawMessage{"BackgroundColor": json.RawMessage(`"#abc"`), "Height": json.RawMessage(`20.5`)})
	wantEq(t, "drawn", [2]any{css, len(not)}, [2]any{"background-color: #abc;height: 20.5px;", 0})
}
