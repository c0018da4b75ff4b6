package sqlcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	pgparser "github.com/wasilibs/go-pgquery/parser"
)

// pgMu serialises PostgreSQL parses: the parser instance (PostgreSQL's
// grammar compiled to WebAssembly) is compiled on first use, which takes
// seconds, and every parse running at once would need an instance of its
// own. A check takes well under a millisecond (BENCHMARKS.md).
var pgMu sync.Mutex

var warmOnce sync.Once

// Warm compiles the PostgreSQL parser in the background, once, so that the
// first check does not wait seconds for it. A server calls it at start.
// Compiling takes about 2 s of one core and some 250 MB at its peak, which
// is handed back to the system when it is done (some 25 MB stay).
func Warm() {
	warmOnce.Do(func() {
		go func() {
			pgParse("SELECT 1")
			debug.FreeOSMemory()
		}()
	})
}

// Postgres checks sql as PostgreSQL custom SQL and returns the statement
// without a trailing semicolon.
func Postgres(sql string) (string, error) {
	if p := precheck(sql); p != nil {
		return "", p
	}
	tree, perr := pgParse(sql)
	if perr != nil {
		return "", perr
	}
	var root struct {
		Stmts []struct {
			Stmt         map[string]any `json:"stmt"`
			StmtLocation int            `json:"stmt_location"`
			StmtLen      int            `json:"stmt_len"`
		} `json:"stmts"`
	}
	dec := json.NewDecoder(strings.NewReader(tree))
	dec.UseNumber()
	if err := dec.Decode(&root); err != nil {
		return "", &Problem{Message: "is nested too deeply to check"}
	}
	switch {
	case len(root.Stmts) == 0:
		return "", &Problem{Message: "must be a single SELECT statement"}
	case len(root.Stmts) > 1:
		return "", problemAt(sql, root.Stmts[1].StmtLocation, "must be a single statement, found %d", len(root.Stmts))
	}
	s := root.Stmts[0]
	if _, ok := s.Stmt["SelectStmt"]; !ok || len(s.Stmt) != 1 {
		return "", problemAt(sql, s.StmtLocation, "must be a single SELECT statement (or WITH … SELECT, VALUES, TABLE), not %s", pgNodeWord(firstKey(s.Stmt)))
	}
	w := pgWalker{sql: sql, at: s.StmtLocation}
	if p := w.walk(s.Stmt, 0); p != nil {
		return "", p
	}
	start, end := s.StmtLocation, len(sql)
	if start < 0 || start > len(sql) {
		start = 0
	}
	if s.StmtLen > 0 && start+s.StmtLen <= len(sql) {
		end = start + s.StmtLen
	}
	return strings.TrimSpace(sql[start:end]), nil
}

// pgParse runs PostgreSQL's parser on sql and returns its parse tree as
// JSON, or the syntax error as a Problem.
func pgParse(sql string) (tree string, p *Problem) {
	pgMu.Lock()
	defer pgMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			tree, p = "", &Problem{Message: "could not be parsed as PostgreSQL"}
		}
	}()
	tree, err := pgparser.ParseToJSON(sql)
	if err == nil {
		return tree, nil
	}
	var pe *pgparser.Error
	if errors.As(err, &pe) {
		return "", &Problem{Message: "is not valid PostgreSQL: " + pe.Message, Char: pe.Cursorpos}
	}
	return "", &Problem{Message: "is not valid PostgreSQL: " + err.Error()}
}

// pgWalker checks a PostgreSQL parse tree, as libpg_query's JSON: a node
// is an object with one member named after its type (upper-case first
// letter); its fields have lower-case names.
type pgWalker struct {
	sql string
	at  int // the last location seen, for problems in nodes without one
}

// maxDepth bounds the walk (the JSON decoder already bounds nesting).
const maxDepth = 20000

func (w *pgWalker) walk(v any, depth int) *Problem {
	if depth > maxDepth {
		return &Problem{Message: "is nested too deeply to check"}
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if p := w.walk(e, depth+1); p != nil {
				return p
			}
		}
	case map[string]any:
		if loc, ok := v["location"].(json.Number); ok {
			if n, err := loc.Int64(); err == nil && n >= 0 {
				w.at = int(n)
			}
		}
		for _, k := range sortedMapKeys(v) {
			if p := w.member(k, v[k]); p != nil {
				return p
			}
			if p := w.walk(v[k], depth+1); p != nil {
				return p
			}
		}
	}
	return nil
}

// member checks one member of an object: a node (by its type) or a field.
func (w *pgWalker) member(name string, v any) *Problem {
	switch name {
	case "intoClause":
		return problemAt(w.sql, w.at, "must not use SELECT … INTO")
	case "lockingClause":
		return problemAt(w.sql, w.at, "must not lock rows (FOR UPDATE, FOR SHARE, …)")
	}
	if name == "" || name[0] < 'A' || name[0] > 'Z' {
		return nil
	}
	node, _ := v.(map[string]any)
	if loc, ok := node["location"].(json.Number); ok {
		if n, err := loc.Int64(); err == nil && n >= 0 {
			w.at = int(n)
		}
	}
	switch {
	case name == "FuncCall":
		return w.funcCall(node)
	case name == "RangeVar":
		return w.rangeVar(node)
	case name == "A_Expr":
		return w.operator(node)
	case name == "ParamRef":
		return problemAt(w.sql, w.at, "must not contain parameter markers ($1)")
	case pgNodes[name] || strings.HasPrefix(name, "Json"):
		return nil
	}
	return problemAt(w.sql, w.at, "must be a read-only query: %s is not allowed", pgNodeWord(name))
}

