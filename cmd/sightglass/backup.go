package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sightglass/sightglass/internal/backup"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/server"
)

// errPostgresBackup is the answer to a backup of the PostgreSQL store.
var errPostgresBackup = errors.New(`admin backup: the PostgreSQL store is backed up with PostgreSQL's own tools (pg_dump, or your provider's snapshots), not by sightglass.
Back up with it, alongside the database, the secret key (SIGHTGLASS_SECRET_KEY or <data-dir>/secret.key), which decrypts data-source credentials`)

// adminBackup copies the SQLite store (online), the SPICE files it names
// and the secret key into a new directory with a checksummed manifest.
func adminBackup(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg := server.DefaultConfig()
	fs := flag.NewFlagSet("admin backup", flag.ContinueOnError)
	storeFlags(fs, &cfg)
	var to string
	fs.StringVar(&to, "to", "", "new (or empty) directory to write the backup into")
	if err := parse(fs, args, getenv, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("admin backup: unexpected arguments %q", fs.Args())
	}
	if to == "" {
		return errors.New("admin backup: --to is required")
	}
	if cfg.Postgres != "" {
		return errPostgresBackup
	}
	m, err := backup.Create(ctx, backup.Options{DataDir: cfg.DataDir, KeyFromEnvironment: getenv(secretbox.EnvKey) != ""}, to)
	if err != nil {
		return fmt.Errorf("admin backup: %w", err)
	}
	var size int64
	for _, f := range m.Files {
		size += f.Size
	}
	fmt.Fprintf(stdout, "backup of %s written to %s: %d files, %d bytes (store, %d SPICE files)\n", cfg.DataDir, to, len(m.Files), size, spiceFiles(m))
	sources := cfg.DataSourceDir
	if sources == "" {
		sources = filepath.Join(cfg.DataDir, "sources")
	}
	if entries, err := os.ReadDir(sources); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "note: the files SQLITE data sources read (%s) are not in the backup; copy them with the tool that writes them\n", sources)
	}
	if m.SecretKey == "file" {
		fmt.Fprintf(stderr, "warning: %s/%s is the key that decrypts the data sources' credentials: keep the backup as safe as the server itself\n", to, backup.KeyFile)
	} else {
		fmt.Fprintf(stderr, "warning: the secret key comes from %s and is not in the backup; without it the data sources' credentials cannot be decrypted\n", secretbox.EnvKey)
	}
	return nil
}

func spiceFiles(m *backup.Manifest) int {
	n := 0
	for _, f := range m.Files {
		if f.Path != backup.StoreFile && f.Path != backup.KeyFile {
			n++
		}
	}
	return n
}

// adminRestore verifies a backup and lays it out as a new data directory.
func adminRestore(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("admin restore", flag.ContinueOnError)
	var from, dataDir string
	fs.StringVar(&from, "from", "", "backup directory (written by admin backup)")
	fs.StringVar(&dataDir, "data-dir", "", "new (or empty) data directory to restore into")
	if err := parse(fs, args, getenv, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("admin restore: unexpected arguments %q", fs.Args())
	}
	if from == "" || dataDir == "" {
		return errors.New("admin restore: --from and --data-dir are required")
	}
	m, err := backup.Restore(ctx, from, dataDir)
	if err != nil {
		return fmt.Errorf("admin restore: %w", err)
	}
	fmt.Fprintf(stdout, "restored the backup of %s (%d files, checksums verified) into %s\nserve it with: sightglass serve --data-dir %s\n",
		m.CreatedAt.Format("2006-01-02T15:04:05Z"), len(m.Files), dataDir, dataDir)
	if m.SecretKey == "environment" {
		fmt.Fprintf(stderr, "note: the backup has no secret key: start the server with the same %s\n", secretbox.EnvKey)
	}
	return nil
}
