package definition

// Accessors over the model's unions: which member is set, and the
// members every variant has.

// Kind returns the member name of the filter that is set ("" if none),
// its FilterId and its Column (nil for a NestedFilter or none).
func (f *Filter) Kind() (kind, id string, col *ColumnIdentifier) {
	switch {
	case f.CategoryFilter != nil:
		return "CategoryFilter", f.CategoryFilter.FilterId, f.CategoryFilter.Column
	case f.NumericRangeFilter != nil:
		return "NumericRangeFilter", f.NumericRangeFilter.FilterId, f.NumericRangeFilter.Column
	case f.NumericEqualityFilter != nil:
		return "NumericEqualityFilter", f.NumericEqualityFilter.FilterId, f.NumericEqualityFilter.Column
	case f.TimeRangeFilter != nil:
		return "TimeRangeFilter", f.TimeRangeFilter.FilterId, f.TimeRangeFilter.Column
	case f.RelativeDatesFilter != nil:
		return "RelativeDatesFilter", f.RelativeDatesFilter.FilterId, f.RelativeDatesFilter.Column
	case f.TopBottomFilter != nil:
		return "TopBottomFilter", f.TopBottomFilter.FilterId, f.TopBottomFilter.Column
	case f.TimeEqualityFilter != nil:
		return "TimeEqualityFilter", f.TimeEqualityFilter.FilterId, f.TimeEqualityFilter.Column
	case f.NestedFilter != nil:
		return "NestedFilter", nestedFilterID(f.NestedFilter), nil
	}
	return "", "", nil
}

// members counts the union members set.
func (f *Filter) members() int {
	return count(f.CategoryFilter != nil, f.NumericRangeFilter != nil, f.NumericEqualityFilter != nil,
		f.TimeRangeFilter != nil, f.RelativeDatesFilter != nil, f.TopBottomFilter != nil,
		f.TimeEqualityFilter != nil, f.NestedFilter != nil)
}

// Kind returns the member name of the control that is set, its
// FilterControlId, SourceFilterId and Title.
func (c *FilterControl) Kind() (kind, id, source, title string) {
	switch {
	case c.Dropdown != nil:
		return "Dropdown", c.Dropdown.FilterControlId, c.Dropdown.SourceFilterId, c.Dropdown.Title
	case c.List != nil:
		return "List", c.List.FilterControlId, c.List.SourceFilterId, c.List.Title
	case c.Slider != nil:
		return "Slider", c.Slider.FilterControlId, c.Slider.SourceFilterId, c.Slider.Title
	case c.DateTimePicker != nil:
		return "DateTimePicker", c.DateTimePicker.FilterControlId, c.DateTimePicker.SourceFilterId, c.DateTimePicker.Title
	case c.RelativeDateTime != nil:
		return "RelativeDateTime", c.RelativeDateTime.FilterControlId, c.RelativeDateTime.SourceFilterId, c.RelativeDateTime.Title
	case c.TextField != nil:
		return "TextField", c.TextField.FilterControlId, c.TextField.SourceFilterId, c.TextField.Title
	case c.TextArea != nil:
		return "TextArea", c.TextArea.FilterControlId, c.TextArea.SourceFilterId, c.TextArea.Title
	case c.CrossSheet != nil:
		return "CrossSheet", c.CrossSheet.FilterControlId, c.CrossSheet.SourceFilterId, ""
	}
	return "", "", "", ""
}

func (c *FilterControl) members() int {
	return count(c.Dropdown != nil, c.List != nil, c.Slider != nil, c.DateTimePicker != nil,
		c.RelativeDateTime != nil, c.TextField != nil, c.TextArea != nil, c.CrossSheet != nil)
}

// Kind returns the member name of the control that is set, its
// ParameterControlId, SourceParameterName and Title.
func (c *ParameterControl) Kind() (kind, id, source, title string) {
	switch {
	case c.Dropdown != nil:
		return "Dropdown", c.Dropdown.ParameterControlId, c.Dropdown.SourceParameterName, c.Dropdown.Title
	case c.List != nil:
		return "List", c.List.ParameterControlId, c.List.SourceParameterName, c.List.Title
	case c.Slider != nil:
		return "Slider", c.Slider.ParameterControlId, c.Slider.SourceParameterName, c.Slider.Title
	case c.DateTimePicker != nil:
		return "DateTimePicker", c.DateTimePicker.ParameterControlId, c.DateTimePicker.SourceParameterName, c.DateTimePicker.Title
	case c.TextField != nil:
		return "TextField", c.TextField.ParameterControlId, c.TextField.SourceParameterName, c.TextField.Title
	case c.TextArea != nil:
		return "TextArea", c.TextArea.ParameterControlId, c.TextArea.SourceParameterName, c.TextArea.Title
	}
	return "", "", "", ""
}

func (c *ParameterControl) members() int {
	return count(c.Dropdown != nil, c.List != nil, c.Slider != nil, c.DateTimePicker != nil,
		c.TextField != nil, c.TextArea != nil)
}

// Parameter types, as ParameterDeclaration.Kind returns them.
const (
	ParameterString   = "STRING"
	ParameterInteger  = "INTEGER"
	ParameterDecimal  = "DECIMAL"
	ParameterDateTime = "DATETIME"
)

// Kind returns the declared parameter's type (ParameterString, …), name
// and ParameterValueType ("" for datetime parameters, which have none).
func (p *ParameterDeclaration) Kind() (typ, name, valueType string) {
	switch {
	case p.StringParameterDeclaration != nil:
		return ParameterString, p.StringParameterDeclaration.Name, p.StringParameterDeclaration.ParameterValueType
	case p.IntegerParameterDeclaration != nil:
		return ParameterInteger, p.IntegerParameterDeclaration.Name, p.IntegerParameterDeclaration.ParameterValueType
	case p.DecimalParameterDeclaration != nil:
		return ParameterDecimal, p.DecimalParameterDeclaration.Name, p.DecimalParameterDeclaration.ParameterValueType
	case p.DateTimeParameterDeclaration != nil:
		return ParameterDateTime, p.DateTimeParameterDeclaration.Name, ""
	}
	return "", "", ""
}

func (p *ParameterDeclaration) members() int {
	return count(p.StringParameterDeclaration != nil, p.IntegerParameterDeclaration != nil,
		p.DecimalParameterDeclaration != nil, p.DateTimeParameterDeclaration != nil)
}

func count(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
