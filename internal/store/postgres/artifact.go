package postgres

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// ArtifactChunkSize is the size of the rows a SPICE artifact is stored in:
// large enough that a file of gigabytes is a few thousand rows, small
// enough that one row is read and written without holding much memory.
const ArtifactChunkSize = 4 << 20

// chunkSize is ArtifactChunkSize unless a benchmark set another.
func (s *Store) chunkSize() int {
	if s.artifactChunk > 0 {
		return s.artifactChunk
	}
	return ArtifactChunkSize
}

// PutArtifact stores the bytes of r as chunks of ArtifactChunkSize, each
// with its SHA-256, and the SHA-256 of the whole, in one transaction: a
// failure (or a node that dies) stores nothing.
func (s *Store) PutArtifact(ctx context.Context, key sg.ArtifactKey, r io.Reader) (int64, error) {
	var size int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM spice_artifacts
			WHERE account_id = $1 AND data_set_id = $2 AND ingestion_id = $3`,
			key.AccountID, key.DataSetID, key.IngestionID)
		if err != nil {
			return err
		}
		// The header goes first (the chunks reference it) and gets its
		// size and checksum at the end.
		_, err = tx.Exec(ctx, `INSERT INTO spice_artifacts (account_id, data_set_id, ingestion_id, size, chunks, sha256)
			VALUES ($1, $2, $3, 0, 0, '\x')`, key.AccountID, key.DataSetID, key.IngestionID)
		if err != nil {
			return err
		}
		whole := sha256.New()
		buf := make([]byte, s.chunkSize())
		seq := 0
		for {
			n, rerr := io.ReadFull(r, buf)
			if n > 0 {
				chunk := buf[:n]
				sum := sha256.Sum256(chunk)
				whole.Write(chunk)
				if _, err := tx.Exec(ctx, `INSERT INTO spice_artifact_chunks (account_id, data_set_id, ingestion_id, seq, sha256, data)
					VALUES ($1, $2, $3, $4, $5, $6)`, key.AccountID, key.DataSetID, key.IngestionID, seq, sum[:], chunk); err != nil {
					return err
				}
				seq++
				size += int64(n)
			}
			if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
				break
			}
			if rerr != nil {
				return rerr
			}
		}
		_, err = tx.Exec(ctx, `UPDATE spice_artifacts SET size = $4, chunks = $5, sha256 = $6
			WHERE account_id = $1 AND data_set_id = $2 AND ingestion_id = $3`,
			key.AccountID, key.DataSetID, key.IngestionID, size, seq, whole.Sum(nil))
		return err
	})
	if err != nil {
		if errors.Is(err, ctx.Err()) {
			return 0, err
		}
		return 0, normalize("put artifact", err, sqlkit.Meaning{Missing: sqlkit.IngestionNotFound(key.AccountID, key.DataSetID, key.IngestionID)})
	}
	return size, nil
}

// FetchArtifact writes the stored bytes to w chunk by chunk, checking each
// chunk's checksum before writing it and the whole's at the end.
func (s *Store) FetchArtifact(ctx context.Context, key sg.ArtifactKey, w io.Writer) (int64, error) {
	var (
		size   int64
		chunks int
		want   []byte
	)
	err := s.pool.QueryRow(ctx, `SELECT size, chunks, sha256 FROM spice_artifacts
		WHERE account_id = $1 AND data_set_id = $2 AND ingestion_id = $3`,
		key.AccountID, key.DataSetID, key.IngestionID).Scan(&size, &chunks, &want)
	if err != nil {
		return 0, normalize("fetch artifact", err, sqlkit.Meaning{Missing: sqlkit.ArtifactNotFound(key)})
	}
	whole := sha256.New()
	var written int64
	// One chunk per query: a chunk is read, checked and written before the
	// next is asked for, so memory stays at one chunk whatever the size.
	for seq := range chunks {
		var sum, data []byte
		err := s.pool.QueryRow(ctx, `SELECT sha256, data FROM spice_artifact_chunks
			WHERE account_id = $1 AND data_set_id = $2 AND ingestion_id = $3 AND seq = $4`,
			key.AccountID, key.DataSetID, key.IngestionID, seq).Scan(&sum, &data)
		if errors.Is(err, pgx.ErrNoRows) {
			return written, sg.Errorf(sg.EINTERNAL, "The SPICE copy of ingestion %s is incomplete: chunk %d is missing.", key.IngestionID, seq)
		}
		if err != nil {
			return written, normalize("fetch artifact", err, sqlkit.Meaning{})
		}
		if got := sha256.Sum256(data); !bytes.Equal(got[:], sum) {
			return written, sg.Errorf(sg.EINTERNAL, "The SPICE copy of ingestion %s is damaged: chunk %d does not match its checksum.", key.IngestionID, seq)
		}
		whole.Write(data)
		n, err := w.Write(data)
		written += int64(n)
		if err != nil {
			return written, fmt.Errorf("writing the SPICE copy: %w", err)
		}
	}
	if written != size || !bytes.Equal(whole.Sum(nil), want) {
		return written, sg.Errorf(sg.EINTERNAL, "The SPICE copy of ingestion %s is damaged: it does not match its checksum.", key.IngestionID)
	}
	return written, nil
}

// DeleteArtifact deletes an artifact and its chunks.
func (s *Store) DeleteArtifact(ctx context.Context, key sg.ArtifactKey) error {
	_, err := s.pool.Exec(ctx, `DELETE FROM spice_artifacts
		WHERE account_id = $1 AND data_set_id = $2 AND ingestion_id = $3`,
		key.AccountID, key.DataSetID, key.IngestionID)
	if err != nil {
		return normalize("delete artifact", err, sqlkit.Meaning{})
	}
	return nil
}

var _ sg.ArtifactStore = (*Store)(nil)
