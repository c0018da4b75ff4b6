package authoring

import (
	"slices"
	"strings"
)

// Column is a dataset column the author drops into a well: the dataset's
// identifier in the definition, the column's name and its type (STRING,
// INTEGER, DECIMAL or DATETIME).
type Column struct {
	DataSetIdentifier string
	Name              string
	Type              string
}

func (c Column) numeric() bool { return c.Type == "INTEGER" || c.Type == "DECIMAL" }

func (c Column) ref() obj {
	return obj{"DataSetIdentifier": c.DataSetIdentifier, "ColumnName": c.Name}
}

// fieldFor returns the well item (a DimensionField or MeasureField union)
// for a column in a well of the given role.
func fieldFor(c Column, fieldID string, measure bool) obj {
	switch {
	case measure && c.numeric():
		return obj{"NumericalMeasureField": obj{"FieldId": fieldID, "Column": c.ref(), "AggregationFunction": obj{"SimpleNumericalAggregation": "SUM"}}}
	case measure && c.Type == "DATETIME":
		return obj{"DateMeasureField": obj{"FieldId": fieldID, "Column": c.ref(), "AggregationFunction": "COUNT"}}
	case measure:
		return obj{"CategoricalMeasureField": obj{"FieldId": fieldID, "Column": c.ref(), "AggregationFunction": "COUNT"}}
	case c.numeric():
		return obj{"NumericalDimensionField": obj{"FieldId": fieldID, "Column": c.ref()}}
	case c.Type == "DATETIME":
		return obj{"DateDimensionField": obj{"FieldId": fieldID, "Column": c.ref(), "DateGranularity": "DAY"}}
	}
	return obj{"CategoricalDimensionField": obj{"FieldId": fieldID, "Column": c.ref()}}
}

// itemColumn returns the column of a well item and its type as the item's
// kind tells it.
func itemColumn(item obj) (Column, string, obj, bool) {
	for kind, m := range item {
		f, ok := m.(obj)
		if !ok {
			continue
		}
		col := child(f, "Column")
		c := Column{}
		c.DataSetIdentifier, _ = col["DataSetIdentifier"].(string)
		c.Name, _ = col["ColumnName"].(string)
		switch kind {
		case "NumericalMeasureField", "NumericalDimensionField":
			c.Type = "DECIMAL"
		case "DateMeasureField", "DateDimensionField":
			c.Type = "DATETIME"
		default:
			c.Type = "STRING"
		}
		return c, kind, f, col != nil
	}
	return Column{}, "", nil, false
}

// convert returns a well item in the given role: unchanged when it
// already has it, else the same column as the other role's field, the
// field id kept.
func convert(item obj, measure bool) (obj, error) {
	c, kind, f, ok := itemColumn(item)
	isMeasure := kind == "NumericalMeasureField" || kind == "CategoricalMeasureField" || kind == "DateMeasureField" || kind == "CalculatedMeasureField"
	if isMeasure == measure {
		return item, nil
	}
	if !ok {
		return nil, editErr("a calculated measure can't be a dimension")
	}
	id, _ := f["FieldId"].(string)
	return fieldFor(c, id, measure), nil
}

// wellRef is a field in a well.
type wellRef struct {
	v     *visualRef
	kind  *KindSpec
	well  string
	index int
	item  obj
}

// findField finds a field by id among the wells of the editor's kinds.
func findField(d obj, fieldID string) (*wellRef, error) {
	for _, s := range sheets(d) {
		for i, v := range list(s, "Visuals") {
			u, _ := v.(obj)
			for kind, m := range u {
				k, ok := Kind(kind)
				mo, _ := m.(obj)
				if !ok || mo == nil {
					continue
				}
				r := &visualRef{sheet: s, index: i, kind: kind, visual: mo}
				ws := wellsOf(r, k)
				for _, w := range k.Wells {
					for j, it := range list(ws, w.Name) {
						io, _ := it.(obj)
						_, _, f, _ := itemColumn(io)
						if f != nil && f["FieldId"] == fieldID {
							return &wellRef{v: r, kind: k, well: w.Name, index: j, item: io}, nil
						}
					}
				}
			}
		}
	}
	return nil, editErr("there is no field %s", fieldID)
}

// wellsOf returns the object holding the wells, without creating it.
func wellsOf(r *visualRef, k *KindSpec) obj {
	fw := child(child(r.visual, "ChartConfiguration"), "FieldWells")
	if k.Container == "" {
		return fw
	}
	return child(fw, k.Container)
}

func editable(d obj, visualID string) (*visualRef, *KindSpec, error) {
	r, err := findVisual(d, visualID)
	if err != nil {
		return nil, nil, err
	}
	k, ok := Kind(r.kind)
	if !ok {
		return nil, nil, editErr("the editor can't edit the wells of a %s", r.kind)
	}
	return r, k, nil
}

