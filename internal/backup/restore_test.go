package backup_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/backup"
)

// writeBackup writes a backup directory whose manifest lists files with
// the given contents (the checksums match).
func writeBackup(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	m := backup.Manifest{Format: backup.Format, CreatedAt: time.Now().UTC(), Store: "sqlite", SecretKey: "environment"}
	for p, b := range files {
		sum := sha256.Sum256(b)
		m.Files = append(m.Files, backup.File{Path: p, Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:])})
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := json.Marshal(m)
	if err := os.WriteFile(filepath.Join(dir, backup.ManifestName), b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	dir := writeBackup(t, map[string][]byte{"sightglass.db": []byte("db"), "spice/123456789012/ds/i1.sqlite": []byte("spice")})
	target := filepath.Join(t.TempDir(), "data")
	if _, err := backup.Restore(ctx, dir, target); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{"sightglass.db": "db", "spice/123456789012/ds/i1.sqlite": "spice"} {
		b, err := os.ReadFile(filepath.Join(target, filepath.FromSlash(p)))
		if err != nil || string(b) != want {
			t.Errorf("%s: %q %v", p, b, err)
		}
	}
	// A file of the backup that is a link out of it is not followed, even
	// when its target's checksum is the manifest's.
	outside := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(outside, []byte("spice"), 0o600); err != nil {
		t.Fatal(err)
	}
	spice := filepath.Join(dir, "spice", "123456789012", "ds", "i1.sqlite")
	os.Remove(spice)
	if err := os.Symlink(outside, spice); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "data")
	if _, err := backup.Restore(ctx, dir, other); err == nil {
		t.Fatal("restore followed a link out of the backup")
	}
	if _, err := os.Stat(other); !os.IsNotExist(err) {
		t.Fatalf("a refused restore created its target: %v", err)
	}
	// A damaged manifest.
	if err := os.WriteFile(filepath.Join(dir, backup.ManifestName), []byte(`{"format":1`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Restore(ctx, dir, other); err == nil || !strings.Contains(err.Error(), "manifest") {
		t.Fatalf("damaged manifest: %v", err)
	}
}
