package query

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// storedDateRow is one row of the stored-dates table: its instant, and
// the form SQLite stores it in.
type storedDateRow struct {
	id   int
	at   time.Time
	form string // "date", "canonical", "iso", "unix"
}

// storedDateRows are days three apart from 2024-12-20, midnight for the
// date-only rows and at a rotating hour otherwise, in four stored forms.
func storedDateRows() []storedDateRow {
	forms := []string{"date", "canonical", "iso", "unix"}
	base := time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)
	var rows []storedDateRow
	for i := range 80 {
		r := storedDateRow{id: i + 1, at: base.AddDate(0, 0, i*3), form: forms[i%4]}
		if r.form != "date" {
			r.at = r.at.Add(time.Duration(i%24)*time.Hour + time.Duration(i)*time.Minute)
		}
		rows = append(rows, r)
	}
	return rows
}

// sqliteStored is the value SQLite files hold for r: date-only text,
// canonical text, ISO 8601 text with "T" and milliseconds, or unix seconds.
func (r storedDateRow) sqliteStored() any {
	switch r.form {
	case "date":
		return r.at.Format(time.DateOnly)
	case "iso":
		return r.at.Format("2006-01-02T15:04:05.000")
	case "unix":
		return r.at.Unix()
	}
	return r.at.Format(time.DateTime)
}

var createStoredDates = map[string]string{
	"sqlite":   "CREATE TABLE %s (id INTEGER, d DATETIME)",
	"postgres": "CREATE TABLE %s (id bigint, d timestamp)",
	"mysql":    "CREATE TABLE %s (id BIGINT, d DATETIME)",
	"duckdb":   "CREATE TABLE %s (id BIGINT, d TIMESTAMP)",
}

// TestStoredDatesAcrossEngines loads the same instants into SQLite in the
// text and number forms files hold, and into PostgreSQL and MariaDB as
// timestamps; date ranges that start and end on stored days and every
// truncation must give the same rows everywhere, and the range counts
// must match a count in Go.
func TestStoredDatesAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table+"_unused")
	ctx := context.Background()
	for _, e := range engines {
		qt := e.d.QuoteIdent(table)
		if _, err := e.db.ExecContext(ctx, fmt.Sprintf(createStoredDates[e.d.Name()], qt)); err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		t.Cleanup(func() { e.db.Exec("DROP TABLE " + qt) })
		insert := "INSERT INTO " + qt + " VALUES (" + e.d.Placeholder(1) + ", " + e.d.Placeholder(2) + ")"
		for _, r := range storedDateRows() {
			var v any = r.at.Format(time.DateTime)
			if e.d == dialect.SQLite {
				v = r.sqliteStored()
			}
			if _, err := e.db.ExecContext(ctx, insert, r.id, v); err != nil {
				t.Fatalf("%s: insert: %v", e.d.Name(), err)
			}
		}
	}
	physical := `{"t": {"RelationalTable": {"DataSourceArn": "arn:aws:quicksight:us-east-1:111122223333:datasource/test", "Name": ` + jsonString(table) + `,
	  "InputColumns": [{"Name": "id", "Type": "INTEGER"}, {"Name": "d", "Type": "DATETIME"}]}}}`
	tables, err := dataset.Parse(json.RawMessage(physical), nil)
	if err != nil {
		t.Fatal(err)
	}
	// 2025-01-01 and 2025-03-14 are date-only rows (i = 4 and 28).
	from, to := date("2025-01-01"), date("2025-03-14")
	inRange := func(lo, hi bool) int {
		n := 0
		for _, r := range storedDateRows() {
			if (r.at.After(*from) || lo && r.at.Equal(*from)) && (r.at.Before(*to) || hi && r.at.Equal(*to)) {
				n++
			}
		}
		return n
	}
	count := []Measure{{ID: "n", Field: "id", Aggregation: Count}}
	questions := []struct {
		name string
		q    Question
		want int // rows counted, when a single count
	}{
		{"range including both stored days", Question{Measures: count,
			Filters: []Filter{{Kind: DateRangeFilter, Field: "d", From: from, IncludeFrom: true, To: to, IncludeTo: true}}}, inRange(true, true)},
		{"range excluding both stored days", Question{Measures: count,
			Filters: []Filter{{Kind: DateRangeFilter, Field: "d", From: from, To: to}}}, inRange(false, false)},
		{"range with min and max", Question{Measures: []Measure{{ID: "min", Field: "d", Aggregation: Min}, {ID: "max", Field: "d", Aggregation: Max}},
			Filters: []Filter{{Kind: DateRangeFilter, Field: "d", From: from, IncludeFrom: true, To: to, IncludeTo: true}}}, -1},
		{"year, quarter and month", Question{
			Dimensions: []Dimension{{ID: "y", Field: "d", Granularity: dialect.Year}, {ID: "q", Field: "d", Granularity: dialect.Quarter}, {ID: "m", Field: "d", Granularity: dialect.Month}},
			Measures:   count}, -1},
		{"week, day, hour, minute, second", Question{
			Dimensions: []Dimension{{ID: "w", Field: "d", Granularity: dialect.Week}, {ID: "dd", Field: "d", Granularity: dialect.Day},
				{ID: "h", Field: "d", Granularity: dialect.Hour}, {ID: "mi", Field: "d", Granularity: dialect.Minute}, {ID: "s", Field: "d", Granularity: dialect.Second}},
			Measures: count}, -1},
		{"date arithmetic on stored dates", Question{
			Dimensions:       []Dimension{{Field: "Next month"}},
			Measures:         []Measure{{Field: "Weekday", Aggregation: Max}, {Field: "Days since", Aggregation: Sum}},
			CalculatedFields: []CalculatedField{{Name: "Next month", Expression: "addDateTime(1, 'MM', {d})"}, {Name: "Weekday", Expression: "extract('WD', {d})"}, {Name: "Days since", Expression: "dateDiff(truncDate('YYYY', {d}), {d}, 'DD')"}},
			Sort:             []Sort{{ID: "Next month"}}}, -1},
	}
	results := map[string][][]string{}
	for _, e := range engines {
		relSQL, relArgs, err := tables.Relation(e.d)
		if err != nil {
			t.Fatal(err)
		}
		for _, nq := range questions {
			c, err := Compile(&nq.q, relSQL, relArgs, tables.OutputColumns(), e.d)
			if err != nil {
				t.Fatalf("%s: %s: %v", e.d.Name(), nq.name, err)
			}
			got := run(t, e, c.SQL, c.Args)
			if len(got) == 0 {
				t.Fatalf("%s: %s: no rows", e.d.Name(), nq.name)
			}
			if nq.want >= 0 && fmt.Sprint(got) != fmt.Sprintf("[[%d]]", nq.want) {
				t.Errorf("%s: %s: got %v, want %d rows", e.d.Name(), nq.name, got, nq.want)
			}
			if want, ok := results[nq.name]; ok {
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s: %s:\n got %v\nwant %v (sqlite)", e.d.Name(), nq.name, got, want)
				}
				continue
			}
			results[nq.name] = got
		}
	}
	if got := fmt.Sprint(results["range with min and max"]); got != "[[2025-01-01 00:00:00 2025-03-14 00:00:00]]" {
		t.Errorf("min and max of the range: %s", got)
	}
}
