package source

import (
	"context"
	"database/sql/driver"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"sync"

	sqlite3 "github.com/mattn/go-sqlite3"
	"modernc.org/sqlite"

	"github.com/sightglass/sightglass/internal/query/sqlcheck"
	"github.com/sightglass/sightglass/internal/query/sqlitec"
)

// A data source's SQLite file is read through two builds of SQLite.
//
// Questions run on SQLite's C library (github.com/mattn/go-sqlite3,
// through cgo): the GROUP BY sorts that a sheet's visuals ask of a file
// take about a third less CPU there than in the pure-Go translation
// (modernc.org/sqlite). A question that the C build cannot answer exactly
// as the pure-Go build would goes to the pure-Go build, on a second
// connection to the same file, opened on first need:
//
//   - a function or virtual-table module the C build lacks ("no such
//     function", "no such module"): SQLite's inexact math functions (log,
//     exp, power, the trigonometric ones: the C library's libm and Go's
//     math differ in the last bit of some results), soundex, FTS5,
//     geopoly. The percentile functions of package sqlitepct and the
//     exact math functions (floor, ceil, trunc, sqrt) are given to the C
//     build by package sqlitec, computed as in the pure-Go build;
//   - a result column whose declared type the C driver converts by its
//     own rules (DATE, DATETIME, TIMESTAMP: an integer into a Unix time,
//     text it cannot read into the zero time; BOOLEAN into true or false)
//     or the pure-Go driver reads as a time: the pure-Go build keeps
//     integers and unreadable text as they are. The C build has answered
//     such a question's first row when this is known: that work is lost;
//   - a statement with a ';' in its text: the C driver runs what follows
//     it as further statements and answers with the last.
//
// The C build is used only when it was compiled as the pure-Go build is
// where that changes answers: SQLITE_LIKE_DOESNT_MATCH_BLOBS (a BLOB
// never matches LIKE or GLOB), which the Makefile passes in CGO_CFLAGS. A
// binary built without it reads every file through the pure-Go build
// alone (cgoUsable).
//
// Both builds open the file read-only with the same pragmas and carry
// sqlcheck's authorizer, so a question sees the same file, with the same
// refusals, through either, and its values come back as the same Go
// types. Errors of either read the same (sqliteError).

// cgoDriver opens the C build's connections to data-source files.
var cgoDriver = &sqlite3.SQLiteDriver{
	ConnectHook: func(c *sqlite3.SQLiteConn) error {
		auth := sqlcheck.SQLiteAuthorizer(nil)
		c.RegisterAuthorizer(func(action int, arg1, arg2, db string) int {
			return int(auth(sqlite.AuthorizerActionCode(action), arg1, arg2, db, ""))
		})
		return nil
	},
}

// cgoDSN is the C driver's connection string for the file at path, with
// ReadOnlyDSN's pragmas in that driver's words.
func cgoDSN(path string) string {
	q := url.Values{}
	q.Set("_query_only", "1")
	q.Set("_busy_timeout", "5000")
	q.Set("_cache_size", strconv.Itoa(-sorterCache))
	return readOnlyURI(path, q)
}

// sqliteConn is one connection of a data source to its file: the C
// build's, and the pure-Go build's once a question needs it.
type sqliteConn struct {
	cgo  *sqlite3.SQLiteConn
	path string

	mu     sync.Mutex
	pureGo driver.Conn // nil until needed
}

// openSQLiteConn opens a connection of a data source to the file at path:
// a sqliteConn, or the pure-Go build's connection alone when the C build
// is not usable.
func openSQLiteConn(path string) (driver.Conn, error) {
	if !cgoUsable() {
		return sqliteDriver.Open(ReadOnlyDSN(path))
	}
	c, err := cgoDriver.Open(cgoDSN(path))
	if err != nil {
		return nil, err
	}
	return &sqliteConn{cgo: c.(*sqlite3.SQLiteConn), path: path}, nil
}

