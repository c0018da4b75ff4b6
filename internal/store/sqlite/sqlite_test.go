package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlite"
	"github.com/sightglass/sightglass/internal/store/storetest"
)

// open returns a Store on a new file in t's temporary directory.
func open(t testing.TB, opts ...sqlite.Option) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sightglass.db"), opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t testing.TB) sg.Store { return open(t) }, storetest.ConsumeRounds(300))
}

// The suite again with reads on the writer connection (no reader pool)
// and with synchronous=FULL.
func TestStoreOneConnection(t *testing.T) {
	if testing.Short() {
		t.Skip("short: the default configuration is tested by TestStore")
	}
	storetest.Run(t, func(t testing.TB) sg.Store {
		return open(t, sqlite.WithReadConns(0), sqlite.WithSyncFull())
	}, storetest.ConsumeRounds(50))
}

// TestReopen writes, closes, opens the file again and reads: the data
// survives and the migrations are not applied twice.
func TestReopen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "sightglass.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	created := time.Date(2026, 1, 2, 3, 4, 5, 6e6, time.UTC)
	a := &sg.Account{ID: "111122223333", Name: "persist", Edition: sg.EditionEnterprise, EmbeddingDomains: []string{}, CreatedAt: created, UpdatedAt: created}
	if err := s.CreateAccount(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.PutOnce(ctx, "k", []byte("v"), created.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.FindAccount(ctx, a.ID)
	if err != nil {
		t.Fatalf("FindAccount after reopen: %v", err)
	}
	if got.Name != a.Name || !got.CreatedAt.Equal(created) || got.EmbeddingDomains == nil {
		t.Errorf("FindAccount after reopen = %+v", got)
	}
	if p, err := s.ConsumeOnce(ctx, "k", created); err != nil || string(p) != "v" {
		t.Errorf("ConsumeOnce after reopen = %q, %v", p, err)
	}
	if err := s.CreateAccount(ctx, a); sg.ErrorCode(err) != sg.EEXISTS {
		t.Errorf("CreateAccount after reopen: %v, want EEXISTS", err)
	}
}

// TestTwoStoresOneFile races ConsumeOnce, RedeemOnce and ClaimIngestionRun from two Stores on one file, as
// the server and an admin command would: SQLite's file lock, not the
// writer pool, keeps the consume single.
func TestTwoStoresOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sightglass.db")
	var stores []sg.Store
	for range 2 {
		s, err := sqlite.Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	storetest.RaceConsumeOnce(t, stores, 64, 100)
	storetest.RaceRedeemOnce(t, stores, 32, 50)
	storetest.RaceClaimRun(t, stores, "111122223333", 8, 20)
}

func TestOpenRejects(t *testing.T) {
	for _, path := range []string{"", ":memory:", "file:x.db?mode=memory"} {
		if s, err := sqlite.Open(t.Context(), path); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", path)
		}
	}
}

// TestConcurrentOpen opens several Stores at once on a new file, as
// processes starting together would: the migration runs once and every
// Open succeeds.
func TestConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sightglass.db")
	const n = 4
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			s, err := sqlite.Open(t.Context(), path)
			if err == nil {
				err = s.CreatePrincipal(t.Context(), &sg.Principal{AccountID: "111122223333", Type: sg.PrincipalUser, Name: fmt.Sprint(i)})
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Open %d: %v", i, err)
		}
	}
}

// TestBusy holds the write lock from another connection, as another
// process would: writes fail with EUNAVAILABLE once busy_timeout has
// passed, and reads go on (WAL).
func TestBusy(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "sightglass.db")
	s, err := sqlite.Open(ctx, path, sqlite.WithBusyTimeout(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := &sg.Account{ID: "111122223333", Name: "busy"}
	if err := s.CreateAccount(ctx, a); err != nil {
		t.Fatal(err)
	}

	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	err = s.PutOnce(ctx, "k", nil, time.Now().Add(time.Minute))
	if code := sg.ErrorCode(err); code != sg.EUNAVAILABLE {
		t.Errorf("PutOnce under a foreign write lock: %v (code %q), want EUNAVAILABLE", err, code)
	}
	if d := time.Since(start); d < 40*time.Millisecond {
		t.Errorf("PutOnce gave up after %v, before busy_timeout", d)
	}
	if _, err := s.FindAccount(ctx, a.ID); err != nil {
		t.Errorf("FindAccount under a foreign write lock: %v", err)
	}

	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if err := s.PutOnce(ctx, "k", nil, time.Now().Add(time.Minute)); err != nil {
		t.Errorf("PutOnce after the lock is gone: %v", err)
	}
}
