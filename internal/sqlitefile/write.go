package sqlitefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	sqlite "modernc.org/sqlite"
)

// Options bound a file.
type Options struct {
	// MaxRows, when positive, stops the write with a *LimitError when
	// there are more rows.
	MaxRows int64
	// MaxBytes, when positive, bounds the file: SQLite refuses to grow it
	// further and the write stops with a *LimitError.
	MaxBytes int64
}

// LimitError is a write stopped by a limit of its Options.
type LimitError struct {
	Limit string // "rows" or "bytes"
	Max   int64
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("sqlitefile: the table passed its limit of %d %s", e.Max, e.Limit)
}

// pageSize is the page size of written files.
const pageSize = 4096

// Write writes the rows that each calls yield with into a new file at
// dest, in table Table with columns cols, and returns the number of rows
// written. An error from each or yield, or a cancelled ctx, leaves no file
// behind. dest must not exist. The values of a row are in the order of
// cols (string, int64, float64, time.Time, bool or nil); yield keeps no
// reference to the slice.
func Write(ctx context.Context, cols []Column, dest string, o Options, each func(yield func(row []any) error) error) (n int64, err error) {
	if _, err := os.Stat(dest); err == nil {
		return 0, fmt.Errorf("sqlitefile: %s already exists", filepath.Base(dest))
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return 0, fmt.Errorf("sqlitefile: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("sqlitefile: %w", err)
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			removeDB(tmp)
		}
	}()
	w, err := newWriter(ctx, tmp, o)
	if err != nil {
		return 0, err
	}
	defer w.close()
	if err := w.begin(ctx, cols); err != nil {
		return 0, err
	}
	if err := each(func(row []any) error {
		if len(row) != len(cols) {
			return fmt.Errorf("sqlitefile: a row has %d values, the table %d columns", len(row), len(cols))
		}
		return w.add(ctx, row)
	}); err != nil {
		return 0, err
	}
	if err := w.commit(ctx); err != nil {
		return 0, err
	}
	if err := w.close(); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := syncFile(tmp); err != nil {
		return 0, err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return 0, fmt.Errorf("sqlitefile: %w", err)
	}
	return w.rows, nil
}

// writer inserts rows into a new file in one transaction, many rows per
// statement.
type writer struct {
	db       *sql.DB
	tx       *sql.Tx
	stmt     *sql.Stmt // inserts batch rows
	cols     []Column
	args     []any
	rows     int64
	closed   bool
	maxRows  int64
	maxBytes int64
	maxPages int64
	pages    int64 // the file's size in pages after the last batch
	pending  int64 // bytes of the values not yet inserted
}

func newWriter(ctx context.Context, path string, o Options) (*writer, error) {
	w := &writer{maxRows: o.MaxRows, maxBytes: o.MaxBytes}
	q := url.Values{}
	q.Add("_pragma", "journal_mode(OFF)") // the file is private until renamed
	q.Add("_pragma", "synchronous(OFF)")
	q.Add("_pragma", fmt.Sprintf("page_size(%d)", pageSize))
	if o.MaxBytes > 0 {
		w.maxPages = max(2, o.MaxBytes/pageSize)
		q.Add("_pragma", fmt.Sprintf("max_page_count(%d)", w.maxPages))
	}
	u := url.URL{Scheme: "file", OmitHost: true, Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, fmt.Errorf("sqlitefile: %w", err)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlitefile: %w", err)
	}
	w.db = db
	return w, nil
}

func (w *writer) begin(ctx context.Context, cols []Column) error {
	ddl, err := createTable(cols)
	if err != nil {
		return err
	}
	w.cols = cols
	batch := max(1, min(256, 30000/len(cols))) // under SQLite's 32766 variables
	w.tx, err = w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(ctx, ddl); err != nil {
		return err
	}
	w.stmt, err = w.tx.PrepareContext(ctx, insertSQL(len(cols), batch))
	if err != nil {
		return err
	}
	w.args = make([]any, 0, batch*len(cols))
	return nil
}

func (w *writer) add(ctx context.Context, row []any) error {
	if w.maxRows > 0 && w.rows == w.maxRows {
		return &LimitError{Limit: "rows", Max: w.maxRows}
	}
	for _, v := range row {
		v = storable(v)
		w.pending += valueBytes(v)
		w.args = append(w.args, v)
	}
	w.rows++
	if len(w.args) == cap(w.args) {
		if _, err := w.stmt.ExecContext(ctx, w.args...); err != nil {
			return w.full(err, w.pending)
		}
		w.args = w.args[:0]
		w.pending = 0
		if w.maxBytes > 0 {
			if err := w.tx.QueryRowContext(ctx, "PRAGMA page_count").Scan(&w.pages); err != nil {
				return err
			}
		}
	}
	return nil
}

// valueBytes is about what a stored value takes in the file.
func valueBytes(v any) int64 {
	switch x := v.(type) {
	case string:
		return int64(len(x)) + 2
	case []byte:
		return int64(len(x)) + 2
	}
	return 9
}

// full turns SQLite's "database or disk is full" into a *LimitError when
// the file was about to pass MaxBytes. A disk that is really full stays
// the error it is.
func (w *writer) full(err error, need int64) error {
	se, ok := errors.AsType[*sqlite.Error](err)
	if !ok || se.Code()&0xff != sqliteFull || w.maxBytes <= 0 {
		return err
	}
	if w.pages+2*need/pageSize+16 >= w.maxPages {
		return &LimitError{Limit: "bytes", Max: w.maxBytes}
	}
	return err
}

// sqliteFull is SQLITE_FULL.
const sqliteFull = 13

func (w *writer) commit(ctx context.Context) error {
	if w.tx == nil {
		return errors.New("sqlitefile: no columns")
	}
	if n := len(w.args) / len(w.cols); n > 0 {
		if _, err := w.tx.ExecContext(ctx, insertSQL(len(w.cols), n), w.args...); err != nil {
			return w.full(err, w.pending)
		}
		w.args = w.args[:0]
	}
	w.stmt.Close()
	return w.full(w.tx.Commit(), 0)
}

func (w *writer) close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	if w.stmt != nil {
		w.stmt.Close()
	}
	if w.tx != nil {
		w.tx.Rollback()
	}
	return w.db.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// removeDB removes a SQLite file and its companions.
func removeDB(path string) {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}
