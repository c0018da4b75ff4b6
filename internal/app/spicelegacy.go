package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/spice"
)

// Before SPICE was DuckDB, an ingestion's copy was a SQLite file,
// <ingestion>.sqlite with table "data", also stored as such in the
// artifact store. A dataset whose latest ingestion is one of them is
// converted to DuckDB on first use (upgradeLegacySPICE); one that cannot
// be converted is refused with a message that asks for a new ingestion.

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// legacySPICE serialises conversions and remembers the copies known to
// be DuckDB already, so that a query checks a file's first bytes once.
var legacySPICE struct {
	mu      sync.Mutex
	checked sync.Map // path → struct{}
}

// isSQLiteFile reports whether the file at path is a SQLite database.
func isSQLiteFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sqliteMagic)
}

// upgradeLegacySPICE makes the copy at path (an ingestion's .duckdb file,
// as spicePath returns it) a DuckDB file when an older Sightglass left a
// SQLite copy: the file itself (fetched from the artifact store) or
// <ingestion>.sqlite next to it. The rows are read through the same
// ingestion as a SQLite data source's, with d's output columns; the
// DuckDB copy then replaces the SQLite one in the artifact store.
func (a *App) upgradeLegacySPICE(ctx context.Context, d *sg.DataSet, path string) error {
	if _, ok := legacySPICE.checked.Load(path); ok {
		return nil
	}
	legacySPICE.mu.Lock()
	defer legacySPICE.mu.Unlock()
	if _, ok := legacySPICE.checked.Load(path); ok {
		return nil
	}
	old := strings.TrimSuffix(path, ".duckdb") + ".sqlite"
	var from string
	switch {
	case isSQLiteFile(path):
		// A fetched artifact: set it aside under a temporary name (a
		// crash leaves it to the start's cleanup), then convert it.
		var rnd [8]byte
		rand.Read(rnd[:])
		from = filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".legacy"+hex.EncodeToString(rnd[:])+".tmp")
		if err := os.Rename(path, from); err != nil {
			return a.legacyFailed(ctx, d, err)
		}
		defer os.Remove(from)
	case fileExists(path):
		legacySPICE.checked.Store(path, struct{}{})
		return nil
	case isSQLiteFile(old):
		from = old
	default:
		return nil // no copy at all: the query says so
	}
	cols := make([]spice.Column, len(d.OutputColumns))
	names := make([]string, len(d.OutputColumns))
	for i, c := range d.OutputColumns {
		cols[i] = spice.Column{Name: c.Name, Type: c.Type}
		names[i] = `"` + strings.ReplaceAll(c.Name, `"`, `""`) + `"`
	}
	pool := source.NewPool(source.Options{MaxRows: -1})
	defer pool.Close()
	params := source.Params{Type: source.TypeSQLite, SQLiteDir: filepath.Dir(from), SQLitePath: filepath.Base(from)}
	// (SQLite reads a double-quoted name that is no column as a string:
	// every column must be there.)
	if err := legacyHasColumns(ctx, pool, params, cols); err != nil {
		return a.legacyFailed(ctx, d, err)
	}
	st, err := spice.Ingest(ctx, pool, "legacy", params, "SELECT "+strings.Join(names, ", ")+" FROM "+spice.Table, nil, cols, path)
	if err != nil {
		return a.legacyFailed(ctx, d, err)
	}
	slog.Info("converted a SQLite SPICE copy to DuckDB", "account", d.AccountID, "dataset", d.ID, "ingestion", d.SPICEIngestionID, "rows", st.Rows, "dropped", st.Dropped)
	if from == old {
		os.Remove(old)
	}
	a.shareConverted(ctx, d, path)
	if a.data.spiceCache != nil {
		a.data.spiceCache.Add(path)
	}
	legacySPICE.checked.Store(path, struct{}{})
	return nil
}

// legacyHasColumns checks that the SQLite copy's table has every column
// of cols.
func legacyHasColumns(ctx context.Context, pool *source.Pool, params source.Params, cols []spice.Column) error {
	res, err := pool.Query(ctx, "legacy", params, "SELECT * FROM "+spice.Table+" LIMIT 0", nil)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, name := range res.Columns {
		have[strings.ToLower(name)] = true
	}
	for _, c := range cols {
		if !have[strings.ToLower(c.Name)] {
			return fmt.Errorf("the SQLite copy has no column %q", c.Name)
		}
	}
	return nil
}

// fileExists reports whether path names an existing file.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// legacyFailed is the error of a SQLite copy that could not be converted:
// the log has why; the caller is told to ingest again.
func (a *App) legacyFailed(ctx context.Context, d *sg.DataSet, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	slog.Error("converting a SQLite SPICE copy to DuckDB", "account", d.AccountID, "dataset", d.ID, "ingestion", d.SPICEIngestionID, "err", err)
	return sg.Errorf(sg.EPRECONDITION, "The SPICE copy of dataset %s was written by an earlier version of Sightglass and could not be converted; refresh it with a new ingestion (CreateIngestion).", d.ID)
}
