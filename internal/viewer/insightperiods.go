package viewer

import (
	"fmt"
	"strings"
)

// latestPeriods returns the first k distinct periods (column 0, not
// NULL) of rows sorted latest first, and the rows in them; cut reports
// that the rows were cut at insightLimit while still in those periods,
// so the last of them may be incomplete.
func latestPeriods(res *Result, k int) (periods []any, rows [][]any, cut bool) {
	seen := map[string]bool{}
	for _, row := range res.Rows {
		if row[0] == nil {
			continue
		}
		key := periodKey(row[0])
		if !seen[key] {
			if len(periods) == k {
				return periods, rows, false
			}
			seen[key] = true
			periods = append(periods, row[0])
		}
		rows = append(rows, row)
	}
	return periods, rows, len(res.Rows) >= insightLimit
}

// periodKey tells periods apart.
func periodKey(v any) string { return fmt.Sprintf("%T:%v", v, v) }

// periodWord names a time field's granularity for a sentence: "month".
func periodWord(f field) string {
	if f.dim == nil || f.dim.Granularity == "" {
		return "period"
	}
	return strings.ToLower(string(f.dim.Granularity))
}
