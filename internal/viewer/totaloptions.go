package viewer

import "encoding/json"

// totalOptions is a table's TotalOptions as the viewer applies them, to
// aggregated and unaggregated tables alike: read once, by one rule.
type totalOptions struct {
	label string            // CustomLabel, "Total" without one
	first bool              // Placement START (else at the end)
	funcs map[string]string // FieldId: SUM, AVERAGE, MIN, MAX or NONE; absent: DEFAULT
}

// readTotalOptions reads TotalOptions: nil when totals are absent or
// hidden; refused names what cannot be applied (options that cannot be
// read, a TotalAggregationFunction it does not know), never skipped.
func readTotalOptions(raw json.RawMessage) (o *totalOptions, refused string) {
	if len(raw) == 0 {
		return nil, ""
	}
	var in struct {
		TotalsVisibility        string
		Placement               string
		CustomLabel             string
		TotalAggregationOptions []struct {
			FieldId                  string
			TotalAggregationFunction *struct{ SimpleTotalAggregationFunction string }
		}
	}
	if json.Unmarshal(raw, &in) != nil {
		return nil, "TotalOptions that cannot be read"
	}
	if in.TotalsVisibility != "VISIBLE" {
		return nil, ""
	}
	o = &totalOptions{label: in.CustomLabel, first: in.Placement == "START", funcs: map[string]string{}}
	if o.label == "" {
		o.label = "Total"
	}
	for _, a := range in.TotalAggregationOptions {
		fn := "DEFAULT"
		if a.TotalAggregationFunction != nil && a.TotalAggregationFunction.SimpleTotalAggregationFunction != "" {
			fn = a.TotalAggregationFunction.SimpleTotalAggregationFunction
		}
		switch fn {
		case "DEFAULT":
		case "SUM", "AVERAGE", "MIN", "MAX", "NONE":
			o.funcs[a.FieldId] = fn
		default:
			return nil, "the TotalAggregationFunction " + fn
		}
	}
	return o, ""
}
