package sightglass

import (
	"context"
	"io"
)

// ArtifactKey names the finished SPICE artifact of one ingestion.
type ArtifactKey struct {
	AccountID   string
	DataSetID   string
	IngestionID string
}

// ArtifactStore keeps finished SPICE artifacts where every node can read
// them. The artifact is an opaque file (whatever the SPICE engine wrote);
// a store keeps its bytes and a SHA-256 of them and checks it on every
// read. The PostgreSQL store implements it (chunked rows); an
// S3-compatible object store could implement it as well. The SQLite store
// does not: one node keeps its artifacts on its own disk.
type ArtifactStore interface {
	// PutArtifact stores the bytes of r under key, replacing what key
	// held. Nothing is stored unless all of r is. Returns ENOTFOUND when
	// the ingestion does not exist (artifacts go with their ingestion).
	PutArtifact(ctx context.Context, key ArtifactKey, r io.Reader) (size int64, err error)
	// FetchArtifact writes the bytes stored under key to w and returns
	// their size. It returns ENOTFOUND, and an EINTERNAL error when the
	// bytes read do not match their checksum (w then holds bad bytes:
	// the caller discards them).
	FetchArtifact(ctx context.Context, key ArtifactKey, w io.Writer) (int64, error)
	// DeleteArtifact deletes what key holds; a missing key is no error.
	DeleteArtifact(ctx context.Context, key ArtifactKey) error
}
