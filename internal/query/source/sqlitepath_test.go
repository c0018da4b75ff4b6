package source_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
)

func TestResolveSQLitePath(t *testing.T) {
	outside := t.TempDir()
	mustWrite(t, filepath.Join(outside, "secret.sqlite"))
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "sales.sqlite"))
	if err := os.Mkdir(filepath.Join(dir, "team"), 0o700); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "team", "q1.db"))
	mustLink(t, filepath.Join(outside, "secret.sqlite"), filepath.Join(dir, "escape.sqlite"))
	mustLink(t, outside, filepath.Join(dir, "outdir"))
	mustLink(t, filepath.Join(dir, "sales.sqlite"), filepath.Join(dir, "alias.sqlite"))
	mustLink(t, "../"+filepath.Base(outside)+"/secret.sqlite", filepath.Join(dir, "relescape.sqlite"))

	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		want string // resolved path, relative to dir
	}{
		{"sales.sqlite", "sales.sqlite"},
		{"team/q1.db", "team/q1.db"},
		{"./team/../sales.sqlite", ""}, // ".." is refused even when it stays inside
		{"alias.sqlite", "sales.sqlite"},
	} {
		got, err := source.ResolveSQLitePath(dir, tc.name)
		if tc.want == "" {
			if !errors.Is(err, source.ErrSQLitePathEscapes) {
				t.Errorf("ResolveSQLitePath(%q) = %q, %v; want ErrSQLitePathEscapes", tc.name, got, err)
			}
			continue
		}
		if err != nil || got != filepath.Join(realDir, tc.want) {
			t.Errorf("ResolveSQLitePath(%q) = %q, %v; want %q", tc.name, got, err, filepath.Join(realDir, tc.want))
		}
	}
	for _, name := range []string{
		"../" + filepath.Base(outside) + "/secret.sqlite",
		filepath.Join(outside, "secret.sqlite"),
		"escape.sqlite",
		"relescape.sqlite",
		"outdir/secret.sqlite",
		"team/../../x.sqlite",
		"..",
		".",
		"",
		"a\x00b",
	} {
		if got, err := source.ResolveSQLitePath(dir, name); !errors.Is(err, source.ErrSQLitePathEscapes) {
			t.Errorf("ResolveSQLitePath(%q) = %q, %v; want ErrSQLitePathEscapes", name, got, err)
		}
	}
	if _, err := source.ResolveSQLitePath(dir, "missing.sqlite"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want os.ErrNotExist", err)
	}
	if _, err := source.ResolveSQLitePath(dir, "team"); err == nil || errors.Is(err, source.ErrSQLitePathEscapes) {
		t.Errorf("directory: %v, want a not-a-regular-file error", err)
	}
}

func mustWrite(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