// AddField drops a dataset column into a visual's well at index (-1: at
// the end) and returns the definition and the new field's id.
func AddField(raw []byte, visualID, well string, c Column, index int) ([]byte, string, error) {
	return addField(raw, visualID, well, c, false, index)
}

// AddAggregatedField drops a calculated field whose expression aggregates
// (sum(...)) into a well of values: a CalculatedMeasureField whose
// expression is the field, with no aggregation function of its own.
func AddAggregatedField(raw []byte, visualID, well string, c Column, index int) ([]byte, string, error) {
	return addField(raw, visualID, well, c, true, index)
}

func addField(raw []byte, visualID, well string, c Column, aggregated bool, index int) ([]byte, string, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, "", err
	}
	r, k, err := editable(d, visualID)
	if err != nil {
		return nil, "", err
	}
	w, ok := k.Well(well)
	if !ok {
		return nil, "", editErr("a %s has no well %s", k.Label, well)
	}
	if !declared(d, c.DataSetIdentifier) {
		return nil, "", editErr("the analysis has no dataset %s", c.DataSetIdentifier)
	}
	if err := oneDataSet(r.visual, c.DataSetIdentifier, c.Name); err != nil {
		return nil, "", err
	}
	id := freshID(d, "FieldId", visualID+"."+c.Name)
	item := fieldFor(c, id, w.Measure)
	if aggregated {
		// A measure that names the calculated field in an expression of its
		// own: a column field would take an aggregation (SUM by default).
		if !w.Measure {
			return nil, "", editErr("%s aggregates: it goes in a well of values, not in %s", c.Name, w.Label)
		}
		if strings.ContainsAny(c.Name, "{}") {
			return nil, "", editErr("a field named %q can't be used as a measure: rename it without braces", c.Name)
		}
		item = obj{"CalculatedMeasureField": obj{"FieldId": id, "Expression": "{" + c.Name + "}"}}
	}
	insert(r.wells(k), well, index, item)
	out, err := encode(d)
	return out, id, err
}

func declared(d obj, identifier string) bool {
	return slices.ContainsFunc(list(d, "DataSetIdentifierDeclarations"), func(x any) bool {
		xo, _ := x.(obj)
		return xo["Identifier"] == identifier
	})
}

func insert(ws obj, well string, index int, item obj) {
	l := list(ws, well)
	if index < 0 || index > len(l) {
		index = len(l)
	}
	ws[well] = slices.Insert(l, index, any(item))
}

// removeAt removes a well's item; an emptied well is dropped.
func removeAt(ws obj, well string, index int) {
	l := slices.Delete(list(ws, well), index, index+1)
	if len(l) == 0 {
		delete(ws, well)
		return
	}
	ws[well] = l
}

// MoveField moves a field to a well of the same visual at index (-1: at
// the end), changing it between dimension and measure as the well needs.
func MoveField(raw []byte, fieldID, well string, index int) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := findField(d, fieldID)
	if err != nil {
		return nil, err
	}
	w, ok := f.kind.Well(well)
	if !ok {
		return nil, editErr("a %s has no well %s", f.kind.Label, well)
	}
	item, err := convert(f.item, w.Measure)
	if err != nil {
		return nil, err
	}
	ws := wellsOf(f.v, f.kind)
	removeAt(ws, f.well, f.index)
	insert(ws, well, index, item)
	moveChartLabel(f.v.visual, f.v.kind, well, fieldID, item)
	return encode(d)
}

// RemoveField removes a field from its well, and the sorts that name it.
func RemoveField(raw []byte, fieldID string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := findField(d, fieldID)
	if err != nil {
		return nil, err
	}
	removeAt(wellsOf(f.v, f.kind), f.well, f.index)
	dropSorts(f.v.visual, fieldID)
	dropFieldOptions(f.v.visual, fieldID)
	return encode(d)
}

// Aggregations a measure field may take, by field kind.
var Aggregations = map[string][]string{
	"NumericalMeasureField":   {"SUM", "AVERAGE", "MIN", "MAX", "COUNT", "DISTINCT_COUNT", "MEDIAN", "VAR", "VARP", "STDEV", "STDEVP"},
	"CategoricalMeasureField": {"COUNT", "DISTINCT_COUNT"},
	"DateMeasureField":        {"COUNT", "DISTINCT_COUNT", "MIN", "MAX"},
}

