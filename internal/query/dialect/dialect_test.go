package dialect

import (
	"fmt"
	"testing"
)

func TestQuoteIdent(t *testing.T) {
	cases := []struct {
		d    Dialect
		in   string
		want string
	}{
		{SQLite, `Order Date`, `"Order Date"`},
		{SQLite, `a"; DROP TABLE x; --`, `"a""; DROP TABLE x; --"`},
		{Postgres, `we"ird`, `"we""ird"`},
		{MySQL, "back`tick", "`back``tick`"},
		{MySQL, "nul\x00byte", "`nulbyte`"},
	}
	for _, c := range cases {
		if got := c.d.QuoteIdent(c.in); got != c.want {
			t.Errorf("%s.QuoteIdent(%q) = %s, want %s", c.d.Name(), c.in, got, c.want)
		}
	}
}

func TestRender(t *testing.T) {
	rel := Raw{SQL: "SELECT * FROM t WHERE k = $1", Args: []any{"k"}}
	sql := "SELECT * FROM (" + Arg(2) + ") AS ds WHERE a = " + Arg(0) + " AND b IN (" + Arg(1) + ", " + Arg(0) + ")"
	got, args, err := Render(Postgres, sql, []any{"x", 7, rel})
	if want := "SELECT * FROM (SELECT * FROM t WHERE k = $1) AS ds WHERE a = $2 AND b IN ($3, $2)"; err != nil || got != want {
		t.Errorf("postgres: %s %v, want %s", got, err, want)
	}
	if fmt.Sprint(args) != "[k x 7]" {
		t.Errorf("postgres args %v", args)
	}
	rel = Raw{SQL: "SELECT * FROM t WHERE k = ?", Args: []any{"k"}}
	got, args, err = Render(MySQL, sql, []any{"x", 7, rel})
	if want := "SELECT * FROM (SELECT * FROM t WHERE k = ?) AS ds WHERE a = ? AND b IN (?, ?)"; err != nil || got != want {
		t.Errorf("mysql: %s %v, want %s", got, err, want)
	}
	if fmt.Sprint(args) != "[k x 7 x]" {
		t.Errorf("mysql args %v", args)
	}
	if _, _, err := Render(SQLite, "a = \x009\x00", []any{1}); err == nil {
		t.Error("out-of-range reference rendered")
	}
}

func TestForSourceType(t *testing.T) {
	for typ, want := range map[string]string{"SQLITE": "sqlite", "POSTGRESQL": "postgres", "MYSQL": "mysql", "MARIADB": "mysql"} {
		d, ok := ForSourceType(typ)
		if !ok || d.Name() != want {
			t.Errorf("ForSourceType(%s) = %v, %v", typ, d, ok)
		}
	}
	if _, ok := ForSourceType("S3"); ok {
		t.Error("S3 has a dialect")
	}
}
