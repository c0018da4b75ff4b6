package backup_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/backup"
)

const sum = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

func manifest(files string, key string) string {
	return `{"format":1,"createdAt":"2026-01-01T00:00:00Z","store":"sqlite","secretKey":"` + key + `","files":[` + files + `]}`
}

func file(path string) string {
	return `{"path":"` + path + `","size":0,"sha256":"` + sum + `"}`
}

func TestParseManifest(t *testing.T) {
	ok := manifest(file("sightglass.db")+","+file("spice/123456789012/sales/i-1.sqlite")+","+file("secret.key"), "file")
	m, err := backup.ParseManifest([]byte(ok))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != 3 || m.Files[1].Path != "spice/123456789012/sales/i-1.sqlite" {
		t.Fatalf("files %+v", m.Files)
	}
	if _, err := backup.ParseManifest([]byte(manifest(file("sightglass.db"), "environment"))); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{
		"parent":         manifest(file("sightglass.db")+","+file("../etc/passwd"), "environment"),
		"parent in":      manifest(file("sightglass.db")+","+file("spice/a/../../x.sqlite"), "environment"),
		"absolute":       manifest(file("sightglass.db")+","+file("/etc/x.sqlite"), "environment"),
		"other file":     manifest(file("sightglass.db")+","+file("credentials"), "environment"),
		"deep":           manifest(file("sightglass.db")+","+file("spice/a/b/c/d.sqlite"), "environment"),
		"dot":            manifest(file("sightglass.db")+","+file("spice/a/./d.sqlite"), "environment"),
		"hidden":         manifest(file("sightglass.db")+","+file("spice/a/.b/d.sqlite"), "environment"),
		"backslash":      manifest(file("sightglass.db")+","+file(`spice/a/b\\\\c/d.sqlite`), "environment"),
		"twice":          manifest(file("sightglass.db")+","+file("sightglass.db"), "environment"),
		"no store":       manifest(file("secret.key"), "file"),
		"key missing":    manifest(file("sightglass.db"), "file"),
		"key unexpected": manifest(file("sightglass.db")+","+file("secret.key"), "environment"),
		"short sum":      manifest(`{"path":"sightglass.db","size":0,"sha256":"abc"}`, "environment"),
		"negative size":  manifest(`{"path":"sightglass.db","size":-1,"sha256":"`+sum+`"}`, "environment"),
		"format":         strings.Replace(ok, `"format":1`, `"format":2`, 1),
		"store":          strings.Replace(ok, `"store":"sqlite"`, `"store":"postgresql"`, 1),
		"unknown member": strings.Replace(ok, `"format":1`, `"format":1,"extra":true`, 1),
		"trailing":       ok + `{}`,
		"not json":       "manifest",
	} {
		if _, err := backup.ParseManifest([]byte(bad)); err == nil {
			t.Errorf("%s: accepted %s", name, bad)
		}
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(manifest(file("sightglass.db")+","+file("spice/123456789012/sales/i-1.sqlite")+","+file("secret.key"), "file")))
	f.Add([]byte(manifest(file("sightglass.db")+","+file("../x"), "environment")))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := backup.ParseManifest(b)
		if err != nil {
			return
		}
		for _, fl := range m.Files {
			p := fl.Path
			if strings.HasPrefix(p, "/") || strings.Contains(p, `\`) || slices.Contains(strings.Split(p, "/"), "..") {
				t.Fatalf("accepted path %q", p)
			}
			if p != "sightglass.db" && p != "secret.key" && !strings.HasPrefix(p, "spice/") {
				t.Fatalf("accepted path %q outside the layout", p)
			}
		}
	})
}
