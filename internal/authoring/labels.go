package authoring

import (
	"slices"
	"strings"
)

// tableLabelKinds are the visual types whose fields take their label in
// FieldOptions.SelectedFieldOptions' CustomLabel.
var tableLabelKinds = map[string]bool{"TableVisual": true, "PivotTableVisual": true}

// chartLabelMembers are, per chart type and well, the member of its
// ChartConfiguration (a ChartAxisLabelOptions) whose AxisLabelOptions
// entry with ApplyTo naming a field holds the field's CustomLabel — where
// QuickSight's model puts a chart's field rename. A well without a member
// here (a line chart's colors, a heat map's values; KPIs, gauges and
// Sankey diagrams have none) has no place for a label in the model.
var chartLabelMembers = map[string]map[string]string{
	"BarChartVisual":    {"Category": "CategoryLabelOptions", "Values": "ValueLabelOptions", "Colors": "ColorLabelOptions"},
	"LineChartVisual":   {"Category": "XAxisLabelOptions", "Values": "PrimaryYAxisLabelOptions"},
	"PieChartVisual":    {"Category": "CategoryLabelOptions", "Values": "ValueLabelOptions"},
	"ScatterPlotVisual": {"XAxis": "XAxisLabelOptions", "YAxis": "YAxisLabelOptions"},
	"ComboChartVisual":  {"Category": "CategoryLabelOptions", "BarValues": "PrimaryYAxisLabelOptions", "LineValues": "SecondaryYAxisLabelOptions", "Colors": "ColorLabelOptions"},
	"HeatMapVisual":     {"Rows": "RowLabelOptions", "Columns": "ColumnLabelOptions"},
	"TreeMapVisual":     {"Groups": "GroupLabelOptions", "Sizes": "SizeLabelOptions", "Colors": "ColorLabelOptions"},
	"FunnelChartVisual": {"Category": "CategoryLabelOptions", "Values": "ValueLabelOptions"},
	"WaterfallVisual":   {"Categories": "CategoryAxisLabelOptions", "Values": "PrimaryYAxisLabelOptions"},
	"HistogramVisual":   {"Values": "XAxisLabelOptions"},
	"BoxPlotVisual":     {"GroupBy": "CategoryLabelOptions", "Values": "PrimaryYAxisLabelOptions"},
	"WordCloudVisual":   {"GroupBy": "CategoryLabelOptions"},
}

// Renamable reports whether the editor renames a field in a visual
// type's well; column says the field is a column's (a chart's label
// applies to a column, so a chart's calculated measure takes none).
func Renamable(kind, well string, column bool) bool {
	return tableLabelKinds[kind] || (column && chartLabelMembers[kind][well] != "")
}

// SetCustomLabel names a field in its visual (label "" removes the name,
// the column's name shows again).
func SetCustomLabel(raw []byte, fieldID, label string) ([]byte, error) {
	label = strings.TrimSpace(label)
	if len(label) > 2048 {
		return nil, editErr("a field's label has at most 2048 characters")
	}
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := findField(d, fieldID)
	if err != nil {
		return nil, err
	}
	if !tableLabelKinds[f.v.kind] {
		return setChartLabel(d, f, fieldID, label)
	}
	fo := ensure(ensure(f.v.visual, "ChartConfiguration"), "FieldOptions")
	opts := list(fo, "SelectedFieldOptions")
	i := slices.IndexFunc(opts, func(o any) bool {
		oo, _ := o.(obj)
		return oo["FieldId"] == fieldID
	})
	if i < 0 {
		opts = append(opts, obj{"FieldId": fieldID})
		i = len(opts) - 1
	}
	o, _ := opts[i].(obj)
	if o == nil {
		return nil, editErr("the field options of %s can't be read", fieldID)
	}
	if label == "" {
		delete(o, "CustomLabel")
	} else {
		o["CustomLabel"] = label
	}
	fo["SelectedFieldOptions"] = opts
	dropEmptyFieldOptions(f.v.visual, fieldID)
	return encode(d)
}

// setChartLabel writes a chart field's label as an AxisLabelOptions entry
// applying to it, in the member of its well (a label left in another
// member, from a well the field was in before, is removed).
func setChartLabel(d obj, f *wellRef, fieldID, label string) ([]byte, error) {
	member := chartLabelMembers[f.v.kind][f.well]
	if member == "" {
		if _, ok := chartLabelMembers[f.v.kind]; !ok {
			return nil, editErr("a %s's fields take no label in QuickSight's model", strings.ToLower(f.kind.Label))
		}
		return nil, editErr("the %s well of a %s takes no field labels in QuickSight's model", f.well, strings.ToLower(f.kind.Label))
	}
	col, _, _, hasCol := itemColumn(f.item)
	if label != "" && (!hasCol || col.Name == "") {
		return nil, editErr("a chart's field label applies to a column; %s is a calculated measure", fieldID)
	}
	dropChartLabels(f.v.visual, fieldID)
	if label != "" {
		writeChartLabel(f.v.visual, member, fieldID, col, label)
	}
	return encode(d)
}

