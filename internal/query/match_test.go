package query

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dataset"
)

// matchWords are values that trip LIKE-based matching: wildcards in the
// data and in the pattern, case, accents, the empty string and NULL.
var matchWords = []*string{
	strp("abc"), strp("ABC"), strp("xabcx"), strp("50% off"), strp("500 off"), strp("a_b"), strp("axb"),
	strp(`back\slash`), strp("Äpfel"), strp("äpfel"), strp(""), nil, strp("ab"), strp("b"),
}

// TestPartialMatchesAcrossEngines runs CONTAINS, DOES_NOT_CONTAIN,
// STARTS_WITH and ENDS_WITH on every engine and compares the ids kept with
// Go's exact, case-sensitive string functions.
func TestPartialMatchesAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table+"_unused") // the engines, with the orders table we do not need
	ctx := context.Background()
	for _, e := range engines {
		qt := e.d.QuoteIdent(table)
		typ := "TEXT"
		if e.d.Name() == "mysql" {
			typ = "VARCHAR(50) CHARACTER SET utf8mb4"
		}
		if _, err := e.db.ExecContext(ctx, "CREATE TABLE "+qt+" (id INTEGER, word "+typ+")"); err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		t.Cleanup(func() { e.db.Exec("DROP TABLE " + qt) })
		for i, w := range matchWords {
			var v any
			if w != nil {
				v = *w
			}
			if _, err := e.db.ExecContext(ctx, "INSERT INTO "+qt+" VALUES ("+e.d.Placeholder(1)+", "+e.d.Placeholder(2)+")", i+1, v); err != nil {
				t.Fatalf("%s: %v", e.d.Name(), err)
			}
		}
	}
	physical := `{"w": {"RelationalTable": {"DataSourceArn": "arn:aws:quicksight:us-east-1:111122223333:datasource/test", "Name": ` + jsonString(table) + `,
	  "InputColumns": [{"Name": "id", "Type": "INTEGER"}, {"Name": "word", "Type": "STRING"}]}}}`
	logical := `{"words": {"Alias": "Words", "Source": {"PhysicalTableId": "w"}}}`
	tables, err := dataset.Parse(json.RawMessage(physical), json.RawMessage(logical))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		match      string
		values     []string
		nullOption string
	}{
		{Contains, []string{"abc"}, ""},
		{Contains, []string{"%"}, ""},
		{Contains, []string{"_"}, ""},
		{Contains, []string{`\`}, ""},
		{Contains, []string{"pfel", "ABC"}, ""},
		{Contains, []string{""}, ""},
		{Contains, []string{"Ä"}, ""},
		{NotContains, []string{"abc"}, ""},
		{NotContains, []string{"abc"}, AllValues},
		{NotContains, []string{"b", "%"}, ""},
		{StartsWith, []string{"a"}, ""},
		{StartsWith, []string{"50%"}, ""},
		{StartsWith, []string{"äp"}, ""},
		{StartsWith, []string{""}, ""},
		{StartsWith, []string{"abcd"}, ""},
		{EndsWith, []string{"c"}, ""},
		{EndsWith, []string{"_b"}, ""},
		{EndsWith, []string{"off", "x"}, ""},
		{EndsWith, []string{""}, NullsOnly},
		{EndsWith, []string{"xabcxx"}, ""},
		{AnyValue, nil, NonNullsOnly},
		{AnyValue, nil, NullsOnly},
	}
	for _, c := range cases {
		want := expectedMatches(c.match, c.values, c.nullOption)
		for _, e := range engines {
			relSQL, relArgs, err := tables.Relation(e.d)
			if err != nil {
				t.Fatal(err)
			}
			f := Filter{Kind: CategoryFilter, Field: "word", Match: c.match, NullOption: c.nullOption}
			for _, v := range c.values {
				f.Values = append(f.Values, v)
			}
			q := Question{Dimensions: []Dimension{{Field: "id"}}, Measures: []Measure{{ID: "n", Field: "id", Aggregation: Count}},
				Filters: []Filter{f}, Sort: []Sort{{ID: "id"}}}
			comp, err := Compile(&q, relSQL, relArgs, tables.OutputColumns(), e.d)
			if err != nil {
				t.Fatalf("%s %s %q: %v", e.d.Name(), c.match, c.values, err)
			}
			var got []string
			for _, row := range run(t, e, comp.SQL, comp.Args) {
				got = append(got, row[0])
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: %s %q (nulls %q): ids %v, want %v", e.d.Name(), c.match, c.values, c.nullOption, got, want)
			}
		}
	}
}

// expectedMatches computes the ids a partial-match filter keeps.
func expectedMatches(match string, values []string, nullOption string) []string {
	var ids []string
	for i, w := range matchWords {
		var keep bool
		switch {
		case w == nil:
			keep = nullOption == AllValues || nullOption == NullsOnly
		case nullOption == NullsOnly:
			keep = false
		case match == AnyValue:
			keep = true
		default:
			f := map[string]func(string, string) bool{Contains: strings.Contains, NotContains: strings.Contains,
				StartsWith: strings.HasPrefix, EndsWith: strings.HasSuffix}[match]
			keep = slices.ContainsFunc(values, func(v string) bool { return f(*w, v) })
			if match == NotContains {
				keep = !keep
			}
		}
		if keep {
			ids = append(ids, fmt.Sprint(i+1))
		}
	}
	return ids
}
