package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/metrics"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/secretbox"
)

// ConfigureData enables data sources, datasets and SPICE on a: it creates
// the data-source and SPICE directories, loads (or creates) the key that
// seals credentials and sets the hosts data sources may connect to. The
// admin commands call it too.
func ConfigureData(ctx context.Context, a *app.App, cfg *Config) error {
	// With PostgreSQL, SPICE artifacts go into the store for every node;
	// with SQLite they stay in the data directory.
	var artifacts sg.ArtifactStore
	if st, ok := metrics.Unwrap(a.Store).(sg.ArtifactStore); ok {
		artifacts = st
	}
	if cfg.DataSourceDir == "" {
		cfg.DataSourceDir = filepath.Join(cfg.DataDir, "sources")
	}
	for _, dir := range []string{cfg.DataDir, cfg.DataSourceDir, filepath.Join(cfg.DataDir, "spice")} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
	}
	key, err := secretbox.LoadKey(cfg.SecretKey, cfg.DataDir)
	if err != nil {
		return fmt.Errorf("secret key: %w", err)
	}
	box, err := secretbox.New(key)
	if err != nil {
		return err
	}
	hosts, err := source.ParseHostPolicy(cfg.DataSourceHosts)
	if err != nil {
		return fmt.Errorf("--data-source-hosts: %w", err)
	}
	a.ConfigureData(app.DataConfig{
		Hosts:         hosts,
		Secrets:       box,
		DataSourceDir: cfg.DataSourceDir,
		SPICEDir:      filepath.Join(cfg.DataDir, "spice"),
		Ingestion: app.IngestionLimits{
			MaxRows:    cfg.IngestionMaxRows,
			MaxBytes:   cfg.IngestionMaxBytes,
			Timeout:    cfg.IngestionTimeout,
			Capacity:   cfg.SPICECapacityBytes,
			Concurrent: cfg.IngestionConcurrency,
			Queue:      cfg.IngestionQueue,
		},
		Artifacts:       artifacts,
		SPICECacheBytes: cfg.SPICECacheBytes,
		Jobs:            app.JobConfig{LeaseTTL: cfg.IngestionLease, ScheduleTick: cfg.ScheduleTick},
	})
	return nil
}
