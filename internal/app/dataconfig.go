package app

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/secretbox"
)

// DataConfig configures the data rules: where SQLite data sources and
// SPICE copies live, the key that seals credentials, and the connection
// pool queries and ingestions share.
type DataConfig struct {
	// Secrets seals data-source credentials. Required.
	Secrets *secretbox.Box
	// DataSourceDir is the operator directory SQLITE data sources name
	// their files in.
	DataSourceDir string
	// SPICEDir holds the ingested copies: <SPICEDir>/<account>/<dataset>/<ingestion>.sqlite.
	SPICEDir string
	// Pool is the connection pool; nil means a new one with default options.
	Pool *source.Pool
	// Cache holds query results; nil means a new one of
	// DefaultCacheEntries and DefaultCacheBytes.
	Cache *cache.Cache
}

// Default size of the query result cache.
const (
	DefaultCacheEntries = 2000
	DefaultCacheBytes   = 128 << 20
)

// data is the App's data state.
type data struct {
	cfg     DataConfig
	pool    *source.Pool
	cache   *cache.Cache
	ingests *ingester
	// relations holds compiled DIRECT_QUERY relations by dataset and data
	// source version (see directRelation).
	relations     sync.Map
	relationCount atomic.Int64
	once          sync.Once
}

// ConfigureData enables the data-source, dataset and ingestion rules. It
// must be called once, before the App serves requests.
func (a *App) ConfigureData(cfg DataConfig) {
	pool := cfg.Pool
	if pool == nil {
		pool = source.NewPool(source.Options{})
	}
	c := cfg.Cache
	if c == nil {
		c = cache.New(DefaultCacheEntries, DefaultCacheBytes)
	}
	a.data = &data{cfg: cfg, pool: pool, cache: c}
	a.data.ingests = newIngester(a)
}

// Close stops the App's background work: it cancels running definition
// checks and ingestions, waits for them, and closes the connection pool.
func (a *App) Close() error {
	a.stopBackground()
	if a.data == nil {
		return nil
	}
	var err error
	a.data.once.Do(func() {
		a.data.ingests.stop()
		err = a.data.pool.Close()
	})
	return err
}

// RecoverIngestions marks ingestions that a previous process left
// unfinished as FAILED. The server calls it on start.
func (a *App) RecoverIngestions(ctx context.Context) (int64, error) {
	return a.Store.FailUnfinishedIngestions(ctx, ingestionInternalError, "The server stopped while the ingestion was running.", a.now())
}

// QueryCacheStats returns the query result cache's counters (zero when
// datasets are not configured).
func (a *App) QueryCacheStats() cache.Stats {
	if a.data == nil {
		return cache.Stats{}
	}
	return a.data.cache.Stats()
}
