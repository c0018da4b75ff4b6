package source

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"net/netip"
)

// SetLookup makes h resolve host names with f (tests answer for DNS).
func SetLookup(h *HostPolicy, f func(ctx context.Context, host string) ([]netip.Addr, error)) {
	h.lookup = f
}

// OpenDuckDB counts the SPICE files p keeps open.
func (p *Pool) OpenDuckDB() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, e := range p.dbs {
		if e.duckdb {
			n++
		}
	}
	return n
}

// CgoDSN is the connection string of the C build's read-only connections.
var CgoDSN = cgoDSN

// OpenPureGo opens the file at path as a data source's connections did
// before sqlitecgo.go: read-only, through the pure-Go build alone, with
// the percentile functions and the authorizer.
func OpenPureGo(path string) *sql.DB { return sql.OpenDB(pureGoConnector{path}) }

type pureGoConnector struct{ path string }

func (c pureGoConnector) Connect(context.Context) (driver.Conn, error) {
	return sqliteDriver.Open(ReadOnlyDSN(c.path))
}

func (c pureGoConnector) Driver() driver.Driver { return sqliteDriver }
