package dataset

import (
	"strings"
)

// MaxCustomSQLLength is the longest CustomSql.SqlQuery QuickSight accepts.
const MaxCustomSQLLength = 168000

// forbiddenWords are keywords and functions that never belong in a
// read-only query: statements that write or change the session, SELECT
// INTO, row locks and functions that reach the file system or other
// servers.
var forbiddenWords = map[string]bool{
	"INSERT": true, "UPDATE": true, "DELETE": true, "MERGE": true, "UPSERT": true,
	"CREATE": true, "DROP": true, "ALTER": true, "TRUNCATE": true, "RENAME": true,
	"GRANT": true, "REVOKE": true, "COPY": true, "CALL": true, "EXEC": true, "EXECUTE": true,
	"DO": true, "LOCK": true, "UNLOCK": true, "VACUUM": true, "ANALYZE": true, "REINDEX": true,
	"ATTACH": true, "DETACH": true, "PRAGMA": true, "INTO": true, "HANDLER": true,
	"LOAD": true, "LOAD_FILE": true, "LOAD_EXTENSION": true, "OUTFILE": true, "DUMPFILE": true,
	"PG_READ_FILE": true, "PG_READ_BINARY_FILE": true, "PG_LS_DIR": true, "PG_STAT_FILE": true,
	"LO_IMPORT": true, "LO_EXPORT": true, "DBLINK": true, "DBLINK_EXEC": true,
	"SET_CONFIG": true, "NEXTVAL": true, "SETVAL": true, "PG_TERMINATE_BACKEND": true,
	"PG_CANCEL_BACKEND": true, "LISTEN": true, "NOTIFY": true, "PREPARE": true, "DEALLOCATE": true,
	"SHARE": true, "SHUTDOWN": true, "KILL": true,
}

// sqlToken is one token of custom SQL as validateCustomSQL sees it.
type sqlToken struct {
	word  string // upper-cased bare word, or ""
	punct byte   // ';', '(', '?', '$' (a $n marker), or 0
	pos   int
}

// validateCustomSQL checks that sql is one read-only SELECT (or WITH …
// SELECT) statement. Engines disagree about backslashes in strings,
// dollar quoting, "#" and nested comments, so the text is tokenized under
// both readings and must pass under each; anything ambiguous is refused.
// It returns the query without a trailing semicolon.
func validateCustomSQL(sql string) (string, string) {
	if len(sql) > MaxCustomSQLLength {
		return "", "is longer than 168000 characters"
	}
	var trimmed string
	for _, mysqlMode := range []bool{false, true} {
		toks, end, problem := tokenizeSQL(sql, mysqlMode)
		if problem != "" {
			return "", problem
		}
		if problem := checkStatement(toks); problem != "" {
			return "", problem
		}
		if !mysqlMode {
			trimmed = strings.TrimSpace(sql[:end])
		}
	}
	return trimmed, ""
}

// tokenizeSQL returns the significant tokens of sql and the offset just
// after the last token that is not a trailing semicolon.
func tokenizeSQL(sql string, mysqlMode bool) ([]sqlToken, int, string) {
	var toks []sqlToken
	end := 0
	i := 0
	for i < len(sql) {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == 0:
			return nil, 0, "contains a NUL character"
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-':
			j := strings.IndexByte(sql[i:], '\n')
			if j < 0 {
				i = len(sql)
			} else {
				i += j + 1
			}
			continue
		case c == '#':
			return nil, 0, "contains '#', which some engines read as a comment; it is not allowed outside string literals"
		case c == '/' && i+1 < len(sql) && sql[i+1] == '*':
			body := sql[i+2:]
			j := strings.Index(body, "*/")
			if j < 0 {
				return nil, 0, "has an unterminated comment"
			}
			if strings.HasPrefix(body, "!") || strings.Contains(body[:j], "/*") {
				return nil, 0, "has an executable or nested comment"
			}
			i += j + 4
			continue
		case c == '\'' || c == '"' || c == '`':
			j, ok := skipQuoted(sql, i, c, mysqlMode && c != '`')
			if !ok {
				return nil, 0, "has an unterminated quoted string or identifier"
			}
			toks = append(toks, sqlToken{pos: i})
			i = j
		case c == '$' && !mysqlMode && i+1 < len(sql) && (sql[i+1] == '$' || isWordStart(sql[i+1])):
			// A dollar-quoted string $tag$…$tag$ (PostgreSQL).
			k := i + 1
			for k < len(sql) && sql[k] != '$' && isWordChar(sql[k]) {
				k++
			}
			if k >= len(sql) || sql[k] != '$' {
				return nil, 0, "has a '$' that is neither a dollar quote nor a parameter"
			}
			tag := sql[i : k+1]
			closeAt := strings.Index(sql[k+1:], tag)
			if closeAt < 0 {
				return nil, 0, "has an unterminated dollar-quoted string"
			}
			toks = append(toks, sqlToken{pos: i})
			i = k + 1 + closeAt + len(tag)
		case c == '$' && i+1 < len(sql) && sql[i+1] >= '0' && sql[i+1] <= '9':
			toks = append(toks, sqlToken{punct: '$', pos: i})
			i += 2
		case isWordStart(c):
			j := i
			for j < len(sql) && (isWordChar(sql[j]) || sql[j] == '$') {
				j++
			}
			toks = append(toks, sqlToken{word: strings.ToUpper(sql[i:j]), pos: i})
			i = j
		case c == ';' || c == '(' || c == '?':
			toks = append(toks, sqlToken{punct: c, pos: i})
			i++
		default:
			toks = append(toks, sqlToken{pos: i})
			i++
		}
		if toks[len(toks)-1].punct != ';' {
			end = i
		}
	}
	// Drop trailing semicolons.
	for len(toks) > 0 && toks[len(toks)-1].punct == ';' {
		toks = toks[:len(toks)-1]
	}
	return toks, end, ""
}

func isWordStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isWordChar(c byte) bool { return isWordStart(c) || c >= '0' && c <= '9' }

// skipQuoted returns the offset after the quoted text starting at i.
// Doubled quotes escape the quote; with backslash, so does a backslash.
func skipQuoted(s string, i int, q byte, backslash bool) (int, bool) {
	j := i + 1
	for j < len(s) {
		switch {
		case backslash && s[j] == '\\':
			j += 2
		case s[j] == q:
			if j+1 < len(s) && s[j+1] == q {
				j += 2
				continue
			}
			return j + 1, true
		default:
			j++
		}
	}
	return 0, false
}

func checkStatement(toks []sqlToken) string {
	first := ""
	for _, t := range toks {
		if t.punct == '(' {
			continue
		}
		first = t.word
		break
	}
	if first != "SELECT" && first != "WITH" {
		return "must be a single SELECT statement (or WITH … SELECT)"
	}
	for _, t := range toks {
		switch {
		case t.punct == ';':
			return "must be a single statement: a ';' separates statements"
		case t.punct == '?' || t.punct == '$':
			return "must not contain parameter markers"
		case forbiddenWords[t.word]:
			return "must be read-only: " + t.word + " is not allowed"
		}
	}
	return ""
}
