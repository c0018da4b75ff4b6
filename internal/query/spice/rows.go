package spice

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// WriteRows writes the rows that each calls yield with into a new file at
// dest, in table "data" with columns cols, and returns the number of rows
// written. Like Ingest, the file is built under a temporary name and renamed
// to dest only when every row is in: an error from each (a row that does
// not parse), from yield or a cancelled ctx leaves no file behind. dest
// must not exist. The values of a row are in the order of cols and of
// their types (string, int64, float64, time.Time, bool or nil); yield keeps
// no reference to the slice.
func WriteRows(ctx context.Context, cols []Column, dest string, o Options, each func(yield func(row []any) error) error) (n int64, err error) {
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
			return fmt.Errorf("spice: a row has %d values, the table %d columns", len(row), len(cols))
		}
		return w.add(ctx, row)
	}); err != nil {
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
