package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// openInternal returns a Store on a new file in t's temporary directory.
func openInternal(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "sightglass.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// put is the write PutOnce hands the batcher.
func put(key string) func(tx *batchTx) error {
	return func(tx *batchTx) error {
		_, err := tx.exec(`INSERT INTO once_items (key, payload, expires_at, ordered) VALUES (?, ?, ?, 1)`,
			key, []byte("p-"+key), sqlkit.Millis(time.Now().Add(time.Hour)))
		return normalize("put once", err, sqlkit.Meaning{Unique: sqlkit.OnceExists()})
	}
}

// runBatch runs fns as one batch, as the batcher's loop would, and
// returns each write's outcome. The loop is idle: nothing else writes.
func runBatch(s *Store, fns ...func(tx *batchTx) error) []error {
	batch := make([]*batchWrite, len(fns))
	for i, fn := range fns {
		batch[i] = &batchWrite{ctx: context.Background(), fn: fn, done: make(chan error, 1)}
	}
	s.b.run(batch)
	errs := make([]error, len(batch))
	for i, w := range batch {
		errs[i] = <-w.done
	}
	return errs
}

// stored reports which of keys the store holds, read on the reader pool.
func stored(t *testing.T, s *Store, keys ...string) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	for _, k := range keys {
		p, err := s.FindOnce(t.Context(), k, time.Now())
		switch {
		case err == nil && string(p) == "p-"+k:
			got[k] = true
		case sg.ErrorCode(err) == sg.ENOTFOUND:
		default:
			t.Fatalf("FindOnce(%q) = %q, %v", k, p, err)
		}
	}
	return got
}

// A write refused for its own reason (a taken key) leaves the batch
// intact: the others commit.
func TestBatchKeepsOthersOnEEXISTS(t *testing.T) {
	s := openInternal(t)
	errs := runBatch(s, put("a"), put("a"), put("b"))
	if errs[0] != nil || sg.ErrorCode(errs[1]) != sg.EEXISTS || errs[2] != nil {
		t.Fatalf("outcomes %v, want nil, EEXISTS, nil", errs)
	}
	if got := stored(t, s, "a", "b"); !got["a"] || !got["b"] {
		t.Errorf("stored %v, want a and b", got)
	}
}

// Any other failure gives up the whole batch: nothing of it is stored,
// every write hears of it, and the next batch runs on a clean connection.
func TestBatchAbortRollsBack(t *testing.T) {
	s := openInternal(t)
	boom := errors.New("boom")
	errs := runBatch(s, put("a"), func(*batchTx) error { return boom }, put("c"))
	for i, err := range errs {
		if !errors.Is(err, boom) {
			t.Errorf("write %d: %v, want the aborting error", i, err)
		}
	}
	if got := stored(t, s, "a", "c"); len(got) != 0 {
		t.Errorf("stored %v after an aborted batch, want nothing", got)
	}
	if err := s.PutOnce(t.Context(), "d", []byte("p-d"), time.Now().Add(time.Hour)); err != nil {
		t.Fatalf("PutOnce after an aborted batch: %v", err)
	}
	if got := stored(t, s, "d"); !got["d"] {
		t.Errorf("stored %v, want d", got)
	}
}

// A batch whose transaction cannot be rolled back by the batcher (here a
// write ended it itself) gives up the connection: database/sql opens a
// new one, and the batcher prepares its statements again on it.
func TestBatchNewConnection(t *testing.T) {
	s := openInternal(t)
	if errs := runBatch(s, put("a")); errs[0] != nil {
		t.Fatal(errs[0])
	}
	first := s.b.bc.dc
	boom := errors.New("boom")
	errs := runBatch(s, put("b"), func(tx *batchTx) error {
		if _, err := tx.exec(`ROLLBACK`); err != nil {
			t.Errorf("ROLLBACK inside the batch: %v", err)
		}
		return boom
	})
	if !errors.Is(errs[0], boom) || !errors.Is(errs[1], boom) {
		t.Fatalf("outcomes %v, want the aborting error", errs)
	}
	if errs := runBatch(s, put("c")); errs[0] != nil {
		t.Fatalf("batch after the connection was given up: %v", errs[0])
	}
	if s.b.bc.dc == first {
		t.Errorf("the batcher kept the connection it gave up")
	}
	if got := stored(t, s, "a", "b", "c"); !got["a"] || got["b"] || !got["c"] {
		t.Errorf("stored %v, want a and c", got)
	}
	// The other writers use the new connection too.
	if err := s.CreateAccount(t.Context(), &sg.Account{ID: "111122223333", Name: "after", Edition: sg.EditionEnterprise}); err != nil {
		t.Errorf("CreateAccount on the new connection: %v", err)
	}
}

