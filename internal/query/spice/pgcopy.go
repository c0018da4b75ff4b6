package spice

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/sightglass/sightglass/internal/query/source"
)

// The PostgreSQL bulk path: instead of reading rows through database/sql
// (pgx decodes every value, the appender takes one cgo call per value),
// the source's COPY … TO STDOUT (CSV) is streamed through a pipe into
// DuckDB's own CSV reader, which parses and inserts it in C++. Go only
// counts the rows and their logical size as they pass (progress, limits).
// It is taken when every column's source type converts to its dataset
// type exactly as the row path would (copyColumn), the query has no
// arguments and the ingestion is not incremental; otherwise the row path
// runs.

// copyColumn is how one column travels the bulk path: the expression
// that selects it at PostgreSQL (over column c of the query) and the type
// DuckDB's CSV reader parses it as (text it cannot parse drops the row).
// ok is false when the row path is needed to convert it as it always
// did.
func copyColumn(datasetType, pgType, c string) (pgExpr, csvType string, ok bool) {
	switch duckType(datasetType) {
	case "BIGINT":
		switch pgType {
		case "INT2", "INT4", "INT8":
			return c, "BIGINT", true
		}
	case "DOUBLE":
		switch pgType {
		case "INT2", "INT4", "INT8", "FLOAT8", "NUMERIC":
			// (FLOAT4 is left to the row path: it widens the binary
			// float, where the text would be the shortest decimal.)
			return c, "DOUBLE", true
		}
	case "VARCHAR":
		switch pgType {
		case "TEXT", "VARCHAR", "BPCHAR":
			if datasetType == "JSON" {
				return "", "", false
			}
			return c, "VARCHAR", true
		}
	case "BOOLEAN":
		if pgType == "BOOL" {
			return c, "BOOLEAN", true
		}
	case "TIMESTAMP":
		switch pgType {
		case "TIMESTAMP", "DATE":
			return copyTimestamp(c), "TIMESTAMP", true
		case "TIMESTAMPTZ":
			return copyTimestamp("(" + c + " AT TIME ZONE 'UTC')"), "TIMESTAMP", true
		}
	}
	return "", "", false
}

// copyTimestamp is the text PostgreSQL sends for the date or timestamp
// e, in the form DuckDB's CSV reader parses as a TIMESTAMP itself (no
// cast per row at DuckDB). PostgreSQL writes years before Christ as
// "0044-03-15 … BC"; DuckDB reads astronomical years ("-0043-03-15 …",
// 1 BC is year 0), which PostgreSQL writes for those rare rows alone.
// Infinities have no TIMESTAMP the row path writes either: they become
// text no TIMESTAMP parses, so the row is dropped, and counted.
func copyTimestamp(e string) string {
	year := "extract(year FROM " + e + ")"
	bc := "CASE WHEN " + year + " = -1 THEN '0000' ELSE '-' || lpad((-1 - " + year + ")::int::text, 4, '0') END || to_char(" + e + ", '-MM-DD HH24:MI:SS.US')"
	return "CASE WHEN " + e + " IS NULL THEN NULL WHEN NOT isfinite(" + e + ") THEN 'infinite' WHEN " + e + " >= '0001-01-01' THEN " + e + "::text ELSE " + bc + " END"
}

// copyPlan is an ingestion's bulk path: the SELECT that COPY runs at the
// source and the INSERT that reads its CSV at fd path into the table.
type copyPlan struct {
	selectSQL string
	insert    func(path string) string
	varchar   []bool // the columns whose text counts towards the size
}

// planCopy returns the bulk path of query into cols at a PostgreSQL
// source, or ok false when the row path must run: another source, an
// argument, a column it would convert differently, or a query the server
// does not describe (the row path then reports why).
func planCopy(ctx context.Context, pool *source.Pool, key string, params source.Params, query string, args []any, cols []Column, o Options) (p copyPlan, cols2 []Column, ok bool) {
	if params.Type != source.TypePostgreSQL || len(args) > 0 || o.Base != nil || o.RowPath || runtime.GOOS != "linux" {
		return p, cols, false
	}
	inner := "SELECT * FROM (" + query + ") AS sg_q"
	names, types, err := pool.PostgresColumns(ctx, key, params, inner)
	if err != nil {
		return p, cols, false
	}
	if cols == nil {
		for i, name := range names {
			cols = append(cols, Column{Name: name, Type: ColumnType(types[i])})
		}
	}
	if len(cols) != len(names) || len(cols) == 0 {
		return p, cols, false
	}
	aliases := make([]string, len(cols))
	pgExprs := make([]string, len(cols))
	csvCols := make([]string, len(cols))
	p.varchar = make([]bool, len(cols))
	for i, c := range cols {
		a := "c" + strconv.Itoa(i+1)
		aliases[i] = a
		pe, ct, ok := copyColumn(strings.ToUpper(c.Type), types[i], a)
		if !ok {
			return p, cols, false
		}
		pgExprs[i] = pe
		csvCols[i] = "'" + a + "': '" + ct + "'"
		p.varchar[i] = duckType(c.Type) == "VARCHAR"
	}
	p.selectSQL = "SELECT " + strings.Join(pgExprs, ", ") + " FROM (" + query + ") AS sg_q(" + strings.Join(aliases, ", ") + ")"
	sel := strings.Join(aliases, ", ")
	csv := "{" + strings.Join(csvCols, ", ") + "}"
	p.insert = func(path string) string {
		// Rows a column cannot hold (no number, invalid UTF-8, an
		// infinite timestamp) are skipped by ignore_errors: they are
		// the dropped rows.
		return "INSERT INTO " + Table + " SELECT " + sel + " FROM read_csv('" + strings.ReplaceAll(path, "'", "''") + "', columns = " + csv +
			", header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"', new_line = '\\n', nullstr = '', allow_quoted_nulls = false, ignore_errors = true, parallel = false)"
	}
	return p, cols, true
}

