package postgres_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/artifact"
	"github.com/sightglass/sightglass/internal/store/postgres"
)

// artifactFixture is a store with one ingestion to hang artifacts on,
// and a connection of its own to the same database.
func artifactFixture(t testing.TB) (*postgres.Store, *pgx.Conn, sg.ArtifactKey) {
	t.Helper()
	dsn := newDatabase(t)
	ctx := context.Background()
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	key := sg.ArtifactKey{AccountID: "111122223333", DataSetID: "ds", IngestionID: "ing-1"}
	now := time.Now()
	if err := s.CreateDataSet(ctx, &sg.DataSet{AccountID: key.AccountID, ID: key.DataSetID, Name: "d", ImportMode: sg.ImportSPICE, Version: 1, CreatedAt: now, UpdatedAt: now}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateIngestion(ctx, &sg.Ingestion{AccountID: key.AccountID, DataSetID: key.DataSetID, ID: key.IngestionID, Status: sg.IngestionRunning, RequestSource: "MANUAL", RequestType: "FULL_REFRESH", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	return s, conn, key
}

func randomBytes(t testing.TB, n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

func TestArtifacts(t *testing.T) {
	s, conn, key := artifactFixture(t)
	ctx := t.Context()
	postgres.SetArtifactChunk(s, 1000)
	data := randomBytes(t, 2500) // three chunks, the last short
	size, err := s.PutArtifact(ctx, key, bytes.NewReader(data))
	if err != nil || size != 2500 {
		t.Fatalf("PutArtifact: %d, %v", size, err)
	}
	var got bytes.Buffer
	if n, err := s.FetchArtifact(ctx, key, &got); err != nil || n != 2500 || !bytes.Equal(got.Bytes(), data) {
		t.Fatalf("FetchArtifact: %d, %v, equal %v", n, err, bytes.Equal(got.Bytes(), data))
	}
	// Replacing keeps only the new bytes.
	smaller := randomBytes(t, 10)
	if _, err := s.PutArtifact(ctx, key, bytes.NewReader(smaller)); err != nil {
		t.Fatal(err)
	}
	got.Reset()
	if _, err := s.FetchArtifact(ctx, key, &got); err != nil || !bytes.Equal(got.Bytes(), smaller) {
		t.Fatalf("FetchArtifact after replace: %v", err)
	}
	// A reader that fails stores nothing (the old artifact stays).
	_, err = s.PutArtifact(ctx, key, io.MultiReader(bytes.NewReader(data), errReader{}))
	if err == nil {
		t.Fatal("PutArtifact of a failing reader succeeded")
	}
	got.Reset()
	if _, err := s.FetchArtifact(ctx, key, &got); err != nil || !bytes.Equal(got.Bytes(), smaller) {
		t.Fatalf("FetchArtifact after a failed put: %v", err)
	}
	// Damaged bytes are refused.
	if _, err := s.PutArtifact(ctx, key, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `UPDATE spice_artifact_chunks SET data = overlay(data placing '\xff'::bytea from 7 for 1) WHERE seq = 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FetchArtifact(ctx, key, io.Discard); sg.ErrorCode(err) != sg.EINTERNAL {
		t.Fatalf("FetchArtifact of a damaged chunk: %v, want EINTERNAL", err)
	}
	// Unknown keys, deletion, and artifacts of missing ingestions.
	other := key
	other.IngestionID = "ing-2"
	if _, err := s.FetchArtifact(ctx, other, io.Discard); sg.ErrorCode(err) != sg.ENOTFOUND {
		t.Fatalf("FetchArtifact of a missing key: %v", err)
	}
	if _, err := s.PutArtifact(ctx, other, bytes.NewReader(data)); sg.ErrorCode(err) != sg.ENOTFOUND {
		t.Fatalf("PutArtifact for a missing ingestion: %v", err)
	}
	if err := s.DeleteArtifact(ctx, key); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArtifact(ctx, key); err != nil {
		t.Fatalf("DeleteArtifact again: %v", err)
	}
	if _, err := s.FetchArtifact(ctx, key, io.Discard); sg.ErrorCode(err) != sg.ENOTFOUND {
		t.Fatalf("FetchArtifact after delete: %v", err)
	}
	var chunks int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM spice_artifact_chunks`).Scan(&chunks); err != nil || chunks != 0 {
		t.Fatalf("%d chunks left after delete (%v)", chunks, err)
	}
	// Deleting the dataset deletes its ingestions' artifacts.
	if _, err := s.PutArtifact(ctx, key, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDataSet(ctx, key.AccountID, key.DataSetID); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM spice_artifact_chunks`).Scan(&chunks); err != nil || chunks != 0 {
		t.Fatalf("%d chunks left after DeleteDataSet (%v)", chunks, err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("the disk failed") }

// BenchmarkArtifactFetch: a 32 MiB artifact fetched from PostgreSQL into
// a node's cache (written, checked, renamed into place), by chunk size;
// local-copy is the same bytes copied from a file on the same disk.
func BenchmarkArtifactFetch(b *testing.B) {
	const size = 32 << 20
	s, _, key := artifactFixture(b)
	ctx := context.Background()
	data := randomBytes(b, size)
	dir := b.TempDir()
	for _, chunk := range []struct {
		name string
		size int
	}{{"chunk-1MiB", 1 << 20}, {"chunk-4MiB", 4 << 20}, {"chunk-16MiB", 16 << 20}} {
		b.Run(chunk.name, func(b *testing.B) {
			postgres.SetArtifactChunk(s, chunk.size)
			if _, err := s.PutArtifact(ctx, key, bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
			cache := artifact.NewCache(dir, 0)
			path := filepath.Join(dir, "copy")
			b.SetBytes(size)
			for b.Loop() {
				cache.Remove(path)
				if _, err := cache.Path(ctx, path, func(ctx context.Context, w io.Writer) (int64, error) {
					return s.FetchArtifact(ctx, key, w)
				}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("local-copy", func(b *testing.B) {
		src := filepath.Join(dir, "src")
		if err := os.WriteFile(src, data, 0o600); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(size)
		for b.Loop() {
			in, err := os.Open(src)
			if err != nil {
				b.Fatal(err)
			}
			out, err := os.Create(filepath.Join(dir, "copy"))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := io.Copy(out, in); err != nil {
				b.Fatal(err)
			}
			in.Close()
			out.Close()
		}
	})
}
