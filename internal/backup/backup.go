package backup

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// Options say what to back up.
type Options struct {
	// DataDir is the server's data directory: sightglass.db, spice/,
	// secret.key.
	DataDir string
	// KeyFromEnvironment says the secret key is given as
	// SIGHTGLASS_SECRET_KEY, so there is no key file to copy.
	KeyFromEnvironment bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// attempts bounds how often Create starts over when a SPICE file named by
// its snapshot was replaced by a newer ingestion before it was copied.
const attempts = 5

// errReplaced is a SPICE file that went away after the snapshot.
var errReplaced = errors.New("a SPICE file was replaced during the backup")

// Create writes a backup of opts.DataDir into dest, which must not exist or
// be an empty directory. The server may be running.
func Create(ctx context.Context, opts Options, dest string) (*Manifest, error) {
	if err := emptyOrAbsent(dest); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dest, 0o700); err != nil {
		return nil, err
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	m := &Manifest{Format: Format, Store: "sqlite", SecretKey: "file"}
	var err error
	for range attempts {
		os.Remove(filepath.Join(dest, StoreFile))
		os.RemoveAll(filepath.Join(dest, SPICEDir))
		m.CreatedAt = now().UTC().Truncate(time.Second)
		m.Files, err = snapshot(ctx, opts.DataDir, dest)
		if !errors.Is(err, errReplaced) {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	if opts.KeyFromEnvironment {
		m.SecretKey = "environment"
	} else {
		f, err := copyFile(filepath.Join(opts.DataDir, KeyFile), dest, KeyFile)
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("backup: no %s in %s (set SIGHTGLASS_SECRET_KEY if the server gets its key from the environment)", KeyFile, opts.DataDir)
		} else if err != nil {
			return nil, err
		}
		m.Files = append(m.Files, f)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := writeFileSync(filepath.Join(dest, ManifestName), append(b, '\n')); err != nil {
		return nil, err
	}
	return m, nil
}

// snapshot copies the store and the SPICE files its snapshot names.
func snapshot(ctx context.Context, dataDir, dest string) ([]File, error) {
	db := filepath.Join(dest, StoreFile)
	if err := sqlite.Backup(ctx, filepath.Join(dataDir, StoreFile), db); err != nil {
		return nil, err
	}
	if err := os.Chmod(db, 0o600); err != nil {
		return nil, err
	}
	sum, size, err := hashFile(db)
	if err != nil {
		return nil, err
	}
	files := []File{{Path: StoreFile, Size: size, SHA256: sum}}
	copies, err := sqlite.SPICECopies(ctx, db)
	if err != nil {
		return nil, err
	}
	for _, c := range copies {
		rel := path.Join(SPICEDir, c.AccountID, c.DataSetID, c.IngestionID+".duckdb")
		if checkPath(rel) != nil {
			return nil, fmt.Errorf("backup: the store names an unexpected SPICE file %q", rel)
		}
		f, err := copyFile(filepath.Join(dataDir, filepath.FromSlash(rel)), dest, rel)
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s", errReplaced, rel)
		} else if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// copyFile copies src to dir/rel (mode 0600) and returns its entry.
func copyFile(src, dir, rel string) (File, error) {
	in, err := os.Open(src)
	if err != nil {
		return File{}, err
	}
	defer in.Close()
	dst := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return File{}, err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return File{}, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return File{}, err
	}
	return File{Path: rel, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

func hashFile(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

func writeFileSync(p string, b []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// emptyOrAbsent refuses a path that is a file or a non-empty directory.
func emptyOrAbsent(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty; give a new or empty directory", dir)
	}
	return nil
}
