package sqlcheck

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"

	"modernc.org/sqlite"
)

// SQLite checks sql as SQLite custom SQL on dc, a driver connection of
// modernc.org/sqlite (from database/sql's Conn.Raw) to the data source's
// file: SQLite itself compiles the statement, and the authorizer refuses
// every action but reading tables and calling allowed functions. It
// returns the statement without a trailing semicolon. The connection's
// authorizer is left as SQLiteAuthorizer(nil).
func SQLite(ctx context.Context, dc any, sql string) (string, error) {
	stmt, prob := SQLiteStatement(sql)
	if prob != nil {
		return "", prob
	}
	reg, ok := dc.(sqlite.AuthorizerRegisterer)
	prep, ok2 := dc.(driver.ConnPrepareContext)
	if !ok || !ok2 {
		return "", fmt.Errorf("sqlcheck: %T is not a modernc.org/sqlite connection", dc)
	}
	var first *Problem
	if err := reg.RegisterAuthorizer(SQLiteAuthorizer(func(p *Problem) {
		if first == nil {
			first = p
		}
	})); err != nil {
		return "", err
	}
	defer reg.RegisterAuthorizer(SQLiteAuthorizer(nil))
	s, err := prep.PrepareContext(ctx, stmt)
	if err == nil {
		s.Close()
	}
	switch {
	case first != nil:
		return "", first
	case err != nil:
		return "", &Problem{Message: "is not a query SQLite can run: " + strings.TrimPrefix(err.Error(), "SQL logic error: ")}
	}
	return stmt, nil
}

// SQLiteStatement returns the one statement of sql, without a trailing
// semicolon, if it starts as a query (SELECT, WITH, VALUES or a
// parenthesis). It splits statements as SQLite's tokenizer does: strings
// '…', identifiers "…", `…` and […], comments -- and /* */.
func SQLiteStatement(sql string) (string, *Problem) {
	if p := precheck(sql); p != nil {
		return "", p
	}
	end := sqliteStatementEnd(sql, 0)
	for rest := end; rest < len(sql); {
		next := sqliteStatementEnd(sql, rest+1)
		if sqliteHasToken(sql[rest+1 : next]) {
			return "", problemAt(sql, rest, "must be a single statement: a ';' separates statements")
		}
		rest = next
	}
	stmt := strings.TrimSpace(sql[:end])
	first, at := sqliteFirstWord(sql[:end])
	switch strings.ToUpper(first) {
	case "SELECT", "WITH", "VALUES", "(":
		return stmt, nil
	case "":
		return "", &Problem{Message: "must be a single SELECT statement"}
	}
	return "", problemAt(sql, at, "must be a single SELECT statement (or WITH … SELECT, VALUES), not %s", strings.ToUpper(first))
}

// sqliteStatementEnd returns the offset of the first ';' at or after
// from that is outside strings, identifiers and comments, or len(sql).
func sqliteStatementEnd(sql string, from int) int {
	i := from
	for i < len(sql) {
		switch c := sql[i]; {
		case c == ';':
			return i
		case c == '-' && strings.HasPrefix(sql[i:], "--"):
			if j := strings.IndexByte(sql[i:], '\n'); j >= 0 {
				i += j + 1
			} else {
				i = len(sql)
			}
		case c == '/' && strings.HasPrefix(sql[i:], "/*"):
			if j := strings.Index(sql[i+2:], "*/"); j >= 0 {
				i += j + 4
			} else {
				i = len(sql)
			}
		case c == '\'' || c == '"' || c == '`':
			i = skipQuoted(sql, i, c)
		case c == '[':
			if j := strings.IndexByte(sql[i:], ']'); j >= 0 {
				i += j + 1
			} else {
				i = len(sql)
			}
		default:
			i++
		}
	}
	return len(sql)
}

// skipQuoted returns the offset after the quoted text at i (a doubled
// quote stands for itself), or len(s) when it is not closed.
func skipQuoted(s string, i int, q byte) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

// sqliteFirstWord returns the first token of s that is not a comment: a
// word, or "(" — and its offset.
func sqliteFirstWord(s string) (string, int) {
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case strings.HasPrefix(s[i:], "--"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return "", -1
			}
			i += j + 1
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return "", -1
			}
			i += j + 4
		case c == '(':
			return "(", i
		default:
			j := i
			for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			if j == i {
				j = i + 1
			}
			return s[i:j], i
		}
	}
	return "", -1
}

// sqliteHasToken tells whether s has anything but white space and
// comments.
func sqliteHasToken(s string) bool {
	w, _ := sqliteFirstWord(s)
	return w != ""
}

// sqliteRefusedTables are virtual tables that show the file's layout or
// other statements.
var sqliteRefusedTables = set(`sqlite_dbpage sqlite_dbdata sqlite_dbptr sqlite_stmt dbstat fts3tokenize`)

// SQLiteAuthorizer is the authorizer of every SQLite data-source
// connection: it allows reading tables, recursive CTEs and calling the
// functions of the allow-list, and denies everything else (writes,
// PRAGMA and table-valued pragma functions, ATTACH, transactions, …).
// denied, when not nil, is told why.
func SQLiteAuthorizer(denied func(*Problem)) sqlite.AuthorizerFn {
	deny := func(format string, args ...any) sqlite.AuthorizerReturnCode {
		if denied != nil {
			denied(&Problem{Message: fmt.Sprintf(format, args...)})
		}
		return sqlite.AuthorizerDeny
	}
	return func(action sqlite.AuthorizerActionCode, arg1, arg2, _, _ string) sqlite.AuthorizerReturnCode {
		switch action {
		case sqlite.AuthSelect, sqlite.AuthRecursive:
			return sqlite.AuthorizerOK
		case sqlite.AuthRead:
			table := strings.ToLower(arg1)
			if strings.HasPrefix(table, "pragma_") || sqliteRefusedTables[table] {
				return deny("reads %s, which custom SQL may not read", arg1)
			}
			return sqlite.AuthorizerOK
		case sqlite.AuthFunction:
			if sqliteFunctions[strings.ToLower(arg2)] {
				return sqlite.AuthorizerOK
			}
			return deny("calls the function %s, which custom SQL may not call: a read-only query may call only side-effect-free functions (aggregates, math, string, date and time, conditional, casts, JSON)", arg2)
		case sqlite.AuthPragma:
			return deny("must not use PRAGMA %s", arg1)
		case sqlite.AuthAttach:
			return deny("must not ATTACH a database")
		}
		return deny("must be a read-only query: %s is not allowed", sqliteActionWord(action))
	}
}

func sqliteActionWord(a sqlite.AuthorizerActionCode) string {
	switch a {
	case sqlite.AuthInsert:
		return "INSERT"
	case sqlite.AuthUpdate:
		return "UPDATE"
	case sqlite.AuthDelete:
		return "DELETE"
	case sqlite.AuthDetach:
		return "DETACH"
	case sqlite.AuthTransaction:
		return "a transaction statement"
	case sqlite.AuthAnalyze:
		return "ANALYZE"
	}
	return fmt.Sprintf("the action %d", a)
}

// SQLiteSplit is SQLiteStatement as a check: with no connection to the
// file, the statement is only split, and the authorizer of the connection
// that runs it does the rest.
func SQLiteSplit(sql string) (string, error) {
	stmt, p := SQLiteStatement(sql)
	if p != nil {
		return "", p
	}
	return stmt, nil
}
