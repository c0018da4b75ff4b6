package backup

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// maxManifest bounds the manifest file read.
const maxManifest = 256 << 20

// Restore verifies the backup in from and writes it into dataDir, which
// must not exist or be empty, as a data directory `sightglass serve
// --data-dir` serves. Nothing is written unless every file's size and
// checksum match the manifest; a failure while writing removes what was
// written.
func Restore(ctx context.Context, from, dataDir string) (*Manifest, error) {
	src, err := os.OpenRoot(from)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	mf, err := src.Open(ManifestName)
	if err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	b, err := io.ReadAll(io.LimitReader(mf, maxManifest+1))
	mf.Close()
	if err != nil {
		return nil, err
	}
	if len(b) > maxManifest {
		return nil, errors.New("restore: manifest too large")
	}
	m, err := ParseManifest(b)
	if err != nil {
		return nil, err
	}
	if err := emptyOrAbsent(dataDir); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	// Verify everything before writing anything.
	for _, f := range m.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := verify(src, f, io.Discard); err != nil {
			return nil, err
		}
	}
	_, statErr := os.Stat(dataDir)
	created := errors.Is(statErr, os.ErrNotExist)
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, err
	}
	if err := restoreFiles(ctx, src, m, dataDir); err != nil {
		if created {
			os.RemoveAll(dataDir)
		} else {
			entries, _ := os.ReadDir(dataDir)
			for _, e := range entries {
				os.RemoveAll(filepath.Join(dataDir, e.Name()))
			}
		}
		return nil, err
	}
	return m, nil
}

func restoreFiles(ctx context.Context, src *os.Root, m *Manifest, dataDir string) error {
	dst, err := os.OpenRoot(dataDir)
	if err != nil {
		return err
	}
	defer dst.Close()
	for _, f := range m.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		rel := filepath.FromSlash(f.Path)
		if dir := filepath.Dir(rel); dir != "." {
			if err := dst.MkdirAll(dir, 0o700); err != nil {
				return err
			}
		}
		out, err := dst.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		err = verify(src, f, out)
		if err == nil {
			err = out.Sync()
		}
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// verify copies the backup's file f to w and checks its size and sum.
func verify(src *os.Root, f File, w io.Writer) error {
	in, err := src.Open(filepath.FromSlash(f.Path))
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer in.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(in, f.Size+1))
	if err != nil {
		return fmt.Errorf("restore: %s: %w", f.Path, err)
	}
	if n != f.Size || hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		return fmt.Errorf("restore: %s does not match the manifest's size and checksum: the backup is damaged or was changed", f.Path)
	}
	return nil
}
