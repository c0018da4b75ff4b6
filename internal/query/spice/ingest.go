package spice

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/query/source"
)

// datetimeLayout is how times are stored: a text SQLite's date functions
// read, in UTC.
const datetimeLayout = "2006-01-02 15:04:05.999999999"

// Ingest runs query at the source of params and writes every row into a new
// SQLite file at dest, in table "data" with the columns cols (in the order
// the query returns them; nil: the query's own names, with types from the
// source's type names). It returns the number of rows written. The file is
// built under a temporary name in dest's directory and renamed to dest only
// when complete, so a failure or a cancelled ctx leaves no file behind;
// dest must not exist. The source query has no row or time limit but ctx.
func Ingest(ctx context.Context, pool *source.Pool, key string, params source.Params, query string, args []any, cols []Column, dest string) (int64, error) {
	return IngestWith(ctx, pool, key, params, query, args, cols, dest, Options{})
}

// Options tune an ingestion.
type Options struct {
	// Indexes to build on the file once the rows are in, each a list of
	// column names. An index whose leading columns are a question's
	// dimensions and that holds its measures lets SQLite answer from the
	// index alone, in order (see docs/benchmarks-log.md, "Query execution").
	Indexes [][]string
}

// IngestWith is Ingest with options.
func IngestWith(ctx context.Context, pool *source.Pool, key string, params source.Params, query string, args []any, cols []Column, dest string, o Options) (n int64, err error) {
	if _, err := os.Stat(dest); err == nil {
		return 0, fmt.Errorf("spice: %s already exists", dest)
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return 0, fmt.Errorf("spice: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("spice: %w", err)
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			removeDB(tmp)
		}
	}()
	w, err := newWriter(ctx, tmp)
	if err != nil {
		return 0, err
	}
	defer w.close()
	err = pool.Stream(ctx, key, params, query, args, func(names, types []string) error {
		if cols == nil {
			for i, name := range names {
				cols = append(cols, Column{Name: name, Type: ColumnType(types[i])})
			}
		}
		if len(names) != len(cols) {
			return fmt.Errorf("spice: the query returns %d columns, the dataset has %d", len(names), len(cols))
		}
		return w.begin(ctx, cols)
	}, func(row []any) error {
		return w.add(ctx, row)
	})
	if err != nil {
		return 0, err
	}
	if err := w.commit(ctx, o.Indexes); err != nil {
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
		return 0, fmt.Errorf("spice: %w", err)
	}
	return w.rows, nil
}

// writer inserts rows into a new file in one transaction, many rows per
// statement.
type writer struct {
	db     *sql.DB
	tx     *sql.Tx
	stmt   *sql.Stmt // inserts batch rows
	cols   []Column
	batch  int
	args   []any
	rows   int64
	closed bool
}

func newWriter(ctx context.Context, path string) (*writer, error) {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(OFF)") // the file is private until renamed
	q.Add("_pragma", "synchronous(OFF)")
	u := url.URL{Scheme: "file", OmitHost: true, Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, fmt.Errorf("spice: %w", err)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("spice: %w", err)
	}
	return &writer{db: db}, nil
}

func (w *writer) begin(ctx context.Context, cols []Column) error {
	ddl, err := createTable(cols)
	if err != nil {
		return err
	}
	w.cols = cols
	w.batch = max(1, min(256, 30000/len(cols))) // under SQLite's 32766 variables
	w.tx, err = w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(ctx, ddl); err != nil {
		return err
	}
	w.stmt, err = w.tx.PrepareContext(ctx, insertSQL(len(cols), w.batch))
	if err != nil {
		return err
	}
	w.args = make([]any, 0, w.batch*len(cols))
	return nil
}

func (w *writer) add(ctx context.Context, row []any) error {
	for _, v := range row {
		w.args = append(w.args, storable(v))
	}
	w.rows++
	if len(w.args) == cap(w.args) {
		if _, err := w.stmt.ExecContext(ctx, w.args...); err != nil {
			return err
		}
		w.args = w.args[:0]
	}
	return nil
}

func (w *writer) commit(ctx context.Context, indexes [][]string) error {
	if w.tx == nil {
		return errors.New("spice: the query returned no columns")
	}
	if n := len(w.args) / len(w.cols); n > 0 {
		if _, err := w.tx.ExecContext(ctx, insertSQL(len(w.cols), n), w.args...); err != nil {
			return err
		}
		w.args = w.args[:0]
	}
	w.stmt.Close()
	for i, idx := range indexes {
		ddl, err := createIndex(i+1, idx, w.cols)
		if err != nil {
			return err
		}
		if _, err := w.tx.ExecContext(ctx, ddl); err != nil {
			return err
		}
	}
	return w.tx.Commit()
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

// storable converts a normalised source value to what the file stores:
// times as UTC text SQLite's date functions read, booleans as 0 and 1.
func storable(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(datetimeLayout)
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	}
	return v
}

func insertSQL(cols, rows int) string {
	one := "(" + strings.Repeat("?,", cols-1) + "?)"
	return "INSERT INTO " + Table + " VALUES " + strings.Repeat(one+",", rows-1) + one
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