// SetAggregation sets a measure field's aggregation function.
func SetAggregation(raw []byte, fieldID, agg string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := findField(d, fieldID)
	if err != nil {
		return nil, err
	}
	_, kind, fo, _ := itemColumn(f.item)
	if !slices.Contains(Aggregations[kind], agg) {
		return nil, editErr("a %s can't be aggregated with %s", kind, agg)
	}
	if kind == "NumericalMeasureField" {
		fo["AggregationFunction"] = obj{"SimpleNumericalAggregation": agg}
	} else {
		fo["AggregationFunction"] = agg
	}
	return encode(d)
}

// Granularities a date dimension may take.
var Granularities = []string{"YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND"}

// SetGranularity sets a date dimension's granularity.
func SetGranularity(raw []byte, fieldID, granularity string) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := findField(d, fieldID)
	if err != nil {
		return nil, err
	}
	_, kind, fo, _ := itemColumn(f.item)
	if kind != "DateDimensionField" || !slices.Contains(Granularities, granularity) {
		return nil, editErr("field %s can't have date granularity %s", fieldID, granularity)
	}
	fo["DateGranularity"] = granularity
	return encode(d)
}

// ChangeType changes a visual to another type, keeping its id, title and
// the fields that fit: each field goes to the well of the same name when
// that well takes its role, else to the first well of its role; fields
// with no well of their role are dropped, and so are the old type's
// settings.
func ChangeType(raw []byte, visualID, kind string) ([]byte, error) {
	to, ok := Kind(kind)
	if !ok {
		return nil, editErr("the editor can't build a %s", kind)
	}
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	r, from, err := editable(d, visualID)
	if err != nil {
		return nil, err
	}
	nv := obj{"VisualId": visualID}
	if t, ok := r.visual["Title"]; ok {
		nv["Title"] = t
	}
	nr := &visualRef{visual: nv}
	nws := nr.wells(to)
	if ows := wellsOf(r, from); ows != nil {
		for _, w := range from.Wells {
			for _, it := range list(ows, w.Name) {
				item, _ := it.(obj)
				target := wellFor(to, w)
				if target == nil {
					continue
				}
				insert(nws, target.Name, -1, item)
			}
		}
	}
	if st, ok := r.visual["Subtitle"]; ok {
		nv["Subtitle"] = st
	}
	carryActions(r.visual, nv)
	vs := list(r.sheet, "Visuals")
	vs[r.index] = obj{kind: nv}
	return encode(d)
}

func wellFor(k *KindSpec, from WellSpec) *WellSpec {
	if w, ok := k.Well(from.Name); ok && w.Measure == from.Measure {
		return w
	}
	for i := range k.Wells {
		if k.Wells[i].Measure == from.Measure {
			return &k.Wells[i]
		}
	}
	return nil
}

// SetSort sorts a visual by one of its fields (direction ASC or DESC), or
// removes its sort (direction ""). Only types with a category sort (bar,
// line, pie, combo, funnel) and tables take one.
func SetSort(raw []byte, fieldID, direction string) ([]byte, error) {
	if direction != "" && direction != "ASC" && direction != "DESC" {
		return nil, editErr("sort direction must be ASC or DESC")
	}
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := findField(d, fieldID)
	if err != nil {
		return nil, err
	}
	member, ok := sortMember[f.kind.Kind]
	if !ok {
		return nil, editErr("a %s can't be sorted in the editor", f.kind.Label)
	}
	cc := ensure(f.v.visual, "ChartConfiguration")
	if direction == "" {
		dropSorts(f.v.visual, fieldID)
		return encode(d)
	}
	sc := ensure(cc, "SortConfiguration")
	sort := obj{"FieldSort": obj{"FieldId": fieldID, "Direction": direction}}
	sc[member] = []any{sort}
	return encode(d)
}

// sortMember is the SortConfiguration member that sorts a type's rows or
// categories.
var sortMember = map[string]string{
	"BarChartVisual":    "CategorySort",
	"LineChartVisual":   "CategorySort",
	"PieChartVisual":    "CategorySort",
	"ComboChartVisual":  "CategorySort",
	"FunnelChartVisual": "CategorySort",
	"TableVisual":       "RowSort",
}

// dropSorts removes the sorts by a field from a visual's SortConfiguration.
func dropSorts(v obj, fieldID string) {
	sc := child(child(v, "ChartConfiguration"), "SortConfiguration")
	for k, l := range sc {
		items, ok := l.([]any)
		if !ok {
			continue
		}
		items = slices.DeleteFunc(items, func(x any) bool {
			xo, _ := x.(obj)
			return child(xo, "FieldSort")["FieldId"] == fieldID
		})
		if len(items) == 0 {
			delete(sc, k)
		} else {
			sc[k] = items
		}
	}
	if sc != nil && len(sc) == 0 {
		delete(child(v, "ChartConfiguration"), "SortConfiguration")
	}
}
