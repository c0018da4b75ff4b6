// Package backup copies a Sightglass data directory while the server runs
// and lays the copy out again as a new data directory.
//
// A backup is a directory holding:
//
//	sightglass.db   the SQLite store, copied online with VACUUM INTO (one
//	                consistent snapshot; no -wal file)
//	spice/…         the SPICE files the snapshot's datasets query, and only
//	                those: <account>/<dataset>/<ingestion>.duckdb
//	secret.key      the key that seals data-source credentials (mode 0600:
//	                whoever holds it can read those credentials); absent
//	                when the key came from SIGHTGLASS_SECRET_KEY
//	manifest.json   the list of files with their sizes and SHA-256 sums
//
// SPICE files never change once written; a newer ingestion writes a new
// file and deletes the old one. So the files named by the snapshot are
// copied after it; if one was replaced in between, the backup starts over
// (a few times) from a new snapshot.
//
// Restore verifies every checksum before it writes anything, refuses a
// target directory that is not empty, and writes the files with the layout
// `sightglass serve --data-dir` expects. The PostgreSQL store is not
// backed up here: its database is backed up with pg_dump.
package backup

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"
)

// ManifestName is the manifest's file name in a backup directory.
const ManifestName = "manifest.json"

// Format is the manifest format written; Restore reads this one only.
const Format = 1

// Files of a backup.
const (
	StoreFile = "sightglass.db"
	KeyFile   = "secret.key"
	SPICEDir  = "spice"
)

// Manifest describes a backup.
type Manifest struct {
	Format    int       `json:"format"`
	CreatedAt time.Time `json:"createdAt"`
	Store     string    `json:"store"` // "sqlite"
	// SecretKey says where the key is: "file" (secret.key in the backup)
	// or "environment" (SIGHTGLASS_SECRET_KEY; not in the backup).
	SecretKey string `json:"secretKey"`
	Files     []File `json:"files"`
}

// File is one file of a backup.
type File struct {
	Path   string `json:"path"` // slash-separated, relative to the backup directory
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // hex
}

// maxFiles bounds the manifest of a backup (one file per SPICE dataset).
const maxFiles = 1 << 20

// ParseManifest decodes and checks a manifest: the format, and every path a
// plain relative path (no "..", no absolute path, no backslash) inside the
// layout of a data directory, listed once, with a SHA-256 sum. A manifest
// is untrusted input: it decides where Restore writes.
func ParseManifest(b []byte) (*Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("backup manifest: %w", err)
	}
	if dec.More() {
		return nil, errors.New("backup manifest: data after the manifest")
	}
	if m.Format != Format {
		return nil, fmt.Errorf("backup manifest: format %d, this version reads format %d", m.Format, Format)
	}
	if m.Store != "sqlite" {
		return nil, fmt.Errorf("backup manifest: store %q, want sqlite", m.Store)
	}
	if m.SecretKey != "file" && m.SecretKey != "environment" {
		return nil, fmt.Errorf("backup manifest: secretKey %q, want file or environment", m.SecretKey)
	}
	if len(m.Files) > maxFiles {
		return nil, errors.New("backup manifest: too many files")
	}
	seen := make(map[string]bool, len(m.Files))
	var hasStore, hasKey bool
	for _, f := range m.Files {
		if err := checkPath(f.Path); err != nil {
			return nil, err
		}
		if seen[f.Path] {
			return nil, fmt.Errorf("backup manifest: %s listed twice", f.Path)
		}
		seen[f.Path] = true
		if f.Size < 0 {
			return nil, fmt.Errorf("backup manifest: %s: negative size", f.Path)
		}
		if b, err := hex.DecodeString(f.SHA256); err != nil || len(b) != 32 {
			return nil, fmt.Errorf("backup manifest: %s: sha256 must be 64 hex digits", f.Path)
		}
		hasStore = hasStore || f.Path == StoreFile
		hasKey = hasKey || f.Path == KeyFile
	}
	if !hasStore {
		return nil, errors.New("backup manifest: no " + StoreFile)
	}
	if hasKey != (m.SecretKey == "file") {
		return nil, errors.New("backup manifest: secretKey does not match the files listed")
	}
	return &m, nil
}

// checkPath accepts sightglass.db, secret.key and
// spice/<account>/<dataset>/<ingestion>.duckdb (.sqlite in backups made
// before SPICE was DuckDB).
func checkPath(p string) error {
	bad := func() error { return fmt.Errorf("backup manifest: path %q is not a file of a data directory", p) }
	if p == StoreFile || p == KeyFile {
		return nil
	}
	if path.Clean(p) != p || strings.ContainsAny(p, "\\\x00:") {
		return bad()
	}
	parts := strings.Split(p, "/")
	if len(parts) != 4 || parts[0] != SPICEDir || !strings.HasSuffix(parts[3], ".duckdb") && !strings.HasSuffix(parts[3], ".sqlite") {
		return bad()
	}
	for _, s := range parts[1:] {
		if s == "" || s == "." || s == ".." || strings.HasPrefix(s, ".") || len(s) > 255 {
			return bad()
		}
	}
	return nil
}
