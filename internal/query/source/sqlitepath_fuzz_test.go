package source_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
)

// FuzzResolveSQLitePath checks that whatever name a caller sends, a path
// ResolveSQLitePath accepts is a regular file inside the directory.
func FuzzResolveSQLitePath(f *testing.F) {
	base := f.TempDir()
	dir := filepath.Join(base, "sqlite")
	outside := filepath.Join(base, "outside")
	for _, d := range []string{dir, outside, filepath.Join(dir, "team")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			f.Fatal(err)
		}
	}
	for _, p := range []string{filepath.Join(dir, "sales.sqlite"), filepath.Join(dir, "team", "q1.db"), filepath.Join(outside, "secret.sqlite")} {
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			f.Fatal(err)
		}
	}
	os.Symlink(filepath.Join(outside, "secret.sqlite"), filepath.Join(dir, "escape.sqlite"))
	os.Symlink(outside, filepath.Join(dir, "outdir"))
	os.Symlink("sales.sqlite", filepath.Join(dir, "alias.sqlite"))
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"sales.sqlite", "team/q1.db", "../outside/secret.sqlite", "escape.sqlite", "outdir/secret.sqlite", "alias.sqlite", "/etc/passwd", "./sales.sqlite", "team//q1.db", "team/./../sales.sqlite", "", ".", "\x00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got, err := source.ResolveSQLitePath(dir, name)
		if err != nil {
			if got != "" {
				t.Fatalf("ResolveSQLitePath(%q) = %q with error %v", name, got, err)
			}
			return
		}
		if !strings.HasPrefix(got, root+string(filepath.Separator)) {
			t.Fatalf("ResolveSQLitePath(%q) = %q, outside %q", name, got, root)
		}
		if fi, err := os.Lstat(got); err != nil || !fi.Mode().IsRegular() {
			t.Fatalf("ResolveSQLitePath(%q) = %q, not a regular file: %v", name, got, err)
		}
		if strings.Contains(got, "outside") {
			t.Fatalf("ResolveSQLitePath(%q) = %q", name, got)
		}
	})
}
