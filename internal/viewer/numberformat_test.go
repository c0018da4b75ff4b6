package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

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
		{numberFormat{Scale: "AUTO", Decimals: &two}, 2345678, "2.35M"},
		{numberFormat{Scale: "LAKHS", Decimals: &zero}, 250000, "3L"},
		{numberFormat{Decimals: &two, Thousands: ".", Decimal: ","}, 1234567.891, "1.234.567,89"},
		{numberFormat{Decimals: &zero, HideThousands: true}, 1234567, "1234567"},
		{numberFormat{Decimals: &zero, Parens: true, Prefix: "$"}, -1234.5, "($1,235)"},
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

// TestCurrencyFormat reads CurrencyDisplayFormatConfiguration as a
// definition writes it and draws values in it: the symbol of the code,
// separators, decimal places, scale, negatives and null text.
func TestCurrencyFormat(t *testing.T) {
	currency := func(cfg string) *numberFormat {
		t.Helper()
		f := fieldFormats([]byte(`{"Values":[{"NumericalMeasureField":{"FieldId":"m","FormatConfiguration":{"FormatConfiguration":{"CurrencyDisplayFormatConfiguration":` + cfg + `}}}}]}`))["m"]
		if f == nil {
			t.Fatalf("no format read from %s", cfg)
		}
		return f
	}
	for _, c := range []struct {
		cfg  string
		v    float64
		want string
	}{
		{`{"Symbol":"USD","DecimalPlacesConfiguration":{"DecimalPlaces":2}}`, 1234567.891, "$1,234,567.89"},
		{`{"Symbol":"USD"}`, -1234.5, "-$1,234.5"},
		{`{"Symbol":"EUR","DecimalPlacesConfiguration":{"DecimalPlaces":2},"SeparatorConfiguration":{"DecimalSeparator":"COMMA","ThousandsSeparator":{"Symbol":"DOT","Visibility":"VISIBLE"}}}`, 1234.5, "€1.234,50"},
		{`{"Symbol":"GBP","NumberScale":"MILLIONS","DecimalPlacesConfiguration":{"DecimalPlaces":1}}`, 2345678, "£2.3M"},
		{`{"Symbol":"JPY","DecimalPlacesConfiguration":{"DecimalPlaces":0},"SeparatorConfiguration":{"ThousandsSeparator":{"Visibility":"HIDDEN"}}}`, 1234567, "¥1234567"},
		{`{"Symbol":"USD","DecimalPlacesConfiguration":{"DecimalPlaces":2},"NegativeValueConfiguration":{"DisplayMode":"POSITIVE"}}`, -42, "($42.00)"},
		{`{"Symbol":"USD","DecimalPlacesConfiguration":{"DecimalPlaces":2},"NegativeValueConfiguration":{"DisplayMode":"NEGATIVE"}}`, -42, "-$42.00"},
		{`{"Symbol":"CHF","Prefix":"~","Suffix":" net","DecimalPlacesConfiguration":{"DecimalPlaces":0}}`, 99.6, "~CHF 100 net"},
		{`{"Symbol":"INR","NumberScale":"LAKHS","DecimalPlacesConfiguration":{"DecimalPlaces":2}}`, 1234567, "₹12.35L"},
		{`{"Symbol":"USD","NumberScale":"AUTO","DecimalPlacesConfiguration":{"DecimalPlaces":1}}`, 4321, "$4.3K"},
		{`{"Symbol":"USD","NumberScale":"AUTO","DecimalPlacesConfiguration":{"DecimalPlaces":1}}`, 432, "$432.0"},
	} {
		if got := currency(c.cfg).format(c.v); got != c.want {
			t.Errorf("%s of %v = %q, want %q", c.cfg, c.v, got, c.want)
		}
	}
	f := currency(`{"Symbol":"USD","NullValueFormatConfiguration":{"NullString":"n/a"}}`)
	if got := f.null("(null)"); got != "n/a" {
		t.Errorf("null text = %q, want n/a", got)
	}
	if got := (*numberFormat)(nil).null("(null)"); got != "(null)" {
		t.Errorf("no format's null text = %q", got)
	}
}

// TestNullText: a null measure reads its format's NullString in KPIs,
// tables and pivot tables.
func TestNullText(t *testing.T) {
	nf := &numberFormat{NullText: "n/a"}
	p := &plan{values: []field{{id: "m", label: "M", format: nf, measure: &query.Measure{ID: "m"}}}}
	res := &Result{Columns: []query.ResultColumn{{ID: "m", Type: "DECIMAL"}}, Rows: [][]any{{nil}}}
	wantEq(t, "KPI", kpi(p, res).Value, "n/a")
	wantEq(t, "table", table(p, res).Rows[0][0].Text, "n/a")
	wantEq(t, "pivot", pivot(p, res).Rows[0].Cells[0].Text, "n/a")
}
