package app

import (
	"crypto/sha256"
	"encoding/json"
	"sync"

	"github.com/sightglass/sightglass/internal/definition"
)

// definitionCacheMax bounds the parsed definitions kept; the cache starts
// over when it is full.
const definitionCacheMax = 256

// definitionCache keeps parsed definitions by the SHA-256 of their stored
// bytes, so the console does not parse the same definition (about 1 ms for
// a 16 KB one) on every page and control change. Keyed by content, an entry
// is never stale: a changed analysis has other bytes. Parsed definitions are
// shared and must not be modified.
type definitionCache struct {
	mu sync.Mutex
	m  map[[sha256.Size]byte]*definition.Definition
}

// parseStored parses a stored definition through the cache; a resource
// created without one (by older code or tests) has an empty definition.
func (a *App) parseStored(raw json.RawMessage) (*definition.Definition, error) {
	if raw == nil {
		return &definition.Definition{}, nil
	}
	c := &a.definitions
	key := sha256.Sum256(raw)
	c.mu.Lock()
	def, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return def, nil
	}
	def, err := definition.Parse(raw)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= definitionCacheMax {
		c.m = make(map[[sha256.Size]byte]*definition.Definition)
	}
	c.m[key] = def
	c.mu.Unlock()
	return def, nil
}
