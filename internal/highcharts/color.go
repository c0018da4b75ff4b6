package highcharts

import "regexp"

// cssColor matches the colors a chart code may give: #rgb, #rgba,
// #rrggbb, #rrggbbaa, rgb()/rgba()/hsl()/hsla() of numbers, and color
// names. Anything else (a gradient object, a string carrying more CSS)
// is not drawn: ECharts writes colors into the style of tooltip markers.
var cssColor = regexp.MustCompile(`^(#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(rgb|rgba|hsl|hsla)\([0-9.%, /+-]{1,64}\)|[a-zA-Z]{3,24})$`)

// color returns v as a color the option may carry.
func color(v any) (string, bool) {
	s, ok := v.(string)
	if !ok || !cssColor.MatchString(s) {
		return "", false
	}
	return s, true
}

// colorAt reads a color member of an object, marking it read only when it
// is one (else it is named as not drawn).
func (t *translation) colorAt(m map[string]any, key, path string) (string, bool) {
	c, ok := color(m[key])
	if ok {
		t.r.mark(path)
	}
	return c, ok
}
