package viewer

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/definition"
)

// applyCustomLabels names a visual's fields as QuickSight's rename of a
// field in a visual says: in tables and pivot tables
// FieldOptions.SelectedFieldOptions' CustomLabel, in charts the
// CustomLabel of an AxisLabelOptions entry whose ApplyTo names the field
// (in any of the chart's ChartAxisLabelOptions). Headers, series names,
// legends, tooltips and axis names show the label; the numbers do not
// change. It also gives the measures of the types in numberFormatted
// their number formats.
func applyCustomLabels(vis *definition.Visual, p *plan) {
	// The measures' number formats: drawn by the server in tables, pivot
	// tables and KPIs, by the page (chartNumberFormat) in charts.
	if definition.NumberFormatted(vis.Kind) {
		if formats := fieldFormats(vis.Raw); len(formats) > 0 {
			for _, fs := range [][]field{p.values, p.lineValues, p.targets} {
				for i := range fs {
					fs[i].format = formats[fs[i].id]
				}
			}
			if b := p.box; b != nil {
				b.formatStats(p, formats)
			}
		}
	}
	if nulls := fieldNullTexts(vis.Raw); len(nulls) > 0 {
		for _, fs := range [][]field{p.category, p.colors, p.values, p.lineValues, p.targets} {
			for i := range fs {
				fs[i].nullText = nulls[fs[i].id]
			}
		}
	}
	labels := customLabels(vis)
	if len(labels) == 0 {
		return
	}
	original := map[*field]string{}
	for _, fs := range [][]field{p.category, p.colors, p.values, p.lineValues, p.targets} {
		for i := range fs {
			if l, ok := labels[fs[i].id]; ok {
				original[&fs[i]] = fs[i].label
				fs[i].label = l
			}
		}
	}
	distinctMeasureLabels(p, original)
	if h := p.hist; h != nil {
		if l, ok := labels[h.fieldID]; ok {
			for i := range p.category {
				p.category[i].label = l
			}
			for i := range p.values {
				p.values[i].label = "Count of " + l
			}
		}
	}
	if b := p.box; b != nil {
		for i, id := range b.fieldIDs {
			l, ok := labels[id]
			if !ok {
				continue
			}
			b.columns[i] = l
			for j, s := range boxStats {
				if k := i*len(boxStats) + j; k < len(p.values) {
					p.values[k].label = s.label + " of " + l
				}
			}
		}
	}
}

// customLabels returns the labels a visual's definition gives its fields
// (FieldId → label).
func customLabels(vis *definition.Visual) map[string]string {
	if vis.Kind == definition.KindTable || vis.Kind == definition.KindPivot {
		var v struct {
			ChartConfiguration struct {
				FieldOptions struct {
					SelectedFieldOptions []struct{ FieldId, CustomLabel string }
				}
			}
		}
		if json.Unmarshal(vis.Raw, &v) != nil {
			return nil
		}
		labels := map[string]string{}
		for _, o := range v.ChartConfiguration.FieldOptions.SelectedFieldOptions {
			if o.CustomLabel != "" {
				labels[o.FieldId] = o.CustomLabel
			}
		}
		return labels
	}
	var v chartLabelMembers
	if json.Unmarshal(vis.Raw, &v) != nil {
		return nil
	}
	c := &v.ChartConfiguration
	labels := map[string]string{}
	for _, lo := range []*fieldLabelOptions{c.CategoryLabelOptions, c.ValueLabelOptions, c.ColorLabelOptions, c.XAxisLabelOptions,
		c.YAxisLabelOptions, c.PrimaryYAxisLabelOptions, c.SecondaryYAxisLabelOptions, c.RowLabelOptions, c.ColumnLabelOptions,
		c.GroupLabelOptions, c.SizeLabelOptions, c.CategoryAxisLabelOptions} {
		if lo == nil {
			continue
		}
		for _, o := range lo.AxisLabelOptions {
			if o.CustomLabel != "" && o.ApplyTo != nil && o.ApplyTo.FieldId != "" {
				labels[o.ApplyTo.FieldId] = o.CustomLabel
			}
		}
	}
	return labels
}

// chartLabelMembers names every ChartAxisLabelOptions member of QuickSight's
// chart configurations (a chart has some of them).
type chartLabelMembers struct {
	ChartConfiguration struct {
		CategoryLabelOptions, ValueLabelOptions, ColorLabelOptions, XAxisLabelOptions, YAxisLabelOptions,
		PrimaryYAxisLabelOptions, SecondaryYAxisLabelOptions, RowLabelOptions, ColumnLabelOptions,
		GroupLabelOptions, SizeLabelOptions, CategoryAxisLabelOptions *fieldLabelOptions
	}
}

// fieldLabelOptions is a ChartAxisLabelOptions' entries: an entry with
// ApplyTo labels that field, one without titles the axis.
type fieldLabelOptions struct {
	AxisLabelOptions []struct {
		CustomLabel string
		ApplyTo     *struct{ FieldId string }
	}
}

// distinctMeasureLabels tells apart measures a chart's labels would name
// alike (a bar's or line's value axis label given to each of its
// measures): each series is drawn, and listed in the legend, on its own,
// so a renamed measure whose label another measure shares adds its own
// name, "Token Count (Sum of output_tokens)".
func distinctMeasureLabels(p *plan, original map[*field]string) {
	count := map[string]int{}
	for _, fs := range [][]field{p.values, p.lineValues} {
		for i := range fs {
			count[fs[i].label]++
		}
	}
	for _, fs := range [][]field{p.values, p.lineValues} {
		for i := range fs {
			if o, renamed := original[&fs[i]]; renamed && count[fs[i].label] > 1 && o != fs[i].label {
				fs[i].label += " (" + o + ")"
			}
		}
	}
}
