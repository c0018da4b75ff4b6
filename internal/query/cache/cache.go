// Package cache keeps query results in memory, bounded by a number of
// entries and an approximate number of bytes, and evicts the least recently
// used. Identical misses that arrive together are computed once
// (GetOrCompute), and a whole dataset's results are dropped at once by key
// prefix when it changes (InvalidatePrefix). A result may also carry a
// maximum age, counted from when its computation started
// (GetOrComputeWithin).
package cache

import (
	"container/list"
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/sightglass/sightglass/internal/query/source"
)

// Cache is an LRU cache of query results. It is safe for concurrent use.
// Results it returns are shared: callers must not modify them.
type Cache struct {
	maxEntries int
	maxBytes   int64

	mu      sync.Mutex
	lru     *list.List // of *entry, most recent at the front
	entries map[string]*list.Element
	bytes   int64
	flights map[string]*flight
	stats   Stats
}

type entry struct {
	key  string
	res  *source.Result
	size int64
	// expires is when the result stops being served (zero: never).
	expires time.Time
}

// flight is one computation of a missing key that others may wait for.
type flight struct {
	done        chan struct{}
	res         *source.Result
	err         error
	invalidated bool // the key's prefix was invalidated while computing: do not store
	expires     time.Time
}

// Stats counts what the cache did.
type Stats struct {
	Hits, Misses, Shared, Evictions int64 // Shared: misses served by another caller's computation
	Entries                         int
	Bytes                           int64
}

// New returns a cache that holds at most maxEntries results and about
// maxBytes bytes of them (as source.Result.Size estimates). A result larger
// than maxBytes is never stored.
func New(maxEntries int, maxBytes int64) *Cache {
	return &Cache{
		maxEntries: max(1, maxEntries),
		maxBytes:   max(1, maxBytes),
		lru:        list.New(),
		entries:    map[string]*list.Element{},
		flights:    map[string]*flight{},
	}
}

// Get returns the result stored under key.
func (c *Cache) Get(key string) (*source.Result, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok && el.Value.(*entry).expires.IsZero() {
		c.lru.MoveToFront(el)
		c.stats.Hits++
		return el.Value.(*entry).res, true
	}
	c.stats.Misses++
	return nil, false
}

// Put stores r under key, evicting the least recently used results as
// needed.
func (c *Cache) Put(key string, r *source.Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.put(key, r, time.Time{})
}

func (c *Cache) put(key string, r *source.Result, expires time.Time) {
	if r == nil {
		return
	}
	size := r.Size() + int64(len(key)) + 64
	if el, ok := c.entries[key]; ok {
		c.remove(el)
	}
	if size > c.maxBytes {
		return
	}
	c.entries[key] = c.lru.PushFront(&entry{key: key, res: r, size: size, expires: expires})
	c.bytes += size
	for len(c.entries) > c.maxEntries || c.bytes > c.maxBytes {
		c.remove(c.lru.Back())
		c.stats.Evictions++
	}
}

func (c *Cache) remove(el *list.Element) {
	e := c.lru.Remove(el).(*entry)
	delete(c.entries, e.key)
	c.bytes -= e.size
}

// InvalidatePrefix drops every result whose key starts with prefix, and
// makes computations of such keys that are running now not store theirs.
func (c *Cache) InvalidatePrefix(prefix string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for key, el := range c.entries {
		if strings.HasPrefix(key, prefix) {
			c.remove(el)
		}
	}
	for key, f := range c.flights {
		if strings.HasPrefix(key, prefix) {
			f.invalidated = true
			delete(c.flights, key) // later callers compute afresh
		}
	}
}

// GetOrCompute returns the result stored under key or, on a miss, calls
// compute and stores what it returns. Callers that miss the same key while
// a computation is running wait for it instead of computing again; a
// waiter whose ctx ends stops waiting with ctx's error. Errors are not
// stored. If the computation fails because its own caller's context ended,
// a waiter whose context is still live computes afresh.
func (c *Cache) GetOrCompute(ctx context.Context, key string, compute func() (*source.Result, error)) (*source.Result, error) {
	return c.GetOrComputeWithin(ctx, key, time.Time{}, 0, compute)
}

// GetOrComputeWithin is GetOrCompute for results that may be served for
// at most maxAge after their computation started: now is the caller's
// clock, and a result stored at or before now-maxAge is computed afresh.
// A maxAge of 0 serves results until they are evicted or invalidated.
func (c *Cache) GetOrComputeWithin(ctx context.Context, key string, now time.Time, maxAge time.Duration, compute func() (*source.Result, error)) (*source.Result, error) {
	var expires time.Time
	if maxAge > 0 {
		expires = now.Add(maxAge)
	}
	for {
		c.mu.Lock()
		if el, ok := c.entries[key]; ok && !expired(el.Value.(*entry), now) {
			c.lru.MoveToFront(el)
			c.stats.Hits++
			c.mu.Unlock()
			return el.Value.(*entry).res, nil
		}
		if f, ok := c.flights[key]; ok {
			c.stats.Shared++
			c.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if f.err != nil && isContextError(f.err) && ctx.Err() == nil {
				continue // the computing caller gave up; try again
			}
			return f.res, f.err
		}
		c.stats.Misses++
		if el, ok := c.entries[key]; ok {
			c.remove(el) // expired
		}
		f := &flight{done: make(chan struct{}), expires: expires}
		c.flights[key] = f
		c.mu.Unlock()
		return c.compute(key, f, compute)
	}
}

func (c *Cache) compute(key string, f *flight, compute func() (*source.Result, error)) (res *source.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			f.err = errors.New("cache: the computation panicked")
			c.finish(key, f)
			panic(p)
		}
	}()
	f.res, f.err = compute()
	c.finish(key, f)
	return f.res, f.err
}

func (c *Cache) finish(key string, f *flight) {
	c.mu.Lock()
	if c.flights[key] == f {
		delete(c.flights, key)
	}
	if f.err == nil && f.res != nil && !f.invalidated {
		c.put(key, f.res, f.expires)
	}
	c.mu.Unlock()
	close(f.done)
}

// expired reports whether e may no longer be served at now.
func expired(e *entry, now time.Time) bool {
	return !e.expires.IsZero() && !now.Before(e.expires)
}

func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// Stats returns counters and the current size.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.Entries = len(c.entries)
	s.Bytes = c.bytes
	return s
}

// Len returns the number of stored results.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
