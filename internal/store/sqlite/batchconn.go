package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

// The batcher's statements.
//
// A batch runs on the writer's connection at the driver level
// (sql.Conn.Raw), not through a sql.Tx: BEGIN IMMEDIATE, COMMIT and
// ROLLBACK, and the batch's own statements, are prepared once on the
// driver connection and kept across batches, instead of database/sql
// building a transaction and the driver compiling BEGIN and COMMIT anew
// for every batch. The writer pool has one connection that never expires,
// so the statements are prepared once in the server's life; should
// database/sql ever replace the connection, the statements are prepared
// again on the new one.

// batchConn holds the statements prepared on one driver connection.
type batchConn struct {
	dc       driver.ConnPrepareContext // the connection they belong to
	begin    driver.Stmt
	commit   driver.Stmt
	rollback driver.Stmt
	stmts    map[string]driver.Stmt
}

// on returns the statements of dc, preparing BEGIN, COMMIT and ROLLBACK if
// dc is a connection bc has not seen.
func (bc *batchConn) on(dc any) error {
	pc, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return fmt.Errorf("sqlite driver connection %T cannot prepare statements", dc)
	}
	if bc.dc == pc {
		return nil
	}
	// A new connection: the old one was closed with its statements (the
	// driver closes a connection with statements still open as soon as
	// they are finalized, and they cannot be once it is gone). Forget them.
	*bc = batchConn{dc: pc, stmts: make(map[string]driver.Stmt, 4)}
	var err error
	if bc.begin, err = bc.prepare("BEGIN IMMEDIATE"); err != nil {
		return err
	}
	if bc.commit, err = bc.prepare("COMMIT"); err != nil {
		return err
	}
	bc.rollback, err = bc.prepare("ROLLBACK")
	return err
}

func (bc *batchConn) prepare(query string) (driver.Stmt, error) {
	st, err := bc.dc.PrepareContext(context.Background(), query)
	if err != nil {
		bc.close()
		return nil, err
	}
	return st, nil
}

// stmt returns the prepared statement for query.
func (bc *batchConn) stmt(query string) (driver.Stmt, error) {
	if st, ok := bc.stmts[query]; ok {
		return st, nil
	}
	st, err := bc.dc.PrepareContext(context.Background(), query)
	if err != nil {
		return nil, err
	}
	bc.stmts[query] = st
	return st, nil
}

// close closes the statements; the connection must still be open.
func (bc *batchConn) close() {
	for _, st := range []driver.Stmt{bc.begin, bc.commit, bc.rollback} {
		if st != nil {
			st.Close()
		}
	}
	for _, st := range bc.stmts {
		st.Close()
	}
	*bc = batchConn{}
}

// run executes st, which takes no arguments and returns no rows.
func run(st driver.Stmt) error {
	_, err := exec(st, nil)
	return err
}

// exec executes st with args, converted as database/sql converts them
// for a driver without its own conversion.
func exec(st driver.Stmt, args []any) (driver.Result, error) {
	nv, err := namedValues(args)
	if err != nil {
		return nil, err
	}
	return st.(driver.StmtExecContext).ExecContext(context.Background(), nv)
}

// namedValues converts args for the driver.
func namedValues(args []any) ([]driver.NamedValue, error) {
	if len(args) == 0 {
		return nil, nil
	}
	nv := make([]driver.NamedValue, len(args))
	for i, a := range args {
		v, err := driver.DefaultParameterConverter.ConvertValue(a)
		if err != nil {
			return nil, fmt.Errorf("sqlite: argument %d: %w", i+1, err)
		}
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return nv, nil
}

// queryRow runs st with args and returns its first row, as QueryRow does.
func queryRow(st driver.Stmt, args []any) scanner {
	nv, err := namedValues(args)
	if err != nil {
		return errRow{err}
	}
	rows, err := st.(driver.StmtQueryContext).QueryContext(context.Background(), nv)
	if err != nil {
		return errRow{err}
	}
	return &driverRow{rows: rows}
}

// driverRow is the first row of a driver's rows.
type driverRow struct{ rows driver.Rows }

// Scan copies the row's columns into dest (pointers to []byte, string,
// int64 or any) and closes the rows. It returns sql.ErrNoRows if there is
// no row.
func (r *driverRow) Scan(dest ...any) (err error) {
	defer func() {
		if cerr := r.rows.Close(); err == nil {
			err = cerr
		}
	}()
	vals := make([]driver.Value, len(r.rows.Columns()))
	if len(dest) != len(vals) {
		return fmt.Errorf("sqlite: %d destinations for %d columns", len(dest), len(vals))
	}
	if err := r.rows.Next(vals); errors.Is(err, io.EOF) {
		return sql.ErrNoRows
	} else if err != nil {
		return err
	}
	for i, v := range vals {
		if err := assign(dest[i], v); err != nil {
			return fmt.Errorf("sqlite: column %d: %w", i, err)
		}
	}
	return nil
}

// assign stores the driver value v in dest, copying bytes: the driver may
// reuse its buffers once the rows move on.
func assign(dest any, v driver.Value) error {
	switch d := dest.(type) {
	case *[]byte:
		switch v := v.(type) {
		case nil:
			*d = nil
		case []byte:
			*d = append([]byte(nil), v...)
		case string:
			*d = []byte(v)
		default:
			return fmt.Errorf("cannot scan %T into *[]byte", v)
		}
	case *string:
		switch v := v.(type) {
		case []byte:
			*d = string(v)
		case string:
			*d = v
		default:
			return fmt.Errorf("cannot scan %T into *string", v)
		}
	case *int64:
		n, ok := v.(int64)
		if !ok {
			return fmt.Errorf("cannot scan %T into *int64", v)
		}
		*d = n
	case *any:
		if b, ok := v.([]byte); ok {
			v = append([]byte(nil), b...)
		}
		*d = v
	default:
		return fmt.Errorf("cannot scan into %T", dest)
	}
	return nil
}
