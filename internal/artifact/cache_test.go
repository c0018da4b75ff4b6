package artifact_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/sightglass/sightglass/internal/artifact"
)

// fetchOf returns a fetch that writes data and counts its calls.
func fetchOf(data []byte, calls *atomic.Int32) artifact.Fetch {
	return func(ctx context.Context, w io.Writer) (int64, error) {
		calls.Add(1)
		n, err := w.Write(data)
		return int64(n), err
	}
}

func files(t *testing.T, dir string) []string {
	var names []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			names = append(names, rel)
		}
		return nil
	})
	return names
}

func TestCacheFetchesOnce(t *testing.T) {
	dir := t.TempDir()
	c := artifact.NewCache(dir, 0)
	path := filepath.Join(dir, "acct", "ds", "ing.sqlite")
	var calls atomic.Int32
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			got, err := c.Path(t.Context(), path, fetchOf([]byte("spice bytes"), &calls))
			if err != nil || got != path {
				t.Errorf("Path: %q, %v", got, err)
			}
		})
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Fatalf("%d fetches for 16 concurrent callers, want 1", n)
	}
	if b, _ := os.ReadFile(path); string(b) != "spice bytes" {
		t.Fatalf("file holds %q", b)
	}
	// Deleted behind the cache's back: fetched again.
	os.Remove(path)
	if _, err := c.Path(t.Context(), path, fetchOf([]byte("again"), &calls)); err != nil || calls.Load() != 2 {
		t.Fatalf("refetch: %v, %d calls", err, calls.Load())
	}
}

func TestCacheFailedFetchLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	c := artifact.NewCache(dir, 0)
	path := filepath.Join(dir, "a", "b", "ing.sqlite")
	_, err := c.Path(t.Context(), path, func(ctx context.Context, w io.Writer) (int64, error) {
		w.Write([]byte("half"))
		return 4, errors.New("checksum mismatch")
	})
	if err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Fatalf("Path: %v", err)
	}
	if f := files(t, dir); len(f) != 0 {
		t.Fatalf("files left after a failed fetch: %v", f)
	}
	if c.Bytes() != 0 {
		t.Fatalf("cache counts %d bytes", c.Bytes())
	}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	dir := t.TempDir()
	c := artifact.NewCache(dir, 25)
	var calls atomic.Int32
	ten := bytes.Repeat([]byte("x"), 10)
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, name := range []string{"a", "b"} {
		if _, err := c.Path(t.Context(), p(name), fetchOf(ten, &calls)); err != nil {
			t.Fatal(err)
		}
	}
	// a is used again: b is now the least recently used.
	if _, err := c.Path(t.Context(), p("a"), fetchOf(ten, &calls)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Path(t.Context(), p("c"), fetchOf(ten, &calls)); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(files(t, dir), ","); got != "a,c" {
		t.Fatalf("files after eviction: %s, want a,c", got)
	}
	if c.Bytes() != 20 {
		t.Fatalf("cache counts %d bytes, want 20", c.Bytes())
	}
	// A file larger than the limit is kept while it is the newest.
	big := bytes.Repeat([]byte("y"), 40)
	if _, err := c.Path(t.Context(), p("big"), fetchOf(big, &calls)); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(files(t, dir), ","); got != "big" {
		t.Fatalf("files after a large fetch: %s, want big", got)
	}
	// A new cache counts what the directory holds.
	if n := artifact.NewCache(dir, 25).Bytes(); n != 40 {
		t.Fatalf("a new cache counts %d bytes, want 40", n)
	}
}

func TestCacheWaiterOutlivesCancelledFetcher(t *testing.T) {
	dir := t.TempDir()
	c := artifact.NewCache(dir, 0)
	path := filepath.Join(dir, "ing")
	started, release := make(chan struct{}), make(chan struct{})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		_, err := c.Path(ctx, path, func(ctx context.Context, w io.Writer) (int64, error) {
			close(started)
			<-release
			return 0, ctx.Err()
		})
		done <- err
	}()
	<-started
	var calls atomic.Int32
	waiter := make(chan error, 1)
	go func() {
		_, err := c.Path(t.Context(), path, fetchOf([]byte("ok"), &calls))
		waiter <- err
	}()
	cancel()
	close(release)
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled fetcher: %v", err)
	}
	if err := <-waiter; err != nil || calls.Load() != 1 {
		t.Fatalf("waiter: %v after %d fetches, want its own fetch", err, calls.Load())
	}
}
