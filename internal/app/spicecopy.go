package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/source"
)

// artifactKey names an ingestion's artifact.
func artifactKey(accountID, dataSetID, ingestionID string) sg.ArtifactKey {
	return sg.ArtifactKey{AccountID: accountID, DataSetID: dataSetID, IngestionID: ingestionID}
}

// dropLocalSPICE deletes this node's file of an ingestion (and forgets it
// in the cache).
func (a *App) dropLocalSPICE(path string) {
	if a.data.spiceCache != nil {
		a.data.spiceCache.Remove(path)
		return
	}
	os.Remove(path)
}

// dropSPICECopy deletes an ingestion's SPICE copy: this node's file and
// the shared artifact. Other nodes' copies are no longer used and age out
// of their caches.
func (a *App) dropSPICECopy(ctx context.Context, accountID, dataSetID, ingestionID string) {
	a.data.pool.Forget(spicePoolKey(accountID, dataSetID, ingestionID)) // close its open database first
	a.dropLocalSPICE(a.spiceFile(accountID, dataSetID, ingestionID))
	a.dropSPICEArtifact(ctx, accountID, dataSetID, ingestionID)
}

// dropSPICEArtifact deletes an ingestion's shared artifact, if there is
// an artifact store.
func (a *App) dropSPICEArtifact(ctx context.Context, accountID, dataSetID, ingestionID string) {
	if a.data.cfg.Artifacts == nil {
		return
	}
	if err := a.data.cfg.Artifacts.DeleteArtifact(ctx, artifactKey(accountID, dataSetID, ingestionID)); err != nil {
		slog.Warn("deleting a SPICE artifact", "account", accountID, "dataset", dataSetID, "ingestion", ingestionID, "err", err)
	}
}

// spicePath returns the local file of an ingestion's SPICE copy, fetching
// it from the artifact store into this node's cache on first use. Its
// errors never name the file: the server's paths are not the client's
// business (the log has them).
func (a *App) spicePath(ctx context.Context, accountID, dataSetID, ingestionID string) (string, error) {
	path := a.spiceFile(accountID, dataSetID, ingestionID)
	if a.data.spiceCache == nil {
		return path, nil
	}
	key := artifactKey(accountID, dataSetID, ingestionID)
	got, err := a.data.spiceCache.Path(ctx, path, func(ctx context.Context, w io.Writer) (int64, error) {
		return a.data.cfg.Artifacts.FetchArtifact(ctx, key, w)
	})
	if err == nil {
		return got, nil
	}
	if ctx.Err() != nil {
		return "", ctx.Err()
	}
	slog.Error("fetching a SPICE artifact", "account", accountID, "dataset", dataSetID, "ingestion", ingestionID, "err", err)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return "", sg.Errorf(sg.EUNAVAILABLE, "The SPICE copy of dataset %s is not stored; ingest the dataset again.", dataSetID)
	}
	return "", sg.Errorf(sg.EUNAVAILABLE, "The SPICE copy of dataset %s could not be loaded on this server; try again.", dataSetID)
}

// spiceQueryError is queryError for a query on a SPICE copy at path: a
// failure to open the copy, or any message that would quote the server's
// SPICE directory, is told without it (the log has it).
func (a *App) spiceQueryError(dataSetID, path string, err error) error {
	_, connect := errors.AsType[*source.ConnectError](err)
	out := queryError(err)
	msg := sg.ErrorMessage(out) + " " + out.Error()
	if connect || strings.Contains(msg, path) || (a.data.cfg.SPICEDir != "" && strings.Contains(msg, a.data.cfg.SPICEDir)) {
		slog.Error("querying a SPICE copy", "dataset", dataSetID, "err", err)
		return sg.Errorf(sg.EUNAVAILABLE, "The SPICE copy of dataset %s could not be read on this server.", dataSetID)
	}
	return out
}