// ingestCopy fills the writer's table through plan p. The rows and size
// it returns are DuckDB's count of what it inserted; Dropped the rows the
// source sent that it did not.
func (w *writer) ingestCopy(ctx context.Context, pool *source.Pool, key string, params source.Params, p copyPlan) error {
	pr, pw, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("spice: %w", err)
	}
	defer pr.Close()
	// COPY hands over a row at a time: buffered, the pipe takes a
	// system call per 256 KiB instead of one per row.
	buf := bufio.NewWriterSize(pw, 256<<10)
	counter := &csvCounter{o: w.o, varchar: p.varchar, ctx: ctx, w: buf}
	done := make(chan error, 1)
	go func() {
		err := pool.PostgresCopyCSV(ctx, key, params, p.selectSQL, counter)
		if err == nil && !counter.atRecordStart() {
			err = errors.New("spice: the source's CSV ended inside a row")
		}
		if err == nil {
			err = buf.Flush()
		}
		pw.Close()
		done <- err
	}()
	path := "/dev/fd/" + strconv.Itoa(int(pr.Fd()))
	// The reader of a pipe is one thread: others would only spin on
	// DuckDB's task queue while it waits for the source.
	if _, err := w.conn.ExecContext(ctx, "SET threads = 1"); err != nil {
		return fmt.Errorf("spice: %w", err)
	}
	res, ierr := w.conn.ExecContext(ctx, p.insert(path))
	pr.Close() // a source still writing gets EPIPE
	cerr := <-done
	if cerr != nil && !(ierr != nil && errors.Is(cerr, syscall.EPIPE)) {
		return cerr // (a closed pipe is DuckDB's failure, below)
	}
	if ierr != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("spice: reading the source's rows: %w", ierr)
	}
	inserted, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("spice: %w", err)
	}
	if _, err := w.conn.ExecContext(ctx, "SET enable_external_access = false"); err != nil {
		return fmt.Errorf("spice: %w", err)
	}
	if _, err := w.conn.ExecContext(ctx, "SET threads = "+strconv.Itoa(w.threads)); err != nil {
		return fmt.Errorf("spice: %w", err)
	}
	if inserted == counter.rows {
		// Every row the source sent is in: the counter measured them.
		w.stats.Rows, w.stats.Bytes = counter.rows, counter.bytes
	} else {
		if err := w.measure(ctx); err != nil {
			return err
		}
		if w.stats.Rows != inserted {
			return fmt.Errorf("spice: %d rows inserted, %d in the table", inserted, w.stats.Rows)
		}
		w.stats.Dropped = max(counter.rows-inserted, 0)
	}
	return w.checkLimits()
}

// measure sets the writer's rows and logical size from its table: 8 bytes
// a value, plus the UTF-8 length of text (logicalBytes).
func (w *writer) measure(ctx context.Context) error {
	var size strings.Builder
	size.WriteString("count(*) * " + strconv.Itoa(8*len(w.cols)))
	for _, c := range w.cols {
		if duckType(c.Type) == "VARCHAR" {
			size.WriteString(" + coalesce(sum(strlen(" + quoteIdent(c.Name) + ")), 0)")
		}
	}
	if err := w.conn.QueryRowContext(ctx, "SELECT count(*), CAST("+size.String()+" AS BIGINT) FROM "+Table).Scan(&w.stats.Rows, &w.stats.Bytes); err != nil {
		return fmt.Errorf("spice: %w", err)
	}
	return nil
}

// checkLimits checks the writer's rows and size against its options.
func (w *writer) checkLimits() error {
	switch {
	case w.o.MaxRows > 0 && w.stats.Rows > w.o.MaxRows:
		return &LimitError{Limit: "rows", Max: w.o.MaxRows}
	case w.o.MaxBytes > 0 && w.stats.Bytes > w.o.MaxBytes:
		return &LimitError{Limit: "bytes", Max: w.o.MaxBytes}
	case w.o.Capacity > 0 && w.stats.Bytes > w.o.Capacity:
		return &LimitError{Limit: "capacity", Max: w.o.Capacity}
	}
	return nil
}