func (w *pgWalker) funcCall(node map[string]any) *Problem {
	names := pgNames(node["funcname"])
	name := strings.Join(names, ".")
	switch {
	case len(names) == 1 && pgFunctions[names[0]]:
		return nil
	case len(names) == 2 && names[0] == "pg_catalog" && pgFunctions[names[1]]:
		return nil
	}
	return funcNotAllowed(w.sql, w.at, name)
}

// rangeVar refuses the system catalogs: some hold password hashes,
// other sessions' queries or the server's file paths.
func (w *pgWalker) rangeVar(node map[string]any) *Problem {
	schema, _ := node["schemaname"].(string)
	rel, _ := node["relname"].(string)
	if strings.HasPrefix(schema, "pg_") || schema == "" && strings.HasPrefix(rel, "pg_") {
		name := rel
		if schema != "" {
			name = schema + "." + rel
		}
		return problemAt(w.sql, w.at, "reads the system catalog %s, which custom SQL may not read", name)
	}
	return nil
}

// operator refuses an operator named with a schema other than pg_catalog
// (OPERATOR(myschema.+)): it could run any function.
func (w *pgWalker) operator(node map[string]any) *Problem {
	names := pgNames(node["name"])
	if len(names) > 1 && names[0] != "pg_catalog" {
		return problemAt(w.sql, w.at, "uses the operator %s, which custom SQL may not use", strings.Join(names, "."))
	}
	return nil
}

// pgNames is the list of String nodes v holds (a qualified name).
func pgNames(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		m, _ := e.(map[string]any)
		s, _ := m["String"].(map[string]any)
		str, _ := s["sval"].(string)
		out = append(out, str)
	}
	return out
}

// pgNodes are the parse-tree node types a read-only query is made of
// (besides FuncCall, RangeVar, A_Expr and Json*, checked on their own).
var pgNodes = map[string]bool{
	"SelectStmt": true, "ResTarget": true, "ColumnRef": true, "A_Const": true, "A_Star": true,
	"A_Indirection": true, "A_Indices": true, "A_ArrayExpr": true, "BoolExpr": true, "NullTest": true,
	"BooleanTest": true, "CaseExpr": true, "CaseWhen": true, "CoalesceExpr": true, "MinMaxExpr": true,
	"SubLink": true, "RowExpr": true, "TypeCast": true, "TypeName": true, "CollateClause": true,
	"NamedArgExpr": true, "WindowDef": true, "SortBy": true, "RangeSubselect": true, "RangeFunction": true,
	"JoinExpr": true, "Alias": true, "WithClause": true, "CommonTableExpr": true, "CTESearchClause": true,
	"CTECycleClause": true, "GroupingSet": true, "GroupingFunc": true, "SQLValueFunction": true,
	"List": true, "String": true, "Integer": true, "Float": true, "Boolean": true, "BitString": true,
	"Null": true,
}

// pgNodeWord names a node type for a person: the statement keyword where
// there is one.
func pgNodeWord(node string) string {
	words := map[string]string{
		"InsertStmt": "INSERT", "UpdateStmt": "UPDATE", "DeleteStmt": "DELETE", "MergeStmt": "MERGE",
		"CopyStmt": "COPY", "DoStmt": "DO", "CallStmt": "CALL", "VariableSetStmt": "SET",
		"VariableShowStmt": "SHOW", "ExplainStmt": "EXPLAIN", "LockStmt": "LOCK", "TransactionStmt": "a transaction statement",
		"CreateStmt": "CREATE TABLE", "CreateTableAsStmt": "CREATE TABLE AS", "DropStmt": "DROP", "TruncateStmt": "TRUNCATE",
		"GrantStmt": "GRANT", "ListenStmt": "LISTEN", "NotifyStmt": "NOTIFY", "PrepareStmt": "PREPARE",
		"ExecuteStmt": "EXECUTE", "VacuumStmt": "VACUUM", "RangeTableSample": "TABLESAMPLE",
		"XmlExpr": "an XML function", "XmlSerialize": "XMLSERIALIZE", "RangeTableFunc": "XMLTABLE",
		"DiscardStmt": "DISCARD", "LoadStmt": "LOAD", "CheckPointStmt": "CHECKPOINT",
	}
	if w, ok := words[node]; ok {
		return w
	}
	if node == "" {
		return "an empty statement"
	}
	return fmt.Sprintf("a %s node", node)
}

func firstKey(m map[string]any) string {
	for k := range m {
		return k
	}
	return ""
}

// sortedMapKeys returns m's keys in a fixed order, so that the first
// problem reported does not vary between runs.
func sortedMapKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	if len(keys) > 1 {
		slices.Sort(keys)
	}
	return keys
}
