package app

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/artifact"
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
	// Hosts are the hosts PostgreSQL and MySQL data sources may connect
	// to; nil allows none. It is the policy of the pool ConfigureData
	// creates; a Pool given below carries its own.
	Hosts *source.HostPolicy
	// Pool is the connection pool; nil means a new one with default
	// options and Hosts.
	Pool *source.Pool
	// Cache holds query results; nil means a new one of
	// DefaultCacheEntries and DefaultCacheBytes.
	Cache *cache.Cache
	// Ingestion bounds each SPICE ingestion.
	Ingestion IngestionLimits
	// Artifacts keeps finished SPICE artifacts for every node (the
	// PostgreSQL store); nil keeps them in SPICEDir alone (one node).
	Artifacts sg.ArtifactStore
	// SPICECacheBytes bounds the local copies of artifacts in SPICEDir
	// when Artifacts is set (≤ 0: DefaultSPICECacheBytes).
	SPICECacheBytes int64
	// Jobs sets the ingestion leases and the refresh scheduler.
	Jobs JobConfig
}

// JobConfig sets how nodes share ingestions and scheduled refreshes.
type JobConfig struct {
	// NodeID names this process in the leases it holds; "" means a
	// random one.
	NodeID string
	// LeaseTTL is how long an ingestion's lease lasts unless renewed; the
	// running node renews it every third of it. A node that dies loses
	// its ingestions' leases after at most this long, and another node
	// retries them.
	LeaseTTL time.Duration
	// MaxAttempts is how many nodes may try one ingestion before it
	// fails.
	MaxAttempts int
	// ScheduleTick is how often the node looks for due refresh runs (and
	// for expired leases, at most every LeaseTTL/2).
	ScheduleTick time.Duration
}

// Job defaults.
const (
	DefaultLeaseTTL        = 30 * time.Second
	DefaultMaxAttempts     = 3
	DefaultScheduleTick    = 15 * time.Second
	DefaultSPICECacheBytes = 20 << 30
)

func (j JobConfig) withDefaults() JobConfig {
	if j.NodeID == "" {
		j.NodeID = randomUUID()
	}
	if j.LeaseTTL <= 0 {
		j.LeaseTTL = DefaultLeaseTTL
	}
	if j.MaxAttempts <= 0 {
		j.MaxAttempts = DefaultMaxAttempts
	}
	if j.ScheduleTick <= 0 {
		j.ScheduleTick = DefaultScheduleTick
	}
	return j
}

// IngestionLimits bound one SPICE ingestion: the rows it imports, their
// logical size (see spice.Stats) and its wall time once running. Past one, the ingestion ends FAILED with
// DATA_SET_SIZE_LIMIT_EXCEEDED or QUERY_TIMEOUT and its file is deleted.
// Zero values mean the defaults.
type IngestionLimits struct {
	MaxRows  int64
	MaxBytes int64
	Timeout  time.Duration
	// Capacity is each account's SPICE capacity: the logical bytes its
	// datasets' SPICE copies may take together. An ingestion that would
	// pass it ends FAILED with ACCOUNT_CAPACITY_LIMIT_EXCEEDED.
	Capacity int64
	// Concurrent ingestions run at once on a node; further ones wait,
	// QUEUED. Queue bounds the ingestions a node holds, running or
	// queued: CreateIngestion past it is refused (LimitExceededException).
	Concurrent, Queue int
}

// Default ingestion limits.
const (
	DefaultIngestionMaxRows    = 100_000_000
	DefaultIngestionMaxBytes   = 10 << 30
	DefaultIngestionTimeout    = 2 * time.Hour
	DefaultSPICECapacity       = 100 << 30
	DefaultIngestionConcurrent = 2
	DefaultIngestionQueue      = 64
)

func (l IngestionLimits) withDefaults() IngestionLimits {
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultIngestionMaxRows
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultIngestionMaxBytes
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultIngestionTimeout
	}
	if l.Concurrent <= 0 {
		l.Concurrent = DefaultIngestionConcurrent
	}
	if l.Queue <= 0 {
		l.Queue = DefaultIngestionQueue
	}
	if l.Capacity <= 0 {
		l.Capacity = DefaultSPICECapacity
	}
	return l
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
	// rowRules holds parsed row-level security rules by rules dataset
	// version (see rowRules).
	rowRules     sync.Map
	rowRuleCount atomic.Int64
	once         sync.Once
	// spiceCache holds the local copies of artifacts (nil without
	// cfg.Artifacts).
	spiceCache *artifact.Cache
	jobs       *jobRunner
}

// ConfigureData enables the data-source, dataset and ingestion rules. It
// must be called once, before the App serves requests.
func (a *App) ConfigureData(cfg DataConfig) {
	pool := cfg.Pool
	if pool == nil {
		hosts := cfg.Hosts
		if hosts == nil {
			hosts = &source.HostPolicy{} // allows no host
		}
		pool = source.NewPool(source.Options{Hosts: hosts})
	}
	c := cfg.Cache
	if c == nil {
		c = cache.New(DefaultCacheEntries, DefaultCacheBytes)
	}
	cfg.Ingestion = cfg.Ingestion.withDefaults()
	cfg.Jobs = cfg.Jobs.withDefaults()
	if cfg.SPICECacheBytes <= 0 {
		cfg.SPICECacheBytes = DefaultSPICECacheBytes
	}
	a.data = &data{cfg: cfg, pool: pool, cache: c}
	if cfg.Artifacts != nil {
		a.data.spiceCache = artifact.NewCache(cfg.SPICEDir, cfg.SPICECacheBytes)
	}
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
		if a.data.jobs != nil {
			a.data.jobs.stop()
		}
		a.data.ingests.stop()
		err = a.data.pool.Close()
	})
	return err
}

// RecoverIngestions deletes the temporary files that a previous process
// left (it stopped or crashed mid-ingestion). The ingestions themselves
// are not touched: their leases expire and the job runner (StartJobs)
// retries or fails them, on whichever node finds them first. The server
// calls it on start, before any ingestion runs.
func (a *App) RecoverIngestions(ctx context.Context) int {
	n := a.removeLeftoverSPICE()
	if n > 0 {
		slog.Warn("removed temporary SPICE files left by unfinished ingestions", "count", n)
	}
	return n
}

// QueryCacheStats returns the query result cache's counters (zero when
// datasets are not configured).
func (a *App) QueryCacheStats() cache.Stats {
	if a.data == nil {
		return cache.Stats{}
	}
	return a.data.cache.Stats()
}
