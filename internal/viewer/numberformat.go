package viewer

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// numberFormat is a measure's display format as the field's
// FormatConfiguration gives it (NumberDisplayFormatConfiguration or
// PercentageDisplayFormatConfiguration): decimal places, a scale, a
// prefix and a suffix; a percentage shows the value times 100 with "%".
type numberFormat struct {
	Percent  bool
	Decimals *int
	Scale    string // NONE, THOUSANDS, MILLIONS, BILLIONS, TRILLIONS
	Prefix   string
	Suffix   string
}

var scales = map[string]struct {
	div  float64
	unit string
}{"THOUSANDS": {1e3, "K"}, "MILLIONS": {1e6, "M"}, "BILLIONS": {1e9, "B"}, "TRILLIONS": {1e12, "T"}}

// format writes f in the format.
func (n *numberFormat) format(f float64) string {
	unit := ""
	if n.Percent {
		f *= 100
	} else if s, ok := scales[n.Scale]; ok {
		f, unit = f/s.div, s.unit
	}
	var text string
	if n.Decimals != nil {
		d := min(max(*n.Decimals, 0), 20)
		neg := f < 0
		p := math.Pow(10, float64(d))
		text = strconv.FormatFloat(math.Round(math.Abs(f)*p)/p, 'f', d, 64)
		intPart, frac, _ := strings.Cut(text, ".")
		text = groupThousands(intPart)
		if frac != "" {
			text += "." + frac
		}
		if neg && strings.Trim(text, "0.,") != "" {
			text = "-" + text
		}
	} else {
		text = formatNumber(f)
	}
	if n.Percent {
		text += "%"
	}
	sign := ""
	if rest, ok := strings.CutPrefix(text, "-"); ok {
		sign, text = "-", rest
	}
	return sign + n.Prefix + text + unit + n.Suffix
}

func groupThousands(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fieldFormats reads the number formats of a visual's measures, by field
// id: every object of the visual with a FieldId and a
// FormatConfiguration.FormatConfiguration member.
func fieldFormats(raw json.RawMessage) map[string]*numberFormat {
	var root any
	if json.Unmarshal(raw, &root) != nil {
		return nil
	}
	out := map[string]*numberFormat{}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 64 {
			return
		}
		switch t := v.(type) {
		case map[string]any:
			if id, ok := t["FieldId"].(string); ok {
				if fc, ok := t["FormatConfiguration"].(map[string]any); ok {
					if nf := numberFormatOf(fc); nf != nil {
						out[id] = nf
					}
				}
			}
			for _, c := range t {
				walk(c, depth+1)
			}
		case []any:
			for _, c := range t {
				walk(c, depth+1)
			}
		}
	}
	walk(root, 0)
	return out
}

func numberFormatOf(fc map[string]any) *numberFormat {
	inner, _ := fc["FormatConfiguration"].(map[string]any)
	var cfg map[string]any
	nf := &numberFormat{}
	if c, ok := inner["NumberDisplayFormatConfiguration"].(map[string]any); ok {
		cfg = c
		nf.Scale, _ = c["NumberScale"].(string)
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
	return nf
}
