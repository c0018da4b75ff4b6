package authoring

import (
	"slices"

	"github.com/sightglass/sightglass/internal/definition"
)

// NumberFormat is a measure's display format as the field menu sets it:
// a number (decimal places, a scale, a prefix and a suffix) or a
// percentage (the value times 100, with its decimal places).
type NumberFormat struct {
	Percent  bool
	Decimals *int
	Scale    string // "", THOUSANDS, MILLIONS, BILLIONS, TRILLIONS
	Prefix   string
	Suffix   string
}

// NumberScales are the scales the field menu offers.
var NumberScales = []string{"THOUSANDS", "MILLIONS", "BILLIONS", "TRILLIONS"}

// Formattable reports whether the editor formats the measures of a
// visual type.
func Formattable(kind string) bool { return definition.NumberFormatted(kind) }

// SetNumberFormat sets a numeric measure's display format; nil removes it.
func SetNumberFormat(raw []byte, fieldID string, nf *NumberFormat) ([]byte, error) {
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := findField(d, fieldID)
	if err != nil {
		return nil, err
	}
	if !definition.NumberFormatted(f.kind.Kind) {
		return nil, editErr("the editor formats the numbers of tables, pivot tables, KPIs, gauges, bar, line, combo, pie, heat map, tree map, funnel, waterfall, scatter and radar charts, not of a %s", f.kind.Label)
	}
	_, kind, fo, _ := itemColumn(f.item)
	if kind != "NumericalMeasureField" {
		return nil, editErr("only a numeric measure takes a number format, not a %s", kind)
	}
	if nf == nil {
		delete(fo, "FormatConfiguration")
		return encode(d)
	}
	if nf.Scale != "" && (nf.Percent || !slices.Contains(NumberScales, nf.Scale)) {
		return nil, editErr("a number's scale is one of %v, and a percentage has none", NumberScales)
	}
	if nf.Decimals != nil && (*nf.Decimals < 0 || *nf.Decimals > 20) {
		return nil, editErr("decimal places are from 0 to 20")
	}
	if len(nf.Prefix) > 128 || len(nf.Suffix) > 128 {
		return nil, editErr("a prefix or suffix has at most 128 characters")
	}
	cfg := obj{}
	if nf.Decimals != nil {
		cfg["DecimalPlacesConfiguration"] = obj{"DecimalPlaces": *nf.Decimals}
	}
	if nf.Prefix != "" {
		cfg["Prefix"] = nf.Prefix
	}
	if nf.Suffix != "" {
		cfg["Suffix"] = nf.Suffix
	}
	member := "NumberDisplayFormatConfiguration"
	if nf.Percent {
		member = "PercentageDisplayFormatConfiguration"
	} else if nf.Scale != "" {
		cfg["NumberScale"] = nf.Scale
	}
	fo["FormatConfiguration"] = obj{"FormatConfiguration": obj{member: cfg}}
	return encode(d)
}
