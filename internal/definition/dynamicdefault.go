package definition

import "encoding/json"

// DynamicDefaultValue is QuickSight's DynamicDefaultValue: a parameter's
// default read from a dataset, the values of DefaultValueColumn on the
// rows whose UserNameColumn (or GroupNameColumn) names the viewer.
type DynamicDefaultValue struct {
	DefaultValueColumn *ColumnIdentifier `json:"DefaultValueColumn,omitempty"`
	GroupNameColumn    *ColumnIdentifier `json:"GroupNameColumn,omitempty"`
	UserNameColumn     *ColumnIdentifier `json:"UserNameColumn,omitempty"`
}

// DynamicDefault returns the declaration's DynamicValue as it is written
// (nil when it has none) and, decoded, false when it does not decode.
func (p *ParameterDeclaration) DynamicDefault() (json.RawMessage, *DynamicDefaultValue, bool) {
	var raw json.RawMessage
	switch {
	case p.StringParameterDeclaration != nil && p.StringParameterDeclaration.DefaultValues != nil:
		raw = p.StringParameterDeclaration.DefaultValues.DynamicValue
	case p.IntegerParameterDeclaration != nil && p.IntegerParameterDeclaration.DefaultValues != nil:
		raw = p.IntegerParameterDeclaration.DefaultValues.DynamicValue
	case p.DecimalParameterDeclaration != nil && p.DecimalParameterDeclaration.DefaultValues != nil:
		raw = p.DecimalParameterDeclaration.DefaultValues.DynamicValue
	case p.DateTimeParameterDeclaration != nil && p.DateTimeParameterDeclaration.DefaultValues != nil:
		raw = p.DateTimeParameterDeclaration.DefaultValues.DynamicValue
	}
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil, false
	}
	var d DynamicDefaultValue
	if json.Unmarshal(raw, &d) != nil {
		return raw, nil, false
	}
	return raw, &d, true
}
