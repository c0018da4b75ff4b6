package backup_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/backup"
)

// dataDir makes a data directory whose store names one SPICE copy, written
// only when withFile.
func dataDir(t *testing.T, withFile bool) string {
	t.Helper()
	dir := t.TempDir()
	db, err := sql.Open("sqlite", filepath.Join(dir, "sightglass.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`CREATE TABLE data_sets (account_id TEXT, id TEXT, spice_ingestion_id TEXT)`,
		`INSERT INTO data_sets VALUES ('123456789012', 'sales', 'i-1'), ('123456789012', 'direct', '')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if withFile {
		p := filepath.Join(dir, "spice", "123456789012", "sales", "i-1.duckdb")
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("spice copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.key"), []byte("key"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCreate(t *testing.T) {
	ctx := context.Background()
	src := dataDir(t, true)
	dest := filepath.Join(t.TempDir(), "b")
	m, err := backup.Create(ctx, backup.Options{DataDir: src}, dest)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range m.Files {
		paths = append(paths, f.Path)
	}
	if strings.Join(paths, " ") != "sightglass.db spice/123456789012/sales/i-1.duckdb secret.key" || m.SecretKey != "file" {
		t.Fatalf("files %v, key %s", paths, m.SecretKey)
	}
	// Into a non-empty directory: refused.
	if _, err := backup.Create(ctx, backup.Options{DataDir: src}, dest); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("backup into a non-empty directory: %v", err)
	}
	// With the key from the environment: no key file in the backup.
	m, err = backup.Create(ctx, backup.Options{DataDir: src, KeyFromEnvironment: true}, filepath.Join(t.TempDir(), "b"))
	if err != nil || m.SecretKey != "environment" || len(m.Files) != 2 {
		t.Fatalf("key from the environment: %+v %v", m, err)
	}
}

// TestCreateSPICEFileGone: a SPICE file the snapshot names but that is gone
// (a newer ingestion replaced it) makes the backup start over, and fail
// clearly when it never appears.
func TestCreateSPICEFileGone(t *testing.T) {
	src := dataDir(t, false)
	_, err := backup.Create(context.Background(), backup.Options{DataDir: src}, filepath.Join(t.TempDir(), "b"))
	if err == nil || !strings.Contains(err.Error(), "a SPICE file was replaced during the backup: spice/123456789012/sales/i-1.duckdb") {
		t.Fatalf("backup with a SPICE file gone: %v", err)
	}
}
