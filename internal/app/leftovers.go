package app

import (
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// removeLeftoverSPICE deletes the temporary files of ingestions that a
// previous process left behind (it stopped or crashed mid-ingestion):
// <SPICEDir>/<account>/<dataset>/.<ingestion>.sqlite.<random>.tmp and
// SQLite's companions of them. It runs on start, before this process
// starts any ingestion, and returns how many files it removed.
func (a *App) removeLeftoverSPICE() int {
	root := a.data.cfg.SPICEDir
	if root == "" {
		return 0
	}
	n := 0
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		depth := len(strings.Split(rel, string(filepath.Separator)))
		if d.IsDir() {
			if rel != "." && depth >= 3 {
				return filepath.SkipDir
			}
			return nil
		}
		if depth != 3 || !leftoverSPICE(d.Name()) {
			return nil
		}
		if err := os.Remove(path); err != nil {
			slog.Warn("removing a leftover SPICE file", "path", path, "err", err)
			return nil
		}
		n++
		return nil
	})
	return n
}

// leftoverSPICE tells whether name is a temporary ingestion file (see
// spice.IngestWith) or a companion of one.
func leftoverSPICE(name string) bool {
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		if base, ok := strings.CutSuffix(name, ".tmp"+suffix); ok && strings.HasPrefix(base, ".") && strings.Contains(base, ".sqlite.") {
			return true
		}
	}
	return false
}
