package e2e

// Comparing a real definition's drawn visuals with SQL.

import (
	"database/sql"
	"fmt"
	"html"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// checkRealVisual compares one visual's drawn values with its query: a
// KPI with the query's single number; a chart's (category[, color]) →
// value points with the query's rows, all of them, none extra; a table's
// cells with the query's rows, as text, in any order.
func checkRealVisual(t *testing.T, db *sql.DB, body string, ch realCheck) {
	t.Helper()
	kind, msg := tileKind(t, body, ch.visual)
	switch kind {
	case "kpi":
		want := queryPoints(t, db, ch.query)
		got, half := scaledKPIValue(t, body, ch.visual)
		if w, ok := want[""]; len(want) != 1 || !ok || !(near(got, w) || half > 0 && math.Abs(got-w) <= half*(1+1e-9)) {
			t.Errorf("KPI %s = %v (±%v as drawn), SQL %v", ch.visual, got, half, want)
		}
	case "chart":
		got, want := chartPoints(t, body, ch.visual), queryPoints(t, db, ch.query)
		if !samePoints(got, want) {
			t.Errorf("chart %s:\n drawn %v\n SQL   %v", ch.visual, sortedPoints(got), sortedPoints(want))
		}
	case "table":
		wantEqual(t, "table "+ch.visual, sortRows(tableCells(t, body, ch.visual)), sortRows(queryCells(t, db, ch.query)))
	default:
		t.Errorf("visual %s is a %s tile (%s), not a number to compare", ch.visual, kind, msg)
	}
}

// queryPoints runs a query whose last column is the value and whose other
// columns key it ("a|b"); one column keys as "".
func queryPoints(t *testing.T, db *sql.DB, query string) map[string]float64 {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), query)
	must(t, err)
	defer rows.Close()
	cols, _ := rows.Columns()
	out := map[string]float64{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		must(t, rows.Scan(ptrs...))
		var key []string
		for _, v := range vals[:len(vals)-1] {
			key = append(key, fmt.Sprint(v))
		}
		var f float64
		switch v := vals[len(vals)-1].(type) {
		case int64:
			f = float64(v)
		case float64:
			f = v
		default:
			t.Fatalf("query %s: value %v (%T) is not a number", query, v, v)
		}
		out[strings.Join(key, "|")] = math.Round(f*100) / 100
	}
	must(t, rows.Err())
	return out
}

// chartPoints reads a drawn bar, line or pie chart: category (and series
// name when there are several series) → value.
func chartPoints(t *testing.T, body, visualID string) map[string]float64 {
	t.Helper()
	o := rawChart(t, body, visualID)
	series, _ := o["series"].([]any)
	out := map[string]float64{}
	var cats []string
	for _, axis := range []string{"xAxis", "yAxis"} {
		if ax, ok := o[axis].(map[string]any); ok && ax["type"] == "category" {
			cats = axisData(t, o, axis)
		}
	}
	for _, s := range series {
		sm := s.(map[string]any)
		for i, d := range sm["data"].([]any) {
			switch v := d.(type) {
			case map[string]any: // pie slices
				if f, ok := v["value"].(float64); ok {
					out[fmt.Sprint(v["name"])] = f
				}
			case float64:
				key := cats[i]
				if len(series) > 1 {
					key += "|" + fmt.Sprint(sm["name"])
				}
				out[key] = v
			}
		}
	}
	return out
}

func samePoints(got, want map[string]float64) bool {
	if len(got) != len(want) {
		return false
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || !near(g, w) {
			return false
		}
	}
	return true
}

func sortedPoints(m map[string]float64) []string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s=%v", k, v))
	}
	sort.Strings(out)
	return out
}

// queryCells runs a query whose every column is drawn as text: its rows,
// a null as the viewer writes one, "(empty)".
func queryCells(t *testing.T, db *sql.DB, query string) [][]string {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), query)
	must(t, err)
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		must(t, rows.Scan(ptrs...))
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
			if !v.Valid {
				row[i] = "(empty)"
			}
		}
		out = append(out, row)
	}
	must(t, rows.Err())
	return out
}

// reRealKPI is a KPI's value, styled (conditional formatting's color) or
// not.
var reRealKPI = regexp.MustCompile(`<p class="kpi-value"[^>]*>([^<]*)</p>`)

// scaledKPIValue reads a KPI's number as drawn, in a K/M/B/T scale or
// not (NumberScale AUTO writes 110.95K), and half a unit of its last
// digit: a scaled number equals SQL's to the precision it shows.
func scaledKPIValue(t testing.TB, body, visualID string) (value, half float64) {
	t.Helper()
	m := reRealKPI.FindStringSubmatch(tile(t, body, visualID))
	if m == nil {
		t.Fatalf("tile %s is not a KPI", visualID)
	}
	text := strings.ReplaceAll(html.UnescapeString(m[1]), ",", "")
	scale := 1.0
	if n := len(text); n > 0 {
		if f, ok := map[byte]float64{'K': 1e3, 'M': 1e6, 'B': 1e9, 'T': 1e12}[text[n-1]]; ok {
			scale, text = f, text[:n-1]
		}
	}
	v, err := strconv.ParseFloat(text, 64)
	must(t, err)
	if scale == 1 {
		return v, 0
	}
	decimals := 0
	if _, frac, ok := strings.Cut(text, "."); ok {
		decimals = len(frac)
	}
	return v * scale, 0.5 * math.Pow(10, -float64(decimals)) * scale
}
