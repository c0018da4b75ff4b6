package app

import (
	"encoding/json"
	"testing"

	sg "github.com/sightglass/sightglass"
)

func TestParseParameters(t *testing.T) {
	ok := []struct {
		typ, raw string
		want     connection
	}{
		{sg.DataSourcePostgreSQL, `{"PostgreSqlParameters":{"Host":"db","Port":5432,"Database":"sales"}}`, connection{Member: "PostgreSqlParameters", Host: "db", Port: 5432, Database: "sales"}},
		{sg.DataSourceMariaDB, `{"MariaDbParameters":{"Host":"10.0.0.1","Port":3306,"Database":"d"},"MySqlParameters":null}`, connection{Member: "MariaDbParameters", Host: "10.0.0.1", Port: 3306, Database: "d"}},
		{sg.DataSourceSQLite, `{"SqliteParameters":{"FileName":"a/b.sqlite"}}`, connection{Member: SQLiteParametersMember, FileName: "a/b.sqlite"}},
		{"ATHENA", `{"AthenaParameters":{"WorkGroup":"primary"}}`, connection{Member: "AthenaParameters"}},
	}
	for _, tc := range ok {
		got, err := parseParameters("p", tc.typ, json.RawMessage(tc.raw))
		if err != nil || got == nil || *got != tc.want {
			t.Errorf("parseParameters(%s, %s) = %+v, %v", tc.typ, tc.raw, got, err)
		}
	}
	// A value outside the model's constraints is a ValidationException; a
	// well-formed value that is wrong is an InvalidParameterValueException.
	bad := []struct{ typ, raw string }{
		{sg.DataSourcePostgreSQL, ``},
		{sg.DataSourcePostgreSQL, `[]`},
		{sg.DataSourcePostgreSQL, `{}`},
		{sg.DataSourcePostgreSQL, `{"PostgreSqlParameters":{"Host":"db","Port":"5432","Database":"d"}}`},
		{sg.DataSourcePostgreSQL, `{"PostgreSqlParameters":{"Host":"a b","Port":1,"Database":"d"}}`},
		{sg.DataSourcePostgreSQL, `{"MySqlParameters":{"Host":"db","Port":1,"Database":"d"}}`},
		{sg.DataSourcePostgreSQL, `{"PostgreSqlParameters":{"Host":"db","Port":1,"Database":"d"},"MySqlParameters":{}}`},
		{"ATHENA", `{"NoSuchParameters":{}}`},
		{"ATHENA", `{"SqliteParameters":{"FileName":"x"}}`},
	}
	for _, tc := range bad {
		if _, err := parseParameters("p", tc.typ, json.RawMessage(tc.raw)); sg.ErrorCode(err) != sg.EINVALID {
			t.Errorf("parseParameters(%s, %s) = %v, want EINVALID", tc.typ, tc.raw, err)
		}
	}
	violations := []struct{ typ, raw string }{
		{sg.DataSourcePostgreSQL, `{"PostgreSqlParameters":{"Host":"db","Port":5432}}`},
		{sg.DataSourcePostgreSQL, `{"PostgreSqlParameters":{"Host":"db","Port":0,"Database":"d"}}`},
		{sg.DataSourceSQLite, `{"SqliteParameters":{"FileName":""}}`},
	}
	for _, tc := range violations {
		if _, err := parseParameters("p", tc.typ, json.RawMessage(tc.raw)); sg.ErrorCode(err) != sg.EVALIDATION {
			t.Errorf("parseParameters(%s, %s) = %v, want EVALIDATION", tc.typ, tc.raw, err)
		}
	}
}

func TestMergePermissions(t *testing.T) {
	p := func(principal string, actions ...string) sg.ResourcePermission {
		return sg.ResourcePermission{Principal: principal, Actions: actions}
	}
	got, err := mergePermissions(
		[]sg.ResourcePermission{p("a", "x", "y")},
		[]sg.ResourcePermission{p("a", "y", "z"), p("b", "x")},
		[]sg.ResourcePermission{p("a", "x"), p("b", "x"), p("c", "x")},
	)
	if err != nil {
		t.Fatal(err)
	}
	want := []sg.ResourcePermission{p("a", "y", "z")}
	if len(got) != 1 || got[0].Principal != "a" || len(got[0].Actions) != 2 || got[0].Actions[0] != "y" || got[0].Actions[1] != "z" {
		t.Fatalf("mergePermissions = %+v, want %+v", got, want)
	}
}

func FuzzParseParameters(f *testing.F) {
	for _, s := range []string{
		`{"PostgreSqlParameters":{"Host":"db","Port":5432,"Database":"sales"}}`,
		`{"SqliteParameters":{"FileName":"a.sqlite"}}`,
		`{"AthenaParameters":{}}`, `null`, `{}`, `{"x":null}`, `[1]`,
	} {
		f.Add(sg.DataSourcePostgreSQL, s)
		f.Add(sg.DataSourceSQLite, s)
	}
	f.Fuzz(func(t *testing.T, typ, raw string) {
		c, err := parseParameters("p", typ, json.RawMessage(raw))
		if code := sg.ErrorCode(err); err != nil && code != sg.EINVALID && code != sg.EVALIDATION {
			t.Fatalf("error %v is neither EINVALID nor EVALIDATION", err)
		}
		if err == nil && c != nil && c.Member == "PostgreSqlParameters" && (c.Port < 1 || c.Port > 65535 || c.Host == "") {
			t.Fatalf("accepted %+v", c)
		}
	})
}