// A write's row comes back through the driver's rows: bytes copied, no
// row as sql.ErrNoRows.
func TestBatchQueryRow(t *testing.T) {
	s := openInternal(t)
	if errs := runBatch(s, put("a")); errs[0] != nil {
		t.Fatal(errs[0])
	}
	var payload []byte
	var n int64
	var missing []byte
	errs := runBatch(s, func(tx *batchTx) error {
		if err := tx.queryRow(`SELECT payload, length(payload) FROM once_items WHERE key = ?`, "a").Scan(&payload, &n); err != nil {
			return err
		}
		if err := tx.queryRow(`SELECT payload FROM once_items WHERE key = ?`, "zz").Scan(&missing); !errors.Is(err, sql.ErrNoRows) {
			t.Errorf("Scan of no row: %v, want sql.ErrNoRows", err)
		}
		var s string
		if err := tx.queryRow(`SELECT key FROM once_items WHERE key = ?`, "a").Scan(&s, &n); err == nil {
			t.Errorf("Scan into 2 destinations of 1 column succeeded")
		}
		return nil
	})
	if errs[0] != nil {
		t.Fatal(errs[0])
	}
	if string(payload) != "p-a" || n != 3 {
		t.Errorf("Scan = %q, %d; want p-a, 3", payload, n)
	}
}

func TestAssign(t *testing.T) {
	var b []byte
	var s string
	var n int64
	var v any
	src := []byte("xy")
	for _, c := range []struct {
		dest any
		v    any
		ok   bool
	}{
		{&b, src, true}, {&b, "s", true}, {&b, nil, true}, {&b, int64(1), false},
		{&s, src, true}, {&s, "s", true}, {&s, nil, false},
		{&n, int64(7), true}, {&n, "7", false},
		{&v, src, true}, {new(float64), 1.5, false},
	} {
		if err := assign(c.dest, c.v); (err == nil) != c.ok {
			t.Errorf("assign(%T, %#v): %v, want ok %v", c.dest, c.v, err, c.ok)
		}
	}
	if err := assign(&b, src); err != nil || string(b) != "xy" {
		t.Fatal(b, err)
	}
	src[0] = 'z'
	if string(b) != "xy" {
		t.Errorf("assign kept the driver's buffer: %q", b)
	}
}

// Writes racing Close each get an answer, and every write answered with
// success is in the file when it is opened again.
func TestBatchCloseRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sightglass.db")
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	const writers = 32
	committed := make([][]string, writers)
	stopped := make(chan struct{})
	var started sync.WaitGroup
	var wg sync.WaitGroup
	for i := range writers {
		started.Add(1)
		wg.Go(func() {
			for n := 0; ; n++ {
				key := fmt.Sprintf("w%02d-%06d", i, n)
				err := s.PutOnce(context.Background(), key, []byte("p-"+key), time.Now().Add(time.Hour))
				if n == 0 {
					started.Done()
				}
				if err != nil {
					if !errors.Is(err, sql.ErrConnDone) && !errors.Is(err, sql.ErrTxDone) && sg.ErrorCode(err) == "" {
						t.Errorf("PutOnce while closing: %v", err)
					}
					select {
					case <-stopped:
						return
					default:
						continue
					}
				}
				committed[i] = append(committed[i], key)
			}
		})
	}
	started.Wait()
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	close(stopped)
	wg.Wait()

	s = openPath(t, path)
	total := 0
	for _, keys := range committed {
		total += len(keys)
		for _, k := range keys {
			if p, err := s.FindOnce(t.Context(), k, time.Now()); err != nil || string(p) != "p-"+k {
				t.Fatalf("write %s answered with success: FindOnce after reopen = %q, %v", k, p, err)
			}
		}
	}
	if total < writers {
		t.Errorf("%d writes committed before Close, want at least %d", total, writers)
	}
}

func openPath(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
