package app

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// TestDirectQueryAnswerExpiresAfterItsOwnMinute checks, on the app's
// clock, that a DIRECT_QUERY answer is served for DirectQueryCacheWindow
// after it was computed — not until the end of the clock minute it was
// computed in — and is computed afresh after that.
func TestDirectQueryAnswerExpiresAfterItsOwnMinute(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "sightglass.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	a := New(store, "us-east-1")
	clock := time.Date(2026, 3, 1, 12, 0, 59, 0, time.UTC) // the last second of a minute
	a.Now = func() time.Time { return clock }
	box, _ := secretbox.New(bytes.Repeat([]byte{1}, secretbox.KeySize))
	a.ConfigureData(DataConfig{Secrets: box, DataSourceDir: dir, SPICEDir: filepath.Join(dir, "spice")})
	t.Cleanup(func() { a.Close() })
	if _, err := a.Bootstrap(ctx, "123456789012"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.CreateSampleData(ctx, "123456789012", 200); err != nil {
		t.Fatal(err)
	}
	ask := func() {
		t.Helper()
		if _, err := a.QueryDataSet(ctx, nil, "123456789012", SampleDataSetID, regionByMonth); err != nil {
			t.Fatal(err)
		}
	}
	misses := func() int64 { return a.data.cache.Stats().Misses }
	ask()
	if got := misses(); got != 1 {
		t.Fatalf("first question: %d misses, want 1", got)
	}
	for _, step := range []struct {
		after  time.Duration
		misses int64
	}{
		{time.Second, 1}, // next clock minute: still fresh
		{DirectQueryCacheWindow - time.Nanosecond, 1},   // just under a minute old
		{DirectQueryCacheWindow, 2},                     // a minute old: computed again
		{2*DirectQueryCacheWindow - time.Nanosecond, 2}, // the new answer is fresh
		{2 * DirectQueryCacheWindow, 3},                 // and expires a minute after it was computed
	} {
		clock = time.Date(2026, 3, 1, 12, 0, 59, 0, time.UTC).Add(step.after)
		ask()
		if got := misses(); got != step.misses {
			t.Fatalf("at +%s: %d misses, want %d", step.after, got, step.misses)
		}
	}
}
