package viewer

import "testing"

func TestNumberFormat(t *testing.T) {
	two, zero := 2, 0
	for _, c := range []struct {
		f    numberFormat
		v    float64
		want string
	}{
		{numberFormat{Decimals: &two}, 1234567.891, "1,234,567.89"},
		{numberFormat{Decimals: &zero, Prefix: "$"}, -1234.5, "-$1,235"},
		{numberFormat{Decimals: &two, Scale: "THOUSANDS", Suffix: " sold"}, 12345, "12.35K sold"},
		{numberFormat{Decimals: &zero, Scale: "MILLIONS"}, 2500000, "3M"},
		{numberFormat{Percent: true, Decimals: &two}, 0.12345, "12.35%"},
		{numberFormat{Percent: true}, 0.5, "50%"},
		{numberFormat{Decimals: &two}, -0.001, "0.00"},
	} {
		if got := c.f.format(c.v); got != c.want {
			t.Errorf("%+v of %v = %q, want %q", c.f, c.v, got, c.want)
		}
	}
	formats := fieldFormats([]byte(`{"VisualId":"k","ChartConfiguration":{"FieldWells":{"Values":[{"NumericalMeasureField":{"FieldId":"r","FormatConfiguration":{"FormatConfiguration":{"PercentageDisplayFormatConfiguration":{"DecimalPlacesConfiguration":{"DecimalPlaces":1}}}}}}]}}}`))
	if f := formats["r"]; f == nil || !f.Percent || f.Decimals == nil || *f.Decimals != 1 {
		t.Fatalf("formats %+v", formats)
	}
}
