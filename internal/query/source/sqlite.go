package source

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"

	"github.com/sightglass/sightglass/internal/query/sqlcheck"
	"github.com/sightglass/sightglass/internal/query/sqlitepct"
)

// ErrSQLitePathEscapes is returned for a SQLite file name that leaves the
// operator's SQLite directory.
var ErrSQLitePathEscapes = errors.New("the SQLite file must be inside the server's SQLite directory")

// ResolveSQLitePath returns the real path of the file name inside dir. name
// is relative ("sales.sqlite", "team/sales.db"); an absolute name, a ".."
// element, or a symbolic link that leads outside dir is refused with
// ErrSQLitePathEscapes. A missing file gives an error that satisfies
// errors.Is(err, os.ErrNotExist); a directory or device is refused.
func ResolveSQLitePath(dir, name string) (string, error) {
	if dir == "" {
		return "", errors.New("no SQLite directory is configured")
	}
	if name == "" || filepath.IsAbs(name) || strings.ContainsRune(name, 0) || filepath.VolumeName(name) != "" {
		return "", ErrSQLitePathEscapes
	}
	for _, elem := range strings.FieldsFunc(filepath.ToSlash(name), func(r rune) bool { return r == '/' }) {
		if elem == ".." {
			return "", ErrSQLitePathEscapes
		}
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Errorf("SQLite directory: %w", err)
	}
	root, err = filepath.Abs(root)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(filepath.Join(root, name))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("SQLite file %q: %w", name, os.ErrNotExist)
		}
		return "", err
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", ErrSQLitePathEscapes
	}
	fi, err := os.Stat(real)
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("SQLite file %q is not a regular file", name)
	}
	return real, nil
}

// sqlitePath is the file p names: resolved inside p.SQLiteDir when set.
func sqlitePath(p Params) (string, error) {
	if p.SQLiteDir != "" {
		return ResolveSQLitePath(p.SQLiteDir, p.SQLitePath)
	}
	if p.SQLitePath == "" {
		return "", errors.New("no SQLite file given")
	}
	if _, err := os.Stat(p.SQLitePath); err != nil {
		return "", err
	}
	return p.SQLitePath, nil
}

// openSQLite opens a SQLite file read-only: mode=ro (writes fail with
// SQLITE_READONLY and a missing file is not created) and query_only, and
// every connection carries sqlcheck's authorizer, so that no statement run
// there can use a pragma, attach a file or call a function off the
// allow-list. Its connections read through two builds of SQLite
// (sqlitecgo.go).
func openSQLite(p Params) (*sql.DB, error) {
	path, err := sqlitePath(p)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(sqliteConnector{path: path}), nil
}

// sqliteDriver opens the pure-Go build's connections of SQLite data
// sources (and no others: the store's connections are not its own). They
// carry the percentile aggregates SQLite lacks (package sqlitepct).
var sqliteDriver = func() *sqlite.Driver {
	d := &sqlite.Driver{}
	if err := sqlitepct.Register(d); err != nil {
		panic(err)
	}
	d.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
		reg, ok := c.(sqlite.AuthorizerRegisterer)
		if !ok {
			return fmt.Errorf("SQLite connection %T has no authorizer", c)
		}
		return reg.RegisterAuthorizer(sqlcheck.SQLiteAuthorizer(nil))
	})
	return d
}()

type sqliteConnector struct{ path string }

func (c sqliteConnector) Connect(ctx context.Context) (driver.Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return openSQLiteConn(c.path)
}

func (c sqliteConnector) Driver() driver.Driver { return cgoDriver }

// sorterCache is the page cache of a read-only connection, in KiB
// (PRAGMA cache_size of -sorterCache). SQLite sorts a GROUP BY or ORDER
// BY in memory up to the cache's size and writes the rest to temporary
// files to merge them back: at the default 2 MiB a GROUP BY over the 100k
// sample's rows (4–5 MB of sorter records) spilled on every question,
// ≈ 10 % of the CPU of a 30-visual sheet. 16 MiB sorts such a question in
// memory; at most that much per SQLite connection, two per pooled
// connection once a question needed the pure-Go build (sqlitecgo.go), so
// at most 32 MiB per pooled connection (DefaultMaxOpenConns per data
// source), and only as the pages read or the rows sorted need it.
const sorterCache = 16 << 10

// ReadOnlyDSN is the modernc.org/sqlite connection string that opens the
// file at path read-only.
func ReadOnlyDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", "query_only(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", fmt.Sprintf("cache_size(%d)", -sorterCache))
	return readOnlyURI(path, q)
}

// readOnlyURI is the URI of the file at path, opened read-only (mode=ro:
// writes fail with SQLITE_READONLY and a missing file is not created),
// with the driver's parameters q.
func readOnlyURI(path string, q url.Values) string {
	q.Set("mode", "ro")
	u := url.URL{Scheme: "file", OmitHost: true, Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	return u.String()
}
