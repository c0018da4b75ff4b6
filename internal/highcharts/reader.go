package highcharts

import (
	"sort"
	"strconv"
	"strings"
)

// reader reads the evaluated Highcharts options and remembers which
// options it read, so that the rest can be named as not drawn.
type reader struct {
	root map[string]any
	used map[string]bool // option paths read ("xAxis.title.text", "series[].color")
}

func newReader(root map[string]any) *reader {
	return &reader{root: root, used: map[string]bool{}}
}

// ignored are options that draw nothing Sightglass has or that the tile
// decides: Highcharts' credit link, its export menu, its screen-reader
// texts, the chart's pixel size (the tile's), fonts.
var ignored = []string{
	"credits", "exporting", "accessibility", "navigation", "loading", "boost",
	"chart.height", "chart.width", "chart.style", "chart.spacing", "chart.spacingTop",
	"chart.spacingBottom", "chart.spacingLeft", "chart.spacingRight", "chart.margin", "chart.marginTop",
	"chart.marginBottom", "chart.marginLeft", "chart.marginRight", "chart.reflow", "chart.renderTo",
	"chart.className", "chart.styledMode",
}

// ignoredMembers are members that change how a chart moves, not what it
// shows, wherever they stand: animation, the mouse cursor, hover states,
// Highcharts' performance thresholds.
var ignoredMembers = map[string]bool{
	"animation": true, "cursor": true, "states": true, "shadow": true, "turboThreshold": true,
	"cropThreshold": true, "stickyTracking": true, "allowPointSelect": true, "className": true,
	"id": true, "custom": true, "accessibility": true, "findNearestPointBy": true,
}

// mark records a path as read.
func (r *reader) mark(path string) { r.used[path] = true }

// get reads a member of an object and marks path as read.
func (r *reader) get(m map[string]any, key, path string) (any, bool) {
	if m == nil {
		return nil, false
	}
	v, ok := m[key]
	if ok {
		r.mark(path)
	}
	return v, ok
}

// notDrawn lists the options present in the evaluated chart code that
// were not read, each once, by their first three path segments
// ("plotOptions.column.borderWidth", "series[].dataLabels.style").
func (r *reader) notDrawn() []string {
	seen := map[string]bool{}
	var out []string
	var walk func(v any, path string)
	walk = func(v any, path string) {
		if r.used[path] || isIgnored(path) || strings.HasPrefix(path[strings.LastIndex(path, ".")+1:], "_") {
			return // a member named _... is the author's annotation
		}
		switch x := v.(type) {
		case map[string]any:
			if len(x) > 0 {
				for k, el := range x {
					walk(el, join(path, k))
				}
				return
			}
		case []any:
			if path == "series" || path == "xAxis" || path == "yAxis" {
				for _, el := range x {
					walk(el, path+"[]")
				}
				return
			}
		}
		short := shorten(path, 3)
		if !seen[short] {
			seen[short] = true
			out = append(out, short)
		}
	}
	for k, v := range r.root {
		walk(v, k)
	}
	sort.Strings(out)
	return out
}

// shorten keeps the first n segments of a path.
func shorten(path string, n int) string {
	parts := strings.SplitN(path, ".", n+1)
	if len(parts) > n {
		parts = parts[:n]
	}
	return strings.Join(parts, ".")
}

func isIgnored(path string) bool {
	if ignoredMembers[path[strings.LastIndex(path, ".")+1:]] {
		return true
	}
	for _, p := range ignored {
		if path == p || strings.HasPrefix(path, p+".") {
			return true
		}
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Summary writes a list of option paths for a tile's note: the first
// few, then how many more.
func Summary(paths []string, most int) string {
	if len(paths) <= most {
		return strings.Join(paths, ", ")
	}
	return strings.Join(paths[:most], ", ") + " and " + strconv.Itoa(len(paths)-most) + " more"
}
