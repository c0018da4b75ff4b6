package dialect

import "testing"

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
	sql := "a = " + Marker + " AND b IN (" + Marker + ", " + Marker + ")"
	if got, want := Render(Postgres, sql, 3), "a = $3 AND b IN ($4, $5)"; got != want {
		t.Errorf("postgres: %s, want %s", got, want)
	}
	if got, want := Render(MySQL, sql, 3), "a = ? AND b IN (?, ?)"; got != want {
		t.Errorf("mysql: %s, want %s", got, want)
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
