package sigv4

import (
	"strings"
	"sync"
)

// DefaultKeyCacheSize is the number of derived signing keys a Verifier
// keeps when [Verifier.KeyCacheSize] is zero.
const DefaultKeyCacheSize = 4096

// keyCacheKey identifies a derived signing key. The fields of a lookup key
// are substrings of the request; they are cloned before being stored.
type keyCacheKey struct {
	accessKeyID, date, region, service string
}

// keyCacheEntry is a derived key and the secret it was derived from, so a
// rotated secret is never served a stale key.
type keyCacheEntry struct {
	secret string
	key    [32]byte
}

// keyCache is a small bounded, concurrency-safe map of derived signing
// keys. When full, an arbitrary entry (Go's map iteration order) is evicted
// to make room. The zero value is ready to use.
type keyCache struct {
	mu sync.RWMutex
	m  map[keyCacheKey]keyCacheEntry
}

// get returns the cached key for k if it was derived from secret.
func (c *keyCache) get(k keyCacheKey, secret string) ([32]byte, bool) {
	c.mu.RLock()
	e, ok := c.m[k]
	c.mu.RUnlock()
	if !ok || e.secret != secret {
		return [32]byte{}, false
	}
	return e.key, true
}

// put stores key for k, evicting an arbitrary entry when the cache holds
// max entries already.
func (c *keyCache) put(k keyCacheKey, secret string, key [32]byte, max int) {
	if max <= 0 {
		max = DefaultKeyCacheSize
	}
	k = keyCacheKey{
		accessKeyID: strings.Clone(k.accessKeyID),
		date:        strings.Clone(k.date),
		region:      strings.Clone(k.region),
		service:     strings.Clone(k.service),
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[keyCacheKey]keyCacheEntry)
	}
	if _, exists := c.m[k]; !exists {
		for len(c.m) >= max {
			for old := range c.m {
				delete(c.m, old)
				break
			}
		}
	}
	c.m[k] = keyCacheEntry{secret: secret, key: key}
}

// len reports the number of cached keys.
func (c *keyCache) len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}
