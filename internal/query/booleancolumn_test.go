package query

import (
	"context"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// A BOOLEAN column is read as the integers 1 and 0, NULL kept (QuickSight
// promotes booleans to integers), on every engine: `{flag} = 1` compares
// it, as a public CORA dashboard's filters do.
func TestBooleanColumnAsInteger(t *testing.T) {
	table := uniqueTable(t) + "_b"
	create := map[string]string{"sqlite": "INTEGER", "postgres": "boolean", "mysql": "BOOLEAN", "duckdb": "BOOLEAN"}
	for _, e := range openEngines(t, uniqueTable(t)) {
		ctx := context.Background()
		if _, err := e.db.ExecContext(ctx, "CREATE TABLE "+table+" (n INTEGER, flag "+create[e.d.Name()]+")"); err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		t.Cleanup(func() { e.db.Exec("DROP TABLE " + table) })
		if _, err := e.db.ExecContext(ctx, "INSERT INTO "+table+" VALUES (1, TRUE), (2, FALSE), (4, NULL)"); err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		for src, want := range map[string]string{
			`sum(ifelse({flag} = 1, {n}, 0))`:     "1",
			`sum(ifelse({flag} = 0, {n}, 0))`:     "2",
			`sum(ifelse(isNull({flag}), {n}, 0))`: "4",
			`sum({flag})`:                         "1",
			`sum({flag} * 10)`:                    "10",
		} {
			n, err := expr.Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			c := &expr.Compiler{Dialect: e.d, Field: func(name string) (expr.Value, bool, error) {
				sql, typ := dialect.ColumnValue("t."+e.d.QuoteIdent(name), map[string]string{"n": "INTEGER", "flag": "BOOLEAN"}[name])
				return expr.Value{SQL: sql, Type: typ, Kind: expr.Row}, true, nil
			}}
			v, err := c.Compile(n)
			if err != nil {
				t.Fatalf("%s: %s: %v", e.d.Name(), src, err)
			}
			q, args, err := dialect.Render(e.d, "SELECT "+v.SQL+" FROM "+table+" t", c.Args)
			if err != nil {
				t.Fatal(err)
			}
			rows := run(t, e, q, args)
			if got := strings.TrimSuffix(rows[0][0], ".0"); got != want {
				t.Errorf("%s: %s = %q, want %q", e.d.Name(), src, rows[0][0], want)
			}
		}
	}
}
