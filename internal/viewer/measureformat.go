package viewer

// numberText writes a measure's value in the field's number format, or in
// the default one (thousands separators, at most two decimals) when the
// field has none.
func (f field) numberText(v float64) string {
	if f.format != nil {
		return f.format.format(v)
	}
	return formatNumber(v)
}

// nullOr is what the field's null reads: its null text, else def.
func (f field) nullOr(def string) string {
	if f.nullText != "" {
		return f.nullText
	}
	return f.format.null(def)
}

// formatSeries gives a chart series its measure's number format and null
// text, which the page writes in the series' value labels and tooltips
// (web/src/charts.js formatLabels).
func formatSeries(s obj, f field) {
	if f.format != nil {
		s[chartNumberFormat] = f.format
	}
	if f.nullText != "" {
		s[chartNullText] = f.nullText
	}
}

// sharedFieldFormat is the number format every field of fs has, nil when
// one has none or they differ.
func sharedFieldFormat(fs []field) *numberFormat {
	formats := make([]*numberFormat, len(fs))
	for i, f := range fs {
		formats[i] = f.format
	}
	return commonFormat(formats)
}

// commonFormat is the number format all of formats are, nil when one is
// nil or they differ (or there are none).
func commonFormat(formats []*numberFormat) *numberFormat {
	var out *numberFormat
	for _, f := range formats {
		if f == nil || out != nil && !sameFormat(f, out) {
			return nil
		}
		out = f
	}
	return out
}
