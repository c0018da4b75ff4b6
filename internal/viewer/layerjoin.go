package viewer

import (
	"context"
	"strconv"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// joinLayer asks a joined layer's rows: its dataset key, grouped, with
// its color field (a dimension also grouped by, or a measure; a count of
// records without one, for the tooltip), under the visual's filters as
// every visual's question. why refuses the layer by name; err is the
// question's or the answer's error.
func (v *View) joinLayer(ctx context.Context, d *drawnLayer, lm *definition.LayerMapVisual, j *definition.GeospatialLayerJoinDefinition, sheetID, visualID string, run Runner) (why string, err error) {
	key, ok := unaggField(*j.DatasetKeyField)
	if !ok {
		return "joins to a dataset key field without a column", nil
	}
	p := &plan{kind: definition.KindLayerMap, dataSet: lm.DataSetIdentifier, category: []field{key}}
	colorDim := false
	if c := j.ColorField; c != nil {
		if len(c.ColorDimensionsFields) > 0 && len(c.ColorValuesFields) > 0 {
			return "is colored by both a dimension and a measure", nil
		}
		if len(c.ColorDimensionsFields) > 0 {
			ds := dims(c.ColorDimensionsFields)
			if len(ds) == 0 {
				return "is colored by a dimension without a column", nil
			}
			if fill := layerFill(d.item); fill != nil && fill.Gradient != nil {
				return "has a gradient color over the dimension " + strconv.Quote(ds[0].label) + " (a gradient needs a measure)", nil
			}
			p.category, colorDim = append(p.category, ds[0]), true
		}
		p.addMeasures(c.ColorValuesFields, &p.values)
		if len(c.ColorValuesFields) > 0 && len(p.values) == 0 {
			return "is colored by a measure without a column", nil
		}
	}
	colorMeasure := len(p.values) > 0
	p.countRecords()
	if key.dataSet != "" {
		p.dataSet = key.dataSet
	}
	v.labelAggregatedFields(p)
	arn, ok := v.def.DataSetARN(p.dataSet)
	if !ok {
		return "is joined to the dataset " + strconv.Quote(p.dataSet) + ", which the definition does not declare", nil
	}
	p.limit = layerRowLimit + 1
	q, err := v.question(p, sheetID, visualID)
	if err != nil {
		return "", err
	}
	res, err := run(ctx, arn, q)
	if err != nil {
		return "", err
	}
	if len(res.Rows) > layerRowLimit {
		return "has more than " + strconv.Itoa(layerRowLimit) + " keys, more than Sightglass draws; filter it to fewer", nil
	}
	d.joined, d.rows = true, len(res.Rows)
	d.values, d.tips = map[string]layerValue{}, map[string]string{}
	has := map[string]bool{}
	for _, k := range keysOf(d.shapes) {
		has[k] = true
	}
	m := p.values[0]
	if colorDim {
		d.color = &p.category[1]
	} else if colorMeasure {
		d.color = &m
	}
	vi := len(p.category)
	for _, row := range res.Rows {
		k, keyed := joinText(row[0])
		if !keyed || !has[k] {
			shown := fieldText(row[0], res.Columns[0], key)
			if row[0] == nil {
				shown = "(empty)"
			}
			d.missed = append(d.missed, shown)
			continue
		}
		if _, dup := d.values[k]; dup {
			if colorDim {
				return "has several values of its color field " + strconv.Quote(p.category[1].label) + " for the key " + strconv.Quote(k), nil
			}
			return "has several rows for the key " + strconv.Quote(k) + " of its dataset key field " + strconv.Quote(key.label), nil
		}
		var lv layerValue
		tip := key.label + ": " + fieldText(row[0], res.Columns[0], key)
		switch {
		case colorDim:
			text, ok := joinText(row[1]) // categories are matched on the value itself
			lv = layerValue{text: text, has: ok}
			tip += "\n" + p.category[1].label + ": " + fieldText(row[1], res.Columns[1], p.category[1])
		default:
			x, ok := number(row[vi])
			lv = layerValue{num: x, isNum: ok, has: ok && colorMeasure}
			text := "(empty)"
			if ok {
				text = m.text(x)
			}
			tip += "\n" + m.label + ": " + text
		}
		d.values[k], d.tips[k] = lv, tip
	}
	return "", nil
}

// keysOf lists the keys of a layer's shapes.
func keysOf(ls *layerShapes) []string {
	out := make([]string, 0, len(ls.areas)+len(ls.points))
	for _, a := range ls.areas {
		if a.keyed {
			out = append(out, a.key)
		}
	}
	for _, p := range ls.points {
		if p.keyed {
			out = append(out, p.key)
		}
	}
	return out
}

// joinText is a dataset key as the text a shape's property is matched
// against (propertyText): a text as it is, a number as its shortest
// decimal; false for null.
func joinText(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case []byte:
		return string(x), true
	case bool:
		return strconv.FormatBool(x), true
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	}
	if f, ok := number(v); ok {
		return strconv.FormatFloat(f, 'f', -1, 64), true
	}
	return "", false
}

// layerFill is a layer's fill color, nil for none.
func layerFill(l *definition.GeospatialLayerItem) *definition.GeospatialColor {
	if s, _ := layerStyle(l); s != nil {
		return s.FillColor
	}
	return nil
}
