package dataset

import (
	"strings"
	"testing"
)

func TestValidateCustomSQL(t *testing.T) {
	accepted := map[string]string{
		"SELECT * FROM t":    "SELECT * FROM t",
		"select a from t;  ": "select a from t",
		"  WITH x AS (SELECT 1) SELECT * FROM x ; ; -- done\n": "WITH x AS (SELECT 1) SELECT * FROM x",
		"(SELECT a FROM t) UNION (SELECT b FROM u)":            "(SELECT a FROM t) UNION (SELECT b FROM u)",
		"SELECT 'a;b', \"c;d\", `e;f` FROM t /* ; */":          "SELECT 'a;b', \"c;d\", `e;f` FROM t",
		"SELECT a -- trailing comment":                         "SELECT a",
		"SELECT 'it''s' AS s, replace(a, 'x', 'y') FROM t":     "SELECT 'it''s' AS s, replace(a, 'x', 'y') FROM t",
		"SELECT \"update\" FROM t":                             "SELECT \"update\" FROM t",
	}
	for in, want := range accepted {
		got, problem := validateCustomSQL(in)
		if problem != "" || got != want {
			t.Errorf("validateCustomSQL(%q) = %q, %q; want %q", in, got, problem, want)
		}
	}
	refused := map[string]string{
		"":                       "must be a single SELECT",
		"DELETE FROM t":          "must be a single SELECT",
		"SELECT 1; DROP TABLE t": "must be a single statement",
		"SELECT 1; SELECT 2":     "must be a single statement",
		"WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d": "DELETE is not allowed",
		"SELECT * INTO backup FROM t":                           "INTO is not allowed",
		"SELECT * FROM t FOR UPDATE":                            "UPDATE is not allowed",
		"SELECT a FROM t WHERE b = ?":                           "parameter markers",
		"SELECT a FROM t WHERE b = $1":                          "parameter markers",
		"SELECT 1 # \n; DROP TABLE t":                           "'#'",
		"SELECT 1 /*! ; DROP TABLE t */":                        "executable or nested comment",
		"SELECT 1 /* /* */ ; DROP TABLE t /* */":                "executable or nested comment",
		"SELECT 'a\\'; DROP TABLE t; -- '":                      "must be a single statement",
		"SELECT 'abc":                                           "unterminated",
		"SELECT $$ ; DROP TABLE t; $$":                          "must be a single statement",
		"SELECT pg_read_file('/etc/passwd')":                    "PG_READ_FILE is not allowed",
		"SELECT load_extension('x')":                            "LOAD_EXTENSION is not allowed",
		"PRAGMA writable_schema=1":                              "must be a single SELECT",
		"ATTACH DATABASE 'x' AS y":                              "must be a single SELECT",
		"SELECT 1 -- \n; UPDATE t SET a = 1":                    "must be a single statement",
		"SELECT \"a\\\"; DROP TABLE t; --\" FROM t":             "must be a single statement",
	}
	for in, want := range refused {
		_, problem := validateCustomSQL(in)
		if !strings.Contains(problem, want) {
			t.Errorf("validateCustomSQL(%q) problem %q, want it to mention %q", in, problem, want)
		}
	}
}

// FuzzCustomSQL checks that validation never panics and that what it
// accepts has, under either engine reading, no statement separator and
// no forbidden word.
func FuzzCustomSQL(f *testing.F) {
	for _, s := range []string{"SELECT * FROM t", "SELECT 'a;b' FROM t;", "WITH x AS (SELECT 1) SELECT * FROM x", "SELECT 1; DROP TABLE t",
		"SELECT $tag$ ; $tag$", "SELECT 'a\\'; x'", "SELECT /* c */ 1", "SELECT `a``b`", "SELECT \"a\"\"b\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		q, problem := validateCustomSQL(sql)
		if problem != "" {
			return
		}
		for _, mysqlMode := range []bool{false, true} {
			toks, _, p := tokenizeSQL(q, mysqlMode)
			if p != "" {
				t.Fatalf("accepted %q but its trimmed form %q does not tokenize: %s", sql, q, p)
			}
			for _, tok := range toks {
				if tok.punct == ';' || tok.punct == '?' || forbiddenWords[tok.word] {
					t.Fatalf("accepted %q with token %+v", sql, tok)
				}
			}
		}
	})
}