// pureGoConn returns the pure-Go build's connection, opening it on first
// use.
func (c *sqliteConn) pureGoConn() (driver.Conn, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pureGo == nil {
		pc, err := sqliteDriver.Open(ReadOnlyDSN(c.path))
		if err != nil {
			return nil, err
		}
		c.pureGo = pc
	}
	return c.pureGo, nil
}

// QueryContext runs query on the C build, or on the pure-Go build when the
// C build cannot answer it as that one would.
func (c *sqliteConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if strings.IndexByte(query, ';') >= 0 {
		return c.pureGoQuery(ctx, query, args)
	}
	rows, err := c.cgo.QueryContext(ctx, query, args)
	switch {
	case err == nil:
		if !convertsValues(rows) {
			return rows, nil
		}
		rows.Close()
	case !cgoLacks(err):
		return nil, err
	}
	return c.pureGoQuery(ctx, query, args)
}

func (c *sqliteConn) pureGoQuery(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	pc, err := c.pureGoConn()
	if err != nil {
		return nil, err
	}
	return pc.(driver.QueryerContext).QueryContext(ctx, query, args)
}

// convertsValues tells whether either driver would turn a column of rows
// into a time or a boolean by its declared type: the C driver by its
// lower-cased declared type, the pure-Go driver by its upper-cased one.
func convertsValues(rows driver.Rows) bool {
	r, ok := rows.(*sqlite3.SQLiteRows)
	if !ok {
		return true
	}
	for i := range r.Columns() {
		declared := r.ColumnTypeDatabaseTypeName(i)
		switch strings.ToLower(declared) {
		case "date", "datetime", "timestamp", "boolean":
			return true
		}
		switch strings.ToUpper(declared) {
		case "DATE", "DATETIME", "TIMESTAMP":
			return true
		}
	}
	return false
}

// cgoLacks tells whether err is the C build's refusal of a function or
// module it does not have.
func cgoLacks(err error) bool {
	se, ok := errors.AsType[sqlite3.Error](err)
	if !ok || se.Code != sqlite3.ErrError {
		return false
	}
	msg := se.Error()
	return strings.HasPrefix(msg, "no such function: ") || strings.HasPrefix(msg, "no such module: ")
}

// cgoUsable tells whether the C build was compiled as the pure-Go build
// is where answers depend on it (see above). Asked once, of an in-memory
// database.
var cgoUsable = sync.OnceValue(func() bool {
	// Without its functions (a library too old for them) the C build
	// refuses the questions that call them, and they go to the pure-Go
	// build as any function it lacks does.
	_ = sqlitec.Register()
	c, err := (&sqlite3.SQLiteDriver{}).Open(":memory:")
	if err != nil {
		return false
	}
	defer c.Close()
	rows, err := c.(driver.QueryerContext).QueryContext(context.Background(), "SELECT sqlite_compileoption_used('LIKE_DOESNT_MATCH_BLOBS')", nil)
	if err != nil {
		return false
	}
	defer rows.Close()
	v := make([]driver.Value, 1)
	return rows.Next(v) == nil && v[0] == int64(1)
})

// Prepare prepares on the pure-Go build: database/sql prepares only when
// asked to, and every question goes through QueryContext.
func (c *sqliteConn) Prepare(query string) (driver.Stmt, error) {
	pc, err := c.pureGoConn()
	if err != nil {
		return nil, err
	}
	return pc.Prepare(query)
}

// Begin is refused: a data-source file is only read, one statement at a
// time.
func (c *sqliteConn) Begin() (driver.Tx, error) {
	return nil, errors.New("a SQLite data source is read without transactions")
}

func (c *sqliteConn) Close() error {
	err := c.cgo.Close()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pureGo != nil {
		err = errors.Join(err, c.pureGo.Close())
		c.pureGo = nil
	}
	return err
}