// writeChartLabel appends a field's label to a ChartAxisLabelOptions
// member of a visual.
func writeChartLabel(v obj, member, fieldID string, col Column, label string) {
	lo := ensure(ensure(v, "ChartConfiguration"), member)
	lo["AxisLabelOptions"] = append(list(lo, "AxisLabelOptions"), obj{
		"CustomLabel": label,
		"ApplyTo":     obj{"FieldId": fieldID, "Column": obj{"DataSetIdentifier": col.DataSetIdentifier, "ColumnName": col.Name}},
	})
}

// moveChartLabel moves a chart field's label to the member of the well the
// field moved to; a well with no member in the model drops the label.
func moveChartLabel(v obj, kind, well, fieldID string, item obj) {
	label := labelsOf(v)[fieldID]
	if tableLabelKinds[kind] || label == "" {
		return
	}
	dropChartLabels(v, fieldID)
	col, _, _, hasCol := itemColumn(item)
	if member := chartLabelMembers[kind][well]; member != "" && hasCol && col.Name != "" {
		writeChartLabel(v, member, fieldID, col, label)
	}
}

// dropChartLabels removes the AxisLabelOptions entries applying to a
// field from every ChartAxisLabelOptions of a visual, and the members
// left empty.
func dropChartLabels(v obj, fieldID string) {
	cc := child(v, "ChartConfiguration")
	for name, m := range cc {
		lo, _ := m.(obj)
		if !strings.HasSuffix(name, "LabelOptions") || lo == nil {
			continue
		}
		opts, ok := lo["AxisLabelOptions"].([]any)
		if !ok {
			continue
		}
		opts = slices.DeleteFunc(opts, func(o any) bool { return appliesTo(o) == fieldID })
		if len(opts) > 0 {
			lo["AxisLabelOptions"] = opts
			continue
		}
		delete(lo, "AxisLabelOptions")
		if len(lo) == 0 {
			delete(cc, name)
		}
	}
}

// appliesTo returns the FieldId an AxisLabelOptions entry labels ("" for
// an axis title).
func appliesTo(o any) string {
	oo, _ := o.(obj)
	return str(child(oo, "ApplyTo")["FieldId"])
}

// CustomLabel returns a field's label in its visual ("" for none).
func CustomLabel(v map[string]any, fieldID string) string {
	return labelsOf(v)[fieldID]
}

// labelsOf returns the labels a visual gives its fields: FieldOptions'
// (tables) and the AxisLabelOptions entries that apply to a field
// (charts).
func labelsOf(v obj) map[string]string {
	out := map[string]string{}
	cc := child(v, "ChartConfiguration")
	for _, o := range list(child(cc, "FieldOptions"), "SelectedFieldOptions") {
		if oo, _ := o.(obj); oo != nil && str(oo["CustomLabel"]) != "" {
			out[str(oo["FieldId"])] = str(oo["CustomLabel"])
		}
	}
	for name, m := range cc {
		lo, _ := m.(obj)
		if !strings.HasSuffix(name, "LabelOptions") || lo == nil {
			continue
		}
		for _, o := range list(lo, "AxisLabelOptions") {
			oo, _ := o.(obj)
			if id := appliesTo(o); id != "" && str(oo["CustomLabel"]) != "" {
				out[id] = str(oo["CustomLabel"])
			}
		}
	}
	return out
}

// dropFieldOptions removes a field's options and labels from its visual,
// as the field leaves it.
func dropFieldOptions(v obj, fieldID string) {
	fo := child(child(v, "ChartConfiguration"), "FieldOptions")
	if opts := list(fo, "SelectedFieldOptions"); opts != nil {
		fo["SelectedFieldOptions"] = slices.DeleteFunc(opts, func(o any) bool {
			oo, _ := o.(obj)
			return oo["FieldId"] == fieldID
		})
	}
	dropEmptyFieldOptions(v, fieldID)
	dropChartLabels(v, fieldID)
}

// dropEmptyFieldOptions removes a field's options when only its FieldId
// is left, and FieldOptions left empty.
func dropEmptyFieldOptions(v obj, fieldID string) {
	cc := child(v, "ChartConfiguration")
	fo := child(cc, "FieldOptions")
	if fo == nil {
		return
	}
	opts := slices.DeleteFunc(list(fo, "SelectedFieldOptions"), func(o any) bool {
		oo, _ := o.(obj)
		return oo["FieldId"] == fieldID && len(oo) <= 1
	})
	if len(opts) == 0 {
		delete(fo, "SelectedFieldOptions")
	} else {
		fo["SelectedFieldOptions"] = opts
	}
	if len(fo) == 0 {
		delete(cc, "FieldOptions")
	}
}

// FieldIDs lists the field ids a visual's field options and labels name.
func FieldIDs(v map[string]any) []string {
	var out []string
	for id := range labelsOf(v) {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}
