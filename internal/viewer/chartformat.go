package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
)

// chartFormat is the part of a visual's ChartConfiguration the viewer
// draws on a chart beyond its data: the legend's and data labels'
// visibility, the palette's single color, and the axes' titles.
type chartFormat struct {
	Legend           *struct{ Visibility string }
	DataLabels       *struct{ Visibility, LabelContent string }
	BarDataLabels    *struct{ Visibility string } // combo charts
	DataLabelOptions *struct{ Visibility string } // funnel charts
	VisualPalette    *struct{ ChartColor string }

	CategoryLabelOptions     *axisLabels // category axis
	CategoryAxisLabelOptions *axisLabels // waterfall's category axis
	XAxisLabelOptions        *axisLabels
	ValueLabelOptions        *axisLabels // value axis
	PrimaryYAxisLabelOptions *axisLabels
	YAxisLabelOptions        *axisLabels
}

type axisLabels struct {
	AxisLabelOptions []struct {
		CustomLabel string
		ApplyTo     *struct{ FieldId string } // a field's label, not the axis title
	}
}

func (a *axisLabels) title() string {
	if a == nil {
		return ""
	}
	for _, o := range a.AxisLabelOptions {
		if o.CustomLabel != "" && o.ApplyTo == nil {
			return o.CustomLabel
		}
	}
	return ""
}

// chartLabelContent is a pie series' data labels' content, PERCENT or
// VALUE_AND_PERCENT, which the page writes.
const chartLabelContent = "sgLabelContent"

// chartShare is a funnel stage's share, in percent, of the stage its
// labels compare it with.
const chartShare = "sgPct"

// applyFormat draws a visual's format options on its ECharts option (after
// the theme, which a visual's own color overrides).
func applyFormat(opt obj, vis *definition.Visual) {
	var m struct{ ChartConfiguration *chartFormat }
	if json.Unmarshal(vis.Raw, &m) != nil || m.ChartConfiguration == nil {
		return
	}
	f := m.ChartConfiguration
	if f.Legend != nil && f.Legend.Visibility == "HIDDEN" {
		delete(opt, "legend")
		if vm, ok := opt["visualMap"].(obj); ok { // a heat or tree map's color scale
			vm["show"] = false
		}
	}
	if dl := f.DataLabels; dl != nil && vis.Kind == definition.KindPie && (dl.LabelContent == "PERCENT" || dl.LabelContent == "VALUE_AND_PERCENT") {
		// A pie's labels give each slice's share of the pie (the page
		// writes them: web/src/charts.js).
		eachSeries(opt, func(s obj) { s[chartLabelContent] = dl.LabelContent })
	}
	dataLabels := []*struct{ Visibility string }{f.BarDataLabels, f.DataLabelOptions}
	if f.DataLabels != nil {
		dataLabels = append(dataLabels, &struct{ Visibility string }{f.DataLabels.Visibility})
	}
	for _, dl := range dataLabels {
		if dl != nil && (dl.Visibility == "VISIBLE" || dl.Visibility == "HIDDEN") {
			eachSeries(opt, func(s obj) {
				label, _ := s["label"].(obj)
				if label == nil {
					label = obj{}
					s["label"] = label
				}
				label["show"] = dl.Visibility == "VISIBLE"
			})
		}
	}
	if f.VisualPalette != nil && f.VisualPalette.ChartColor != "" {
		opt["color"] = []string{f.VisualPalette.ChartColor}
	}
	axisTitle(opt, "xAxis", "", f.XAxisLabelOptions.title())
	axisTitle(opt, "yAxis", "", f.YAxisLabelOptions.title())
	for _, t := range []string{f.CategoryLabelOptions.title(), f.CategoryAxisLabelOptions.title()} {
		axisTitle(opt, "xAxis", "category", t)
		axisTitle(opt, "yAxis", "category", t)
	}
	for _, t := range []string{f.ValueLabelOptions.title(), f.PrimaryYAxisLabelOptions.title()} {
		axisTitle(opt, "xAxis", "value", t)
		axisTitle(opt, "yAxis", "value", t)
	}
}

// axisTitle names an axis of the option (the first, when there are two)
// if it is of the given type ("" for any).
func axisTitle(opt obj, key, typ, title string) {
	if title == "" {
		return
	}
	var a obj
	switch x := opt[key].(type) {
	case obj:
		a = x
	case []obj:
		if len(x) > 0 {
			a = x[0]
		}
	}
	if a == nil || typ != "" && a["type"] != typ {
		return
	}
	a["name"], a["nameLocation"], a["nameGap"] = title, "middle", 28
}

func eachSeries(opt obj, fn func(obj)) {
	switch s := opt["series"].(type) {
	case []obj:
		for _, e := range s {
			fn(e)
		}
	case obj:
		fn(s)
	case []any:
		for _, e := range s {
			if o, ok := e.(obj); ok {
				fn(o)
			}
		}
	}
}
