package viewer

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// numberFormat is a measure's display format as the field's
// FormatConfiguration gives it (NumberDisplayFormatConfiguration,
// CurrencyDisplayFormatConfiguration or
// PercentageDisplayFormatConfiguration): decimal places, a scale, a
// prefix and a suffix, a currency symbol, separators, how negatives
// read and what a null reads; a percentage shows the value times 100
// with "%". The page (web/src/charts.js) writes chart labels from the
// same fields, so their JSON names are part of that contract.
type numberFormat struct {
	Percent  bool
	Decimals *int
	Scale    string // NONE, AUTO, THOUSANDS, MILLIONS, BILLIONS, TRILLIONS, LAKHS, CRORES
	Prefix   string
	Suffix   string
	// Symbol is a currency format's symbol as drawn ("$" for USD), after
	// the prefix and before the digits.
	Symbol string `json:",omitempty"`
	// Thousands and Decimal are the separators ("" reads as "," and
	// "."); HideThousands drops grouping.
	Thousands     string `json:",omitempty"`
	Decimal       string `json:",omitempty"`
	HideThousands bool   `json:",omitempty"`
	// Parens writes a negative number as "(1,234)" (NegativeValueConfiguration
	// DisplayMode POSITIVE) instead of "-1,234".
	Parens bool `json:",omitempty"`
	// NullText is what a null reads (NullValueFormatConfiguration), "" for
	// the default.
	NullText string `json:",omitempty"`
}

type scale struct {
	div  float64
	unit string
}

var scales = map[string]scale{
	"THOUSANDS": {1e3, "K"}, "MILLIONS": {1e6, "M"}, "BILLIONS": {1e9, "B"}, "TRILLIONS": {1e12, "T"},
	"LAKHS": {1e5, "L"}, "CRORES": {1e7, "Cr"},
}

// autoScale is the scale NumberScale AUTO picks for a value: the largest
// of thousands to trillions it reaches.
func autoScale(f float64) (scale, bool) {
	a := math.Abs(f)
	for _, name := range []string{"TRILLIONS", "BILLIONS", "MILLIONS", "THOUSANDS"} {
		if s := scales[name]; a >= s.div {
			return s, true
		}
	}
	return scale{}, false
}

// format writes f in the format.
func (n *numberFormat) format(f float64) string {
	unit := ""
	if n.Percent {
		f *= 100
	} else if s, ok := scales[n.Scale]; ok {
		f, unit = f/s.div, s.unit
	} else if s, ok := autoScale(f); ok && n.Scale == "AUTO" {
		f, unit = f/s.div, s.unit
	}
	neg := f < 0
	var text string
	if n.Decimals != nil {
		d := min(max(*n.Decimals, 0), 20)
		p := math.Pow(10, float64(d))
		text = strconv.FormatFloat(math.Round(math.Abs(f)*p)/p, 'f', d, 64)
	} else {
		text = strconv.FormatFloat(round2(math.Abs(f)), 'f', -1, 64)
	}
	neg = neg && strings.Trim(text, "0.") != ""
	intPart, frac, _ := strings.Cut(text, ".")
	thousands, decimal := ",", "."
	if n.Thousands != "" {
		thousands = n.Thousands
	}
	if n.HideThousands {
		thousands = ""
	}
	if n.Decimal != "" {
		decimal = n.Decimal
	}
	text = groupThousands(intPart, thousands)
	if frac != "" {
		text += decimal + frac
	}
	if n.Percent {
		text += "%"
	}
	body := n.Prefix + n.Symbol + text + unit + n.Suffix
	switch {
	case neg && n.Parens:
		return "(" + body + ")"
	case neg:
		return "-" + body
	}
	return body
}

// null is what a null value reads in the format.
func (n *numberFormat) null(def string) string {
	if n != nil && n.NullText != "" {
		return n.NullText
	}
	return def
}

func groupThousands(s, sep string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fieldFormats reads the number formats of a visual's measures, by field
// id: every object of the visual with a FieldId and a
// FormatConfiguration.FormatConfiguration member.
func fieldFormats(raw json.RawMessage) map[string]*numberFormat {
	out := map[string]*numberFormat{}
	if !eachFieldFormat(raw, func(id string, fc map[string]any) {
		if nf := numberFormatOf(fc); nf != nil {
			out[id] = nf
		}
	}) {
		return nil
	}
	return out
}

func numberFormatOf(fc map[string]any) *numberFormat {
	inner, _ := fc["FormatConfiguration"].(map[string]any)
	var cfg map[string]any
	nf := &numberFormat{}
	if c, ok := inner["NumberDisplayFormatConfiguration"].(map[string]any); ok {
		cfg = c
		nf.Scale, _ = c["NumberScale"].(string)
	} else if c, ok := inner["CurrencyDisplayFormatConfiguration"].(map[string]any); ok {
		cfg = c
		nf.Scale, _ = c["NumberScale"].(string)
		code, _ := c["Symbol"].(string)
		nf.Symbol = currencySymbol(code)
	} else if c, ok := inner["PercentageDisplayFormatConfiguration"].(map[string]any); ok {
		cfg, nf.Percent = c, true
	} else {
		return nil
	}
	nf.Prefix, _ = cfg["Prefix"].(string)
	nf.Suffix, _ = cfg["Suffix"].(string)
	if dp, ok := cfg["DecimalPlacesConfiguration"].(map[string]any); ok {
		if d, ok := dp["DecimalPlaces"].(float64); ok {
			n := int(d)
			nf.Decimals = &n
		}
	}
	if sc, ok := cfg["SeparatorConfiguration"].(map[string]any); ok {
		if d, ok := separators[stringOf(sc["DecimalSeparator"])]; ok {
			nf.Decimal = d
		}
		if ts, ok := sc["ThousandsSeparator"].(map[string]any); ok {
			if s, ok := separators[stringOf(ts["Symbol"])]; ok {
				nf.Thousands = s
			}
			nf.HideThousands = stringOf(ts["Visibility"]) == "HIDDEN"
		}
	}
	if nv, ok := cfg["NegativeValueConfiguration"].(map[string]any); ok {
		nf.Parens = stringOf(nv["DisplayMode"]) == "POSITIVE"
	}
	if nv, ok := cfg["NullValueFormatConfiguration"].(map[string]any); ok {
		nf.NullText = stringOf(nv["NullString"])
	}
	return nf
}

// separators are the NumericSeparatorSymbol values as drawn.
var separators = map[string]string{"COMMA": ",", "DOT": ".", "SPACE": " "}

func stringOf(v any) string {
	s, _ := v.(string)
	return s
}
