package query

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

// TestInjectionIsInert loads a table whose name and columns are SQL
// fragments, then asks questions whose names, ids, calculated fields and
// filter values are injection attempts: each is refused or matches
// nothing, and the data is intact afterwards on every engine.
func TestInjectionIsInert(t *testing.T) {
	table := uniqueTable(t) + `"; DROP TABLE x; --`
	nameCol, valCol := `na"me'; DROP TABLE x; --`, "v`al) FROM x; --"
	engines := openEngines(t, uniqueTable(t))
	ctx := context.Background()
	for _, e := range engines {
		qt := e.d.QuoteIdent(table)
		create := fmt.Sprintf("CREATE TABLE %s (%s VARCHAR(50), %s INTEGER)", qt, e.d.QuoteIdent(nameCol), e.d.QuoteIdent(valCol))
		if _, err := e.db.ExecContext(ctx, create); err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		t.Cleanup(func() { e.db.Exec("DROP TABLE " + qt) })
		insert := "INSERT INTO " + qt + " VALUES (" + e.d.Placeholder(1) + ", " + e.d.Placeholder(2) + ")"
		for i, name := range []string{"alpha", "beta", "x' OR '1'='1"} {
			if _, err := e.db.ExecContext(ctx, insert, name, i+1); err != nil {
				t.Fatal(err)
			}
		}
	}
	physical := `{"p": {"RelationalTable": {"DataSourceArn": "arn:aws:quicksight:us-east-1:111122223333:datasource/x", "Name": ` + jsonString(table) + `,
	  "InputColumns": [{"Name": ` + jsonString(nameCol) + `, "Type": "STRING"}, {"Name": ` + jsonString(valCol) + `, "Type": "INTEGER"}]}}}`
	tables, err := dataset.Parse(json.RawMessage(physical), nil)
	if err != nil {
		t.Fatal(err)
	}
	calcName := `c"; DELETE FROM x; --`
	questions := []struct {
		q    Question
		want string
	}{
		{Question{ // the values are data: only the row that holds the text matches
			Dimensions: []Dimension{{ID: `id"; DROP TABLE x; --`, Field: nameCol}},
			Measures:   []Measure{{ID: "s`) --", Field: valCol, Aggregation: Sum}},
			Filters:    []Filter{{Kind: CategoryFilter, Field: nameCol, Match: In, Values: []any{"x' OR '1'='1", `alpha" OR "1"="1`, "beta'); DELETE FROM x; --"}}},
		}, "[[x' OR '1'='1 3]]"},
		{Question{ // a calculated field whose name and literals are SQL
			Dimensions:       []Dimension{{Field: calcName}},
			Measures:         []Measure{{Field: valCol, Aggregation: Count}},
			CalculatedFields: []CalculatedField{{Name: calcName, Expression: "ifelse({" + nameCol + "} = 'alpha'' OR 1=1 --', 'hit', concat('miss', ${P}))"}},
			Parameters:       map[string]any{"P": "'; DROP TABLE x; --"},
		}, "[[miss'; DROP TABLE x; -- 3]]"},
		{Question{ // a numeric filter with a text value is refused before SQL exists
			Measures: []Measure{{Field: valCol, Aggregation: Sum}},
			Filters:  []Filter{{Kind: CategoryFilter, Field: valCol, Match: Equals, Values: []any{"1 OR 1=1"}}},
		}, "error: Filters[0].Values[0]: 1 OR 1=1 is not a valid INTEGER value"},
		{Question{ // an unknown field is refused
			Measures: []Measure{{Field: "1); DROP TABLE x; --", Aggregation: Sum}},
		}, `error: Measures[0].Field: unknown field "1); DROP TABLE x; --"`},
		{Question{ // an expression that tries to end the statement is refused
			Dimensions:       []Dimension{{Field: "bad"}},
			CalculatedFields: []CalculatedField{{Name: "bad", Expression: "1); DROP TABLE x; --"}},
		}, `error: The expression of calculated field "bad" is invalid: unexpected character ';' at position 3`},
	}
	for _, e := range engines {
		relSQL, relArgs, err := tables.Relation(e.d)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range questions {
			compiled, err := Compile(&c.q, relSQL, relArgs, tables.OutputColumns(), e.d)
			var got string
			if err != nil {
				e, ok := errors.AsType[*sg.Error](err)
				if !ok || e.Code != sg.EINVALID {
					t.Fatalf("question %d: %v is not EINVALID", i, err)
				}
				got = "error: " + e.Message
			} else {
				// Outside the quoted identifiers, no attempt reaches the SQL.
				bare := compiled.SQL
				for _, ident := range []string{nameCol, valCol, table} {
					bare = strings.ReplaceAll(bare, e.d.QuoteIdent(ident), "")
				}
				for _, bad := range []string{"DROP", "DELETE", "OR 1=1", "--"} {
					if strings.Contains(bare, bad) {
						t.Errorf("%s: question %d: %q reached the SQL: %s", e.d.Name(), i, bad, compiled.SQL)
					}
				}
				got = fmt.Sprint(run(t, e, compiled.SQL, compiled.Args))
			}
			if got != c.want {
				t.Errorf("%s: question %d: got %s, want %s", e.d.Name(), i, got, c.want)
			}
		}
		var n int
		if err := e.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+e.d.QuoteIdent(table)).Scan(&n); err != nil || n != 3 {
			t.Errorf("%s: table after the attempts: %d rows, %v", e.d.Name(), n, err)
		}
	}
}

// TestCustomSQLInjectionRefused checks that custom SQL that is not one
// read-only SELECT never becomes a dataset.
func TestCustomSQLInjectionRefused(t *testing.T) {
	for _, q := range []string{
		"SELECT 1; DROP TABLE t",
		"SELECT 1 -- \n; DELETE FROM t",
		"SELECT 1 /*! ; DROP TABLE t */",
		"SELECT 'a\\'; DROP TABLE t; -- '",
		"WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
		"UPDATE t SET a = 1",
	} {
		physical := `{"p": {"CustomSql": {"DataSourceArn": "arn:aws:quicksight:us-east-1:111122223333:datasource/x", "Name": "q", "SqlQuery": ` + jsonString(q) + `, "Columns": [{"Name": "a", "Type": "STRING"}]}}}`
		tables, err := dataset.Parse(json.RawMessage(physical), nil)
		if err != nil {
			t.Fatal(err)
		}
		for name, check := range map[string]dataset.CustomSQLCheck{"postgres": sqlcheck.Postgres, "mysql": sqlcheck.MySQL, "sqlite": sqlcheck.SQLiteSplit} {
			if strings.Contains(q, "/*!") && name != "mysql" || strings.Contains(q, "DELETE FROM t RETURNING") && name == "sqlite" {
				continue // a comment there; SQLite's authorizer refuses DELETE (sqlcheck's tests)
			}
			if err := tables.CheckCustomSQL(check); sg.ErrorCode(err) != sg.EINVALID {
				t.Errorf("%s: custom SQL %q: %v, want EINVALID", name, q, err)
			}
		}
	}
}
