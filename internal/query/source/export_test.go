package source

import (
	"context"
	"net/netip"
)

// SetLookup makes h resolve host names with f (tests answer for DNS).
func SetLookup(h *HostPolicy, f func(ctx context.Context, host string) ([]netip.Addr, error)) {
	h.lookup = f
}
