package viewer

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query"
)

// A condition on a column the visual groups by (the AWS Cost Anomalies
// details table's {status} = "Active") has one value per row: it is
// asked as the group's max; one on a column the rows do not group by, or
// on a date truncated to a period, is asked as written.
func TestHiddenPerGroup(t *testing.T) {
	q := &query.Question{Dimensions: []query.Dimension{{ID: "s", Field: "status"}, {ID: "d", Field: "day", Granularity: "MONTH"}}}
	for src, want := range map[string]string{
		`ifelse({status} = "Active", 1, 0)`:             `max(ifelse({status} = "Active", 1, 0))`,
		`ifelse(sum({cost}) > 10, 1, 0)`:                `ifelse(sum({cost}) > 10, 1, 0)`,
		`ifelse({cost} > 10, 1, 0)`:                     `ifelse({cost} > 10, 1, 0)`,
		`ifelse({day} > parseDate("2026-01-01"), 1, 0)`: `ifelse({day} > parseDate("2026-01-01"), 1, 0)`,
		`1`: `1`,
	} {
		if got := perGroup(src, q); got != want {
			t.Errorf("perGroup(%s) = %s, want %s", src, got, want)
		}
	}
}

// Hidden measures asked again at coarser groups (a pivot's totals) are
// asked as written: a condition on a grouped column is not one value per
// total, and fails rather than colour a total whenever one row matches.
func TestHiddenAsWritten(t *testing.T) {
	q := &query.Question{Dimensions: []query.Dimension{{ID: "s", Field: "status"}}}
	hs := []hiddenMeasure{{id: hiddenID(0), expr: `ifelse({status} = "Active", 1, 0)`}}
	wantEq(t, "grouped", withHidden(q, hs).CalculatedFields[0].Expression, `max(ifelse({status} = "Active", 1, 0))`)
	wantEq(t, "as written", withHiddenAsWritten(q, hs).CalculatedFields[0].Expression, `ifelse({status} = "Active", 1, 0)`)
}
