package viewer

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// FuzzNumberFormat reads arbitrary format, unaggregated field and total
// options JSON as a definition gives it and draws values in what it read:
// never a panic, and a drawn number is never empty.
func FuzzNumberFormat(f *testing.F) {
	for _, seed := range []string{
		`{"Values":[{"FieldId":"m","FormatConfiguration":{"FormatConfiguration":{"CurrencyDisplayFormatConfiguration":{"Symbol":"EUR","NumberScale":"AUTO","DecimalPlacesConfiguration":{"DecimalPlaces":99},"SeparatorConfiguration":{"DecimalSeparator":"COMMA","ThousandsSeparator":{"Symbol":"SPACE","Visibility":"HIDDEN"}},"NegativeValueConfiguration":{"DisplayMode":"POSITIVE"},"NullValueFormatConfiguration":{"NullString":"-"}}}}}]}`,
		`{"FieldId":"p","FormatConfiguration":{"FormatConfiguration":{"PercentageDisplayFormatConfiguration":{"DecimalPlacesConfiguration":{"DecimalPlaces":-3}}}}}`,
		`{"FieldId":"u","Column":{"DataSetIdentifier":"s","ColumnName":"x"},"FormatConfiguration":{"NumberFormatConfiguration":{"FormatConfiguration":{"NumberDisplayFormatConfiguration":{"NumberScale":"LAKHS"}}},"DateTimeFormatConfiguration":{"DateTimeFormat":"YYYY"}}}`,
		`{"TotalsVisibility":"VISIBLE","Placement":"START","TotalAggregationOptions":[{"FieldId":"u","TotalAggregationFunction":{"SimpleTotalAggregationFunction":"MEDIAN"}}]}`,
	} {
		f.Add(seed)
	}
	values := []float64{0, -0.004, 1234567.891, -1e21, 1e300, math.SmallestNonzeroFloat64}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, nf := range fieldFormats([]byte(raw)) {
			for _, v := range values {
				if nf.format(v) == "" && nf.Prefix+nf.Suffix == "" {
					t.Fatalf("%+v draws %v as nothing", nf, v)
				}
			}
			nf.null("(empty)")
		}
		var u definition.UnaggregatedField
		if json.Unmarshal([]byte(raw), &u) == nil {
			if fd, ok := unaggField(u); ok {
				cols := []query.ResultColumn{{ID: fd.id, Type: "DECIMAL"}}
				opts, _ := readTotalOptions([]byte(raw))
				if tt := unaggTotalsOf(opts, []field{fd}, cols); tt != nil {
					ms := tt.measures()
					row := make([]any, len(ms))
					for i := range row {
						row[i] = 1.5
					}
					cs := tt.cells(row, make([]query.ResultColumn, len(ms)))
					if len(cs) != 1 {
						t.Fatalf("totals %+v of one column", cs)
					}
				}
				if fd.format != nil {
					fd.format.format(-1234.5)
				}
			}
		}
	})
}
