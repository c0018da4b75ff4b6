package authoring

import (
	"regexp"
	"slices"
	"strings"
)

// Format options the editor's format panel sets, each written where
// QuickSight's model puts it in the visual's ChartConfiguration.
const (
	FormatLegend        = "legend"         // Legend.Visibility
	FormatDataLabels    = "data-labels"    // DataLabels.Visibility
	FormatColor         = "color"          // VisualPalette.ChartColor
	FormatCategoryLabel = "category-label" // the category (X) axis's title
	FormatValueLabel    = "value-label"    // the value (Y) axis's title
)

// formatMembers are, per visual type, the ChartConfiguration members that
// hold each format option (absent: the type has no such option).
var formatMembers = map[string]map[string]string{
	"BarChartVisual":    {FormatLegend: "Legend", FormatDataLabels: "DataLabels", FormatColor: "VisualPalette", FormatCategoryLabel: "CategoryLabelOptions", FormatValueLabel: "ValueLabelOptions"},
	"LineChartVisual":   {FormatLegend: "Legend", FormatDataLabels: "DataLabels", FormatColor: "VisualPalette", FormatCategoryLabel: "XAxisLabelOptions", FormatValueLabel: "PrimaryYAxisLabelOptions"},
	"ComboChartVisual":  {FormatLegend: "Legend", FormatDataLabels: "BarDataLabels", FormatColor: "VisualPalette", FormatCategoryLabel: "CategoryLabelOptions", FormatValueLabel: "PrimaryYAxisLabelOptions"},
	"PieChartVisual":    {FormatLegend: "Legend", FormatDataLabels: "DataLabels", FormatColor: "VisualPalette"},
	"ScatterPlotVisual": {FormatLegend: "Legend", FormatDataLabels: "DataLabels", FormatColor: "VisualPalette", FormatCategoryLabel: "XAxisLabelOptions", FormatValueLabel: "YAxisLabelOptions"},
	"FunnelChartVisual": {FormatDataLabels: "DataLabelOptions", FormatColor: "VisualPalette"},
	"HeatMapVisual":     {FormatLegend: "Legend", FormatDataLabels: "DataLabels"},
	"TreeMapVisual":     {FormatLegend: "Legend", FormatDataLabels: "DataLabels"},
	"WaterfallVisual":   {FormatLegend: "Legend", FormatDataLabels: "DataLabels", FormatColor: "VisualPalette", FormatCategoryLabel: "CategoryAxisLabelOptions", FormatValueLabel: "PrimaryYAxisLabelOptions"},
	"GaugeChartVisual":  {FormatDataLabels: "DataLabels"},
}

// FormatOptions lists the format options a visual type has, in the
// panel's order.
func FormatOptions(kind string) []string {
	var out []string
	for _, o := range []string{FormatLegend, FormatDataLabels, FormatColor, FormatCategoryLabel, FormatValueLabel} {
		if _, ok := formatMembers[kind][o]; ok {
			out = append(out, o)
		}
	}
	return out
}

// SetTitle sets a visual's title (or subtitle, when subtitle is set):
// its text, shown; an empty text hides it.
func SetTitle(raw []byte, visualID string, subtitle bool, text string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return nil, err
	}
	member := "Title"
	if subtitle {
		member = "Subtitle"
	}
	text = strings.TrimSpace(text)
	if len(text) > 1024 {
		return nil, editErr("a title is at most 1024 characters")
	}
	if text == "" {
		r.visual[member] = obj{"Visibility": "HIDDEN"}
	} else {
		r.visual[member] = obj{"Visibility": "VISIBLE", "FormatText": obj{"PlainText": text}}
	}
	return encode(d)
}

var reHexColor = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// SetFormat sets one format option of a visual. Legend and data labels
// take "VISIBLE" or "HIDDEN"; color a #RRGGBB color (empty: the theme's);
// the axis labels a title (empty: the field's name).
func SetFormat(raw []byte, visualID, option, value string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return nil, err
	}
	member, ok := formatMembers[r.kind][option]
	if !ok {
		return nil, editErr("a %s has no %s option the editor sets", kindLabel(r.kind), strings.ReplaceAll(option, "-", " "))
	}
	cc := ensure(r.visual, "ChartConfiguration")
	value = strings.TrimSpace(value)
	switch option {
	case FormatLegend, FormatDataLabels:
		if value != "VISIBLE" && value != "HIDDEN" {
			return nil, editErr("%s is VISIBLE or HIDDEN, not %q", option, value)
		}
		ensure(cc, member)["Visibility"] = value
	case FormatColor:
		switch {
		case value == "":
			delete(ensure(cc, member), "ChartColor")
		case reHexColor.MatchString(value):
			ensure(cc, member)["ChartColor"] = strings.ToUpper(value)
		default:
			return nil, editErr("a color is #RRGGBB, not %q", value)
		}
		if len(ensure(cc, member)) == 0 {
			delete(cc, member)
		}
	case FormatCategoryLabel, FormatValueLabel:
		if len(value) > 2048 {
			return nil, editErr("an axis title is at most 2048 characters")
		}
		lo := ensure(cc, member)
		// The fields' labels (entries with ApplyTo) stay; the axis
		// title is the entry without.
		opts := slices.DeleteFunc(list(lo, "AxisLabelOptions"), func(o any) bool { return appliesTo(o) == "" })
		if value != "" {
			opts = append([]any{obj{"CustomLabel": value}}, opts...)
		}
		if len(opts) == 0 {
			delete(lo, "AxisLabelOptions")
		} else {
			lo["AxisLabelOptions"] = opts
		}
		if len(lo) == 0 {
			delete(cc, member)
		}
	}
	return encode(d)
}

// FormatValue returns the value a format option has in a visual ("" when
// unset).
func FormatValue(raw []byte, visualID, option string) (string, error) {
	d, err := decode(raw)
	if err != nil {
		return "", err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return "", err
	}
	member, ok := formatMembers[r.kind][option]
	if !ok {
		return "", nil
	}
	m := child(child(r.visual, "ChartConfiguration"), member)
	switch option {
	case FormatLegend, FormatDataLabels:
		s, _ := m["Visibility"].(string)
		return s, nil
	case FormatColor:
		s, _ := m["ChartColor"].(string)
		return s, nil
	}
	for _, l := range list(m, "AxisLabelOptions") {
		lo, _ := l.(obj)
		if s, ok := lo["CustomLabel"].(string); ok && appliesTo(l) == "" {
			return s, nil
		}
	}
	return "", nil
}

func kindLabel(kind string) string {
	if k, ok := Kind(kind); ok {
		return strings.ToLower(k.Label)
	}
	return kind
}
