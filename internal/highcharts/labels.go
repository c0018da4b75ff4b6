package highcharts

import (
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// labelSpec is a series' data labels as Highcharts would write them.
type labelSpec struct {
	format   string    // a Highcharts format string
	parts    []part    // the format read once
	deferred *Deferred // a formatValue formatter
	markup   bool      // the format holds HTML: drawn as its text
}

// part is a piece of a format string: text, or a {token:spec}.
type part struct {
	text, expr, spec string
}

// maxLabel bounds one label's text (and a title's, a name's): longer text
// is cut.
const maxLabel = 4096

// parse reads a format string into parts.
func parse(format string) []part {
	var out []part
	last := 0
	for _, m := range token.FindAllStringSubmatchIndex(format, -1) {
		if m[0] > last {
			out = append(out, part{text: format[last:m[0]]})
		}
		p := part{expr: strings.TrimSpace(format[m[2]:m[3]])}
		if m[4] >= 0 {
			p.spec = format[m[4]:m[5]]
		}
		out = append(out, p)
		last = m[1]
	}
	if last < len(format) {
		out = append(out, part{text: format[last:]})
	}
	return out
}

// labels reads a series' dataLabels (nil when they are not shown).
func (s *src) labels() *labelSpec {
	on := s.typ == "pie" || s.typ == "funnel" || s.typ == "pyramid" || s.typ == "solidgauge" || s.typ == "gauge"
	if v, ok := s.sub("dataLabels", "enabled"); ok {
		on = truthy(v)
	}
	if !on {
		return nil
	}
	l := &labelSpec{format: "{point.y:,}"} // Highcharts' default groups thousands
	switch s.typ {
	case "pie", "funnel", "pyramid":
		l.format = "{point.name}"
	case "heatmap":
		l.format = "{point.value}"
	case "packedbubble":
		l.format = "{point.value:,}"
	}
	if v, path, ok := s.peekSub("dataLabels", "formatter"); ok {
		if d, ok := v.(Deferred); ok && d.Op == "formatValue" && s.t.d.Format != nil {
			l.deferred = &d
			s.t.r.mark(path)
		}
	}
	if v, ok := s.sub("dataLabels", "format"); ok && l.deferred == nil {
		l.format = text(v)
	}
	l.markup = hasMarkup(l.format)
	l.parts = parse(l.format)
	return l
}

// at is one point's label: its text as an ECharts label template with no
// template tokens left.
func (l *labelSpec) at(s *src, p point, extra map[string]any) map[string]any {
	var txt string
	if l.deferred != nil && s.t.d.Format != nil {
		col := int(number(l.deferred.Args[1]))
		v := p.y
		if extra != nil && extra["value"] != nil {
			v = extra["value"]
		}
		if v == nil {
			return map[string]any{"show": false}
		}
		txt = s.t.d.Format(col, v)
	} else {
		txt = render(l.parts, s, p, extra)
	}
	if l.markup {
		txt = plain(txt)
	}
	return map[string]any{"formatter": escapeTemplate(txt)}
}

// position is where ECharts puts the labels of a series type.
func (l *labelSpec) position(typ string, inverted bool) string {
	switch typ {
	case "column", "bar":
		if inverted {
			return "right"
		}
		return "top"
	case "scatter", "bubble":
		if typ == "bubble" {
			return "inside"
		}
		return "top"
	}
	return "top"
}

// token is one {expression:format} of a Highcharts format string.
var token = regexp.MustCompile(`\{([^{}:]+)(?::([^{}]*))?\}`)

// render writes a Highcharts format string for one point, cut at
// maxLabel bytes.
func render(parts []part, s *src, p point, extra map[string]any) string {
	var b strings.Builder
	for _, pt := range parts {
		if pt.expr == "" {
			b.WriteString(pt.text)
		} else if v, ok := pointVar(pt.expr, s, p, extra); ok {
			b.WriteString(short(formatted(v, pt.spec)))
		}
		if b.Len() > maxLabel {
			s.t.note("Labels longer than 4,096 characters are cut.")
			return short(b.String())
		}
	}
	return b.String()
}

// short cuts a text at maxLabel bytes (on a character boundary).
func short(s string) string {
	if len(s) <= maxLabel {
		return s
	}
	cut := maxLabel
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// pointVar is the value a format's expression names for a point.
func pointVar(expr string, s *src, p point, extra map[string]any) (any, bool) {
	expr = strings.TrimPrefix(expr, "point.")
	expr = strings.TrimPrefix(expr, "options.")
	if v, ok := extra[expr]; ok {
		return v, true
	}
	switch expr {
	case "y":
		return p.y, true
	case "x":
		return p.x, true
	case "z":
		return p.z, true
	case "name", "key":
		if p.name == "" && expr == "key" {
			return p.x, true
		}
		return p.name, true
	case "series.name":
		return s.name(), true
	case "color":
		return p.color, true
	}
	if v, ok := p.fields[expr]; ok {
		return v, true
	}
	return nil, false
}

// numberSpec is the number part of a format: ",.2f", ".0f", ",f", ",".
var numberSpec = regexp.MustCompile(`^(,)?(?:\.(\d{1,2}))?(f)?$`)

// formatted writes a value as Highcharts' format writes it: numbers with
// "," between thousands (decimals as the spec asks, else as they are).
func formatted(v any, spec string) string {
	f, ok := v.(float64)
	if !ok {
		if v == nil {
			return ""
		}
		return text(v)
	}
	decimals, group := -1, false // no spec: the number as it is
	if m := numberSpec.FindStringSubmatch(spec); m != nil && spec != "" {
		group = m[1] == ","
		if m[3] == "f" {
			decimals = 6 // a bare "f"
		}
		if m[2] != "" {
			decimals, _ = strconv.Atoi(m[2])
		}
	}
	var s string
	if decimals < 0 {
		s = numberText(f)
	} else {
		s = strconv.FormatFloat(roundTo(f, decimals), 'f', decimals, 64)
	}
	if group {
		s = groupThousands(s)
	}
	return s
}

// roundTo rounds half away from zero at decimals, as Highcharts does.
func roundTo(f float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(f*p) / p
}

// groupThousands puts "," between the thousands of a number's integer part.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	if len(intPart) <= 3 || strings.ContainsAny(intPart, "e") {
		return sign + s
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + frac
}

// markup finds HTML tags.
var markup = regexp.MustCompile(`<[a-zA-Z/!][^>]*>`)

func hasMarkup(s string) bool { return markup.MatchString(s) }

// breaks are the tags that end a line of text.
var breaks = regexp.MustCompile(`(?i)<br\s*/?>|</div>|</p>|</tr>`)

// plain is the text of a string that may hold HTML: tags removed, line
// breaks kept, entities decoded. Sightglass never draws a chart code's
// HTML as HTML: what plain returns goes into SVG text and ECharts'
// escaped tooltips only (decoded entities may spell tags again).
func plain(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	s = breaks.ReplaceAllString(s, "\n")
	s = markup.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	lines := strings.Split(s, "\n")
	var kept []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// escapeTemplate keeps ECharts from reading a label's braces as template
// tokens.
func escapeTemplate(s string) string {
	return strings.NewReplacer("{", "(", "}", ")").Replace(s)
}

// labelBytes is the text of a data item's label.
func labelBytes(item map[string]any) int {
	if l, ok := item["label"].(map[string]any); ok {
		if s, ok := l["formatter"].(string); ok {
			return len(s)
		}
	}
	return 0
}
