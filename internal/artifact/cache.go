package artifact

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Fetch writes an artifact's bytes to w (from the shared store) and
// returns how many it wrote. An error means w holds nothing usable.
type Fetch func(ctx context.Context, w io.Writer) (int64, error)

// Cache is a directory of local artifact copies bounded by size. Copies
// are files under dir named by their caller (one per ingestion); Cache
// tracks their sizes and last use. It is safe for concurrent use, and
// fetches one file once however many callers ask for it together.
type Cache struct {
	dir      string
	maxBytes int64
	now      func() time.Time

	mu      sync.Mutex
	entries map[string]*entry // by path
	total   int64
	flight  map[string]*fetchCall
}

type entry struct {
	size    int64
	lastUse time.Time
}

type fetchCall struct {
	done chan struct{}
	err  error
}

// NewCache returns a cache of the files under dir, at most maxBytes in
// all (≤ 0: no limit). It counts the regular files already there (those
// whose names do not start with a dot: temporary files are not copies),
// oldest modification first in line for eviction.
func NewCache(dir string, maxBytes int64) *Cache {
	c := &Cache{dir: dir, maxBytes: maxBytes, now: time.Now, entries: map[string]*entry{}, flight: map[string]*fetchCall{}}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
			c.entries[path] = &entry{size: info.Size(), lastUse: info.ModTime()}
			c.total += info.Size()
		}
		return nil
	})
	return c
}

// Bytes returns the bytes the cache holds.
func (c *Cache) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

// Add records a file written into the cache by its caller (the node that
// ran the ingestion keeps its own file) and evicts others if needed.
func (c *Cache) Add(path string) {
	info, err := os.Stat(path)
	if err != nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.put(path, info.Size())
}

// Remove deletes a file from the cache and the disk.
func (c *Cache) Remove(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[path]; ok {
		c.total -= e.size
		delete(c.entries, path)
	}
	os.Remove(path)
}

// Path returns path once the file is there: at once when the cache holds
// it, else after fetch wrote it to a temporary file beside path that is
// then renamed to path. A failed or cancelled fetch leaves no file.
func (c *Cache) Path(ctx context.Context, path string, fetch Fetch) (string, error) {
	for {
		c.mu.Lock()
		if e, ok := c.entries[path]; ok {
			if _, err := os.Stat(path); err == nil {
				e.lastUse = c.now()
				c.mu.Unlock()
				return path, nil
			}
			// Deleted behind the cache's back (its dataset was): fetch
			// it again.
			c.total -= e.size
			delete(c.entries, path)
		}
		if call, ok := c.flight[path]; ok {
			c.mu.Unlock()
			select {
			case <-call.done:
			case <-ctx.Done():
				return "", ctx.Err()
			}
			if call.err != nil && (ctx.Err() != nil || !isContextError(call.err)) {
				return "", call.err
			}
			continue // fetched, or the fetcher's request ended: look again
		}
		call := &fetchCall{done: make(chan struct{})}
		c.flight[path] = call
		c.mu.Unlock()

		size, err := c.fetch(ctx, path, fetch)
		c.mu.Lock()
		delete(c.flight, path)
		if err == nil {
			c.put(path, size)
		}
		call.err = err
		close(call.done)
		c.mu.Unlock()
		if err != nil {
			return "", err
		}
		return path, nil
	}
}

// fetch writes the file through a temporary name.
func (c *Cache) fetch(ctx context.Context, path string, fetch Fetch) (int64, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return 0, err
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".fetch."+hex.EncodeToString(rnd[:])+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, err
	}
	size, err := fetch(ctx, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return 0, err
	}
	return size, nil
}

// put records path and evicts the least recently used other files until
// the total fits. Callers hold c.mu.
func (c *Cache) put(path string, size int64) {
	if e, ok := c.entries[path]; ok {
		c.total -= e.size
	}
	c.entries[path] = &entry{size: size, lastUse: c.now()}
	c.total += size
	for c.maxBytes > 0 && c.total > c.maxBytes {
		victim, oldest := "", time.Time{}
		for p, e := range c.entries {
			if p != path && (victim == "" || e.lastUse.Before(oldest)) {
				victim, oldest = p, e.lastUse
			}
		}
		if victim == "" {
			return // path alone is over the limit: keep it, it is in use
		}
		c.total -= c.entries[victim].size
		delete(c.entries, victim)
		if err := os.Remove(victim); err != nil && !errors.Is(err, fs.ErrNotExist) {
			continue
		}
	}
}

func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
