package source

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Pool keeps one read-only *sql.DB per key (a data source id and version).
// It is safe for concurrent use.
type Pool struct {
	opts Options

	mu     sync.Mutex
	dbs    map[string]*pooled
	uses   uint64 // counts the lookups of db
	closed bool
}

type pooled struct {
	db          *sql.DB
	fingerprint string
	duckdb      bool   // a SPICE file: a DuckDB database with its own memory
	used        uint64 // the pool's uses at its last lookup
}

// NewPool returns an empty pool whose queries are bounded by o.
func NewPool(o Options) *Pool {
	return &Pool{opts: o.withDefaults(), dbs: map[string]*pooled{}}
}

// Options returns the pool's options with defaults filled in.
func (p *Pool) Options() Options { return p.opts }

// db returns the pool's *sql.DB for key, opening it if needed or if params
// changed since it was opened.
//
// At most Options.MaxDuckDBOpen SPICE files stay open: opening one more
// closes the least recently used (its running queries finish first), so
// that their memory limits bound SPICE's memory together.
func (p *Pool) db(key string, params Params) (*sql.DB, error) {
	fp := params.fingerprint()
	p.mu.Lock()
	var evicted *sql.DB
	defer func() {
		p.mu.Unlock()
		if evicted != nil {
			evicted.Close()
		}
	}()
	if p.closed {
		return nil, errors.New("source pool is closed")
	}
	p.uses++
	if e, ok := p.dbs[key]; ok {
		if e.fingerprint == fp {
			e.used = p.uses
			return e.db, nil
		}
		e.db.Close()
		delete(p.dbs, key)
	}
	db, err := open(params, p.opts)
	if err != nil {
		return nil, err
	}
	isDuck := params.Type == TypeDuckDB
	if isDuck {
		evicted = p.evictDuckDB()
	}
	p.dbs[key] = &pooled{db: db, fingerprint: fp, duckdb: isDuck, used: p.uses}
	return db, nil
}

// evictDuckDB drops the least recently used SPICE file when
// MaxDuckDBOpen are open, and returns it to be closed (nil if none).
func (p *Pool) evictDuckDB() *sql.DB {
	n, oldest := 0, ""
	for k, e := range p.dbs {
		if !e.duckdb {
			continue
		}
		n++
		if oldest == "" || e.used < p.dbs[oldest].used {
			oldest = k
		}
	}
	if n < p.opts.MaxDuckDBOpen {
		return nil
	}
	db := p.dbs[oldest].db
	delete(p.dbs, oldest)
	return db
}

// Forget closes and drops the connections kept for key; call it when a data
// source is updated or deleted. Queries running on them finish first.
func (p *Pool) Forget(key string) {
	p.mu.Lock()
	e, ok := p.dbs[key]
	delete(p.dbs, key)
	p.mu.Unlock()
	if ok {
		e.db.Close()
	}
}

// Close closes every connection of the pool.
func (p *Pool) Close() error {
	p.mu.Lock()
	dbs := p.dbs
	p.dbs = map[string]*pooled{}
	p.closed = true
	p.mu.Unlock()
	var errs []error
	for _, e := range dbs {
		errs = append(errs, e.db.Close())
	}
	return errors.Join(errs...)
}

