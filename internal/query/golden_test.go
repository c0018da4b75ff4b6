package query

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

var dialects = []dialect.Dialect{dialect.SQLite, dialect.Postgres, dialect.MySQL, dialect.DuckDB}

func TestGoldenSQL(t *testing.T) {
	tables, err := salesTables("orders")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dialects {
		relSQL, relArgs, err := tables.Relation(d)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "relation: %s\nrelation args: %v\n", relSQL, relArgs)
		for _, nq := range testQuestions {
			c, err := Compile(&nq.q, relSQL, relArgs, tables.OutputColumns(), d)
			if err != nil {
				t.Fatalf("%s: %s: %v", d.Name(), nq.name, err)
			}
			sql := strings.ReplaceAll(c.SQL, relSQL, "<relation>")
			fmt.Fprintf(&b, "\n== %s\n%s\nargs: %v\ncolumns: %v\n", nq.name, sql, c.Args, c.Columns)
		}
		golden(t, "questions."+d.Name()+".golden", b.String())
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the compiled SQL; run go test -update and review the diff\n%s", path, got)
	}
}
