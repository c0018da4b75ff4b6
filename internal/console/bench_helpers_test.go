package console

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/sampledata"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// sampleBench is an app on a fresh SQLite store with the 100k-row sample
// data, for the console's benchmarks; results is its result cache, which
// a benchmark empties to measure uncached work.
type sampleBench struct {
	app     *app.App
	boot    *app.Bootstrapped
	results *cache.Cache
}

// newSampleBench bootstraps benchAccount (dataseteditor_bench_test.go)
// and creates the sample data.
func newSampleBench(b *testing.B) *sampleBench {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "sightglass.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := app.New(store, "us-east-1")
	box, _ := secretbox.New(bytes.Repeat([]byte{1}, secretbox.KeySize))
	results := cache.New(1000, 64<<20)
	a.ConfigureData(app.DataConfig{Secrets: box, DataSourceDir: dir, SPICEDir: filepath.Join(dir, "spice"), Cache: results})
	b.Cleanup(func() { a.Close() })
	boot, err := a.Bootstrap(ctx, benchAccount)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := a.CreateSampleData(ctx, benchAccount, sampledata.DefaultRows); err != nil {
		b.Fatal(err)
	}
	return &sampleBench{app: a, boot: boot, results: results}
}

// console starts the console over the bench's app and signs its admin in
// under session.
func (sb *sampleBench) console(b *testing.B, session *sg.Session) (*Console, *signedIn) {
	b.Helper()
	c, err := New(Config{App: sb.app})
	if err != nil {
		b.Fatal(err)
	}
	return c, &signedIn{Console: &app.Console{Session: session, User: sb.boot.User}}
}

// benchSession is the session the console benchmarks sign in under.
func benchSession() *sg.Session {
	return &sg.Session{EmbedID: "0123456789abcdef0123456789abcdef", AccountID: benchAccount}
}
