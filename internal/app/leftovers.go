package app

import (
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/sightglass/sightglass/internal/query/spice"
)

// removeLeftoverSPICE deletes the temporary files of ingestions that a
// previous process left behind (it stopped or crashed mid-ingestion):
// <SPICEDir>/<account>/<dataset>/.<ingestion>.duckdb.<random>.tmp and
// DuckDB's write-ahead log of them (.tmp.wal), and the directories where
// DuckDB spilled a query or an ingestion that passed its memory limit
// (<file>.tmp/, see spice.SpillDir). It runs on start, before this process
// starts any ingestion or query, and returns how many it removed.
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
			if depth == 3 && spice.SpillDir(d.Name()) {
				if err := os.RemoveAll(path); err != nil {
					slog.Warn("removing a leftover SPICE spill directory", "path", path, "err", err)
				} else {
					n++
				}
			}
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
// spice.TempFile) or a companion of one, or one of the SQLite files that
// ingestions wrote before SPICE was DuckDB.
func leftoverSPICE(name string) bool {
	if spice.TempFile(name) {
		return true
	}
	for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
		if base, ok := strings.CutSuffix(name, ".tmp"+suffix); ok && strings.HasPrefix(base, ".") && strings.Contains(base, ".sqlite.") {
			return true
		}
	}
	return false
}