// Query runs one statement at the source of params in a read-only
// transaction, with the pool's time limit, and returns up to MaxRows rows
// (Truncated tells whether more were available). Rows whose values take
// more than MaxBytes fail the query (ErrResultTooLarge) rather than be
// cut short silently. A failure is a *QueryError, or the context's error
// when ctx was cancelled by the caller.
func (p *Pool) Query(ctx context.Context, key string, params Params, query string, args []any) (*Result, error) {
	res := &Result{}
	limit := p.opts.MaxRows
	var size int64
	err := p.run(ctx, key, params, query, args, p.opts.QueryTimeout, func(cols, types []string) error {
		res.Columns, res.Types = cols, types
		return nil
	}, func(row []any) error {
		if limit >= 0 && len(res.Rows) == limit {
			res.Truncated = true
			return errStop
		}
		size += rowBytes(row)
		if p.opts.MaxBytes > 0 && size > p.opts.MaxBytes {
			return &QueryError{Type: ErrResultTooLarge, Message: fmt.Sprintf("The query's result is larger than %d bytes.", p.opts.MaxBytes)}
		}
		res.Rows = append(res.Rows, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// Stream runs one statement at the source of params in a read-only
// transaction and calls onRow for every row, with no row limit and no time
// limit but ctx's. onColumns is called once, before the first row. The
// slice onRow receives is its own. An error from a callback stops the
// query and is returned as is.
func (p *Pool) Stream(ctx context.Context, key string, params Params, query string, args []any, onColumns func(names, types []string) error, onRow func(row []any) error) error {
	return p.run(ctx, key, params, query, args, 0, onColumns, onRow)
}

// rowBytes is about the memory a row of normalised values takes.
func rowBytes(row []any) int64 {
	n := int64(24 + 16*len(row))
	for _, v := range row {
		switch x := v.(type) {
		case string:
			n += int64(len(x))
		case []byte:
			n += int64(len(x))
		case time.Time:
			n += 24
		}
	}
	return n
}

// errStop ends a query early without an error.
var errStop = errors.New("stop")

// callbackError marks an error returned by a caller's callback.
type callbackError struct{ err error }

func (e callbackError) Error() string { return e.err.Error() }

func (p *Pool) run(ctx context.Context, key string, params Params, query string, args []any, timeout time.Duration, onColumns func(names, types []string) error, onRow func([]any) error) error {
	db, err := p.db(key, params)
	if err != nil {
		return p.queryError(ctx, params, err, connectFailure)
	}
	qctx := ctx
	if timeout > 0 {
		var cancel context.CancelFunc
		qctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	conn, err := db.Conn(qctx)
	if err != nil {
		return p.queryError(ctx, params, err, connectFailure)
	}
	discard := false
	defer func() {
		if discard {
			// The session's time limit was changed: never reuse it.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
	}()
	if timeout == 0 && params.Type != TypeSQLite && params.Type != TypeDuckDB {
		discard = true
		if err := liftStatementTimeout(qctx, conn, params.Type); err != nil {
			return p.queryError(ctx, params, err, statementFailure)
		}
	}
	err = query1(qctx, conn, params.Type, query, args, onColumns, onRow)
	// Release what the statement took before answering, even from a
	// session about to be discarded: the server ends a closed session's
	// locks only when its backend has exited, after the caller goes on.
	if qctx.Err() != nil || resetSession(qctx, conn, params.Type) != nil {
		discard = true // closing the session ends what it holds
	}
	if err == nil || errors.Is(err, errStop) {
		return nil
	}
	if ce, ok := errors.AsType[callbackError](err); ok {
		return ce.err
	}
	if ctx.Err() == nil && qctx.Err() == context.DeadlineExceeded {
		return &QueryError{Type: ErrTimeout, Message: fmt.Sprintf("The query ran past its time limit of %s.", timeout)}
	}
	return p.queryError(ctx, params, err, statementFailure)
}

// queryError turns err into a *QueryError with classify (connectFailure
// before a session is open, statementFailure after), or returns the
// caller's context error.
func (p *Pool) queryError(ctx context.Context, params Params, err error, classify func(Params, error) (string, string)) error {
	if ctx.Err() != nil {
		return fmt.Errorf("query at %s: %w", where(params), context.Cause(ctx))
	}
	typ, msg := classify(params, err)
	return &QueryError{Type: typ, Message: msg}
}

// query1 runs query on conn, in a read-only transaction on server engines
// (SQLite and DuckDB files are opened read-only).
func query1(ctx context.Context, conn *sql.Conn, typ, query string, args []any, onColumns func(names, types []string) error, onRow func([]any) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var rows *sql.Rows
	var err error
	if typ == TypeSQLite || typ == TypeDuckDB {
		rows, err = conn.QueryContext(ctx, query, args...)
	} else {
		tx, terr := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if terr != nil {
			return terr
		}
		defer tx.Rollback()
		rows, err = tx.QueryContext(ctx, query, args...)
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	// A query stopped early (a row limit, a callback's error) is
	// cancelled at the server first: closing its rows would otherwise
	// read them all, and an endless query never ends.
	defer cancel()
	names, types, err := columnsOf(rows)
	if err != nil {
		return err
	}
	if err := onColumns(names, types); err != nil {
		return callbackError{err}
	}
	raw := make([]any, len(names))
	ptrs := make([]any, len(names))
	for rows.Next() {
		row, err := scanRow(rows, types, raw, ptrs)
		if err != nil {
			return err
		}
		if err := onRow(row); err != nil {
			if errors.Is(err, errStop) {
				return err
			}
			return callbackError{err}
		}
	}
	return rows.Err()
}

// liftStatementTimeout removes the server's statement time limit from the
// session of conn (for ingestion, bounded by its context instead).
func liftStatementTimeout(ctx context.Context, conn *sql.Conn, typ string) error {
	switch typ {
	case TypePostgreSQL:
		_, err := conn.ExecContext(ctx, "SET statement_timeout = 0")
		return err
	case TypeMySQL, TypeMariaDB:
		return conn.Raw(func(dc any) error {
			ex, ok := dc.(driver.ExecerContext)
			if !ok {
				return fmt.Errorf("mysql connection %T cannot execute statements", dc)
			}
			return setMySQLStatementTimeout(ctx, ex, 0)
		})
	}
	return nil
}

// resetSession releases what a statement may have left on the session of
// conn for the next user of the pooled connection: advisory locks
// (PostgreSQL) and named locks (GET_LOCK on MySQL and MariaDB). Settings
// changed inside the query's transaction were undone by its rollback.
func resetSession(ctx context.Context, conn *sql.Conn, typ string) error {
	var stmt string
	switch typ {
	case TypePostgreSQL:
		stmt = "SELECT pg_advisory_unlock_all()"
	case TypeMySQL, TypeMariaDB:
		stmt = "SELECT RELEASE_ALL_LOCKS()"
	default:
		return nil
	}
	_, err := conn.ExecContext(ctx, stmt)
	return err
}
