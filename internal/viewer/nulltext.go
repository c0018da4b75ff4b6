package viewer

import "encoding/json"

// maxNullText bounds a null text's length.
const maxNullText = 256

// fieldNullTexts reads what a visual's fields draw for a null value, by
// field id: the NullValueFormatConfiguration.NullString of each object of
// the visual with a FieldId and a FormatConfiguration. The null text sits
// in the FormatConfiguration itself (a string or date-time format), or in
// the number format inside it (FormatConfiguration or
// NumericFormatConfiguration, then its one display format member).
func fieldNullTexts(raw json.RawMessage) map[string]string {
	out := map[string]string{}
	if !eachFieldFormat(raw, func(id string, fc map[string]any) {
		if s := nullTextOf(fc); s != "" {
			out[id] = s
		}
	}) {
		return nil
	}
	return out
}

// nullTextOf finds a FormatConfiguration's null text ("" for none).
func nullTextOf(fc map[string]any) string {
	get := func(m map[string]any) string {
		nv, _ := m["NullValueFormatConfiguration"].(map[string]any)
		if s := stringOf(nv["NullString"]); len(s) <= maxNullText {
			return s
		}
		return ""
	}
	if s := get(fc); s != "" {
		return s
	}
	for _, k := range []string{"FormatConfiguration", "NumericFormatConfiguration"} {
		inner, _ := fc[k].(map[string]any)
		for _, member := range []string{"NumberDisplayFormatConfiguration", "CurrencyDisplayFormatConfiguration", "PercentageDisplayFormatConfiguration"} {
			if m, ok := inner[member].(map[string]any); ok {
				if s := get(m); s != "" {
					return s
				}
			}
		}
	}
	return ""
}
