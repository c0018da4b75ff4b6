// Package artifact keeps each node's local copies of finished SPICE
// artifacts.
//
// An ingestion writes one artifact: an opaque file of the SPICE engine's
// (whatever engine wrote it). With the PostgreSQL store, the node that ran
// the ingestion puts the file into the shared store
// (sightglass.ArtifactStore: chunked rows, each chunk and the whole
// checksummed with SHA-256), and every node that answers a query on the
// dataset keeps a copy in its SPICE directory: Cache fetches it on first
// use, verifies it (the store checks the checksums as it streams), renames
// it into place, and evicts the least recently used copies when the
// directory grows past its size limit. The copy is keyed by ingestion id,
// and an ingestion's artifact never changes, so a copy is never stale;
// copies of replaced ingestions age out.
//
// ArtifactStore is small (put, fetch, delete a whole file) so that an
// S3-compatible object store can serve it later without changing this
// package or its callers. With the embedded SQLite store (one node)
// artifacts stay in the SPICE directory and are not copied into the store;
// Cache is then not used.
package artifact
