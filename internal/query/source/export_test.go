package source

import (
	"context"
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
