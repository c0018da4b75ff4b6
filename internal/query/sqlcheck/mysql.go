package sqlcheck

import (
	"fmt"
	"strings"
	"sync"

	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	_ "github.com/pingcap/tidb/pkg/parser/test_driver" // the parser's literal values
)

// mysqlParsers holds parsers (one is not safe for concurrent use).
var mysqlParsers = sync.Pool{New: func() any { return parser.New() }}

// mysqlModes are the SQL modes that change how MySQL and MariaDB read
// quotes and backslashes. The server's mode is unknown, so the query must
// parse, and pass, under every combination.
var mysqlModes = []mysql.SQLMode{
	0,
	mysql.ModeANSIQuotes,
	mysql.ModeNoBackslashEscapes,
	mysql.ModeANSIQuotes | mysql.ModeNoBackslashEscapes,
}

// mysqlCodeComments are comment openings that MySQL or MariaDB run as
// code (/*! … */, /*M! … */) or read as optimizer hints (/*+ … */, which
// can lift the statement time limit). They are refused wherever they
// appear, even inside a string literal.
var mysqlCodeComments = []string{"/*!", "/*m!", "/*+", "/*t!"}

// MySQL checks sql as MySQL or MariaDB custom SQL and returns the
// statement without a trailing semicolon.
func MySQL(sql string) (string, error) {
	text, err := mysqlOnce(sql)
	if err != nil {
		return "", err
	}
	// The statement's text comes from the parser, which can write some
	// literals differently from the input: what runs must check as
	// itself, or it is refused.
	if again, err := mysqlOnce(text); err != nil || again != text {
		return "", &Problem{Message: "is not valid MySQL once read back: the parser wrote one of its literals differently"}
	}
	return text, nil
}

// mysqlOnce checks sql under every SQL mode and returns the statement's
// text as the parser read it under the first.
func mysqlOnce(sql string) (string, error) {
	if p := precheck(sql); p != nil {
		return "", p
	}
	lower := strings.ToLower(sql)
	for _, c := range mysqlCodeComments {
		if i := strings.Index(lower, c); i >= 0 {
			return "", problemAt(sql, i, "contains %q: comments that the server runs as code or reads as hints are not allowed", sql[i:i+len(c)])
		}
	}
	p := mysqlParsers.Get().(*parser.Parser)
	defer mysqlParsers.Put(p)
	var text string
	for i, mode := range mysqlModes {
		t, prob := mysqlCheck(p, sql, mode)
		if prob != nil {
			return "", prob
		}
		if i == 0 {
			text = t
		}
	}
	return text, nil
}

// mysqlCheck parses sql under mode and checks the statement.
func mysqlCheck(p *parser.Parser, sql string, mode mysql.SQLMode) (text string, prob *Problem) {
	defer func() {
		if r := recover(); r != nil {
			text, prob = "", &Problem{Message: "could not be parsed as MySQL"}
		}
	}()
	p.SetSQLMode(mode)
	stmts, _, err := p.ParseSQL(sql)
	if err != nil {
		msg := err.Error()
		if _, after, ok := strings.Cut(msg, "] "); ok && strings.HasPrefix(msg, "[") {
			msg = after
		}
		if mode != 0 {
			msg += " (read with sql_mode " + mysqlModeName(mode) + ")"
		}
		return "", &Problem{Message: "is not valid MySQL: " + msg}
	}
	switch {
	case len(stmts) == 0:
		return "", &Problem{Message: "must be a single SELECT statement"}
	case len(stmts) > 1:
		return "", &Problem{Message: fmt.Sprintf("must be a single statement, found %d", len(stmts))}
	}
	switch stmts[0].(type) {
	case *ast.SelectStmt, *ast.SetOprStmt:
	default:
		return "", &Problem{Message: "must be a single SELECT statement (or WITH … SELECT, VALUES, TABLE), not " + mysqlStmtWord(stmts[0])}
	}
	v := &mysqlVisitor{sql: sql}
	stmts[0].Accept(v)
	if v.problem != nil {
		return "", v.problem
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(stmts[0].Text()), ";")), nil
}

// mysqlVisitor walks a statement and keeps the first problem it meets.
type mysqlVisitor struct {
	sql     string
	problem *Problem
}

// mysqlRefusedSchemas hold accounts, other sessions or server settings.
var mysqlRefusedSchemas = set(`mysql performance_schema sys`)

// mysqlRefusedInfoTables are the information_schema tables that show other
// sessions or server settings (file paths among them).
var mysqlRefusedInfoTables = set(`processlist global_variables session_variables global_status session_status
	system_variables user_variables plugins`)

func (v *mysqlVisitor) Enter(n ast.Node) (ast.Node, bool) {
	if v.problem != nil {
		return n, true
	}
	at := n.OriginTextPosition()
	if at <= 0 {
		at = -1
	}
	switch n := n.(type) {
	case *ast.SelectStmt:
		if n.SelectIntoOpt != nil {
			v.problem = problemAt(v.sql, at, "must not use SELECT … INTO")
		} else if n.LockInfo != nil && n.LockInfo.LockType != ast.SelectLockNone {
			v.problem = problemAt(v.sql, at, "must not lock rows (FOR UPDATE, LOCK IN SHARE MODE, …)")
		}
	case *ast.SetOprStmt:
	case ast.StmtNode:
		v.problem = problemAt(v.sql, at, "must be a read-only query: %s is not allowed", mysqlStmtWord(n))
	case *ast.FuncCallExpr:
		if n.Schema.L != "" || !mysqlFunctions[n.FnName.L] {
			name := n.FnName.O
			if n.Schema.O != "" {
				name = n.Schema.O + "." + name
			}
			v.problem = funcNotAllowed(v.sql, at, name)
		}
	case *ast.AggregateFuncExpr:
		if !mysqlFunctions[strings.ToLower(n.F)] {
			v.problem = funcNotAllowed(v.sql, at, n.F)
		}
	case *ast.WindowFuncExpr:
		if !mysqlFunctions[strings.ToLower(n.Name)] {
			v.problem = funcNotAllowed(v.sql, at, n.Name)
		}
	case *ast.VariableExpr:
		v.problem = problemAt(v.sql, at, "must not read or set variables (@%s)", n.Name)
	case ast.ParamMarkerExpr:
		v.problem = problemAt(v.sql, at, "must not contain parameter markers (?)")
	case *ast.TableName:
		schema := n.Schema.L
		if mysqlRefusedSchemas[schema] || schema == "information_schema" && mysqlRefusedInfoTables[n.Name.L] {
			v.problem = problemAt(v.sql, at, "reads %s.%s, which custom SQL may not read", n.Schema.O, n.Name.O)
		}
	}
	return n, v.problem != nil
}

func (v *mysqlVisitor) Leave(n ast.Node) (ast.Node, bool) { return n, v.problem == nil }

// mysqlStmtWord names a statement for a person.
func mysqlStmtWord(n ast.Node) string {
	name := fmt.Sprintf("%T", n)
	name = strings.TrimSuffix(strings.TrimPrefix(name, "*ast."), "Stmt")
	return strings.ToUpper(name)
}

func mysqlModeName(m mysql.SQLMode) string {
	var names []string
	if m.HasANSIQuotesMode() {
		names = append(names, "ANSI_QUOTES")
	}
	if m.HasNoBackslashEscapesMode() {
		names = append(names, "NO_BACKSLASH_ESCAPES")
	}
	return strings.Join(names, ",")
}
