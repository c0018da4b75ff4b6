package app

import (
	"context"
	"log/slog"
	"os"

	sg "github.com/sightglass/sightglass"
)

// shareConverted puts the DuckDB copy a node converted from a legacy
// SQLite copy (upgradeLegacySPICE) back into the artifact store in place
// of the SQLite bytes, so that every other node fetches DuckDB and
// converts nothing. Without an artifact store there is nothing to share.
// A failure is logged and not returned: this node's copy answers, and
// another node still converts the SQLite artifact itself.
func (a *App) shareConverted(ctx context.Context, d *sg.DataSet, path string) {
	if a.data.cfg.Artifacts == nil {
		return
	}
	f, err := os.Open(path)
	if err == nil {
		defer f.Close()
		_, err = a.data.cfg.Artifacts.PutArtifact(ctx, artifactKey(d.AccountID, d.ID, d.SPICEIngestionID), f)
	}
	if err != nil {
		if ctx.Err() == nil {
			slog.Warn("storing a converted SPICE copy", "account", d.AccountID, "dataset", d.ID, "ingestion", d.SPICEIngestionID, "err", err)
		}
		return
	}
	// A new ingestion that replaced this copy meanwhile deleted its
	// artifact: do not leave the one just put behind.
	if now, err := a.Store.FindDataSet(ctx, d.AccountID, d.ID); err == nil && now.SPICEIngestionID != d.SPICEIngestionID {
		a.dropSPICEArtifact(ctx, d.AccountID, d.ID, d.SPICEIngestionID)
	}
}
