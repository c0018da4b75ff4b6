package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/postgres"
	"github.com/sightglass/sightglass/internal/store/storetest"
)

// open returns a Store on a fresh database cloned from the migrated
// template.
func open(t testing.TB) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), newDatabase(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	if db.dsn != "" {
		t.Logf("template database collation: %s", db.collation)
	}
	storetest.Run(t, func(t testing.TB) sg.Store { return open(t) }, storetest.ConsumeRounds(200))
}

// TestTwoStoresConsumeOnce races ConsumeOnce and RedeemOnce through two Stores (two
// pools, as two server processes would have) on one database.
func TestTwoStoresConsumeOnce(t *testing.T) {
	dsn := newDatabase(t)
	var stores []sg.Store
	for range 2 {
		s, err := postgres.Open(t.Context(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	storetest.RaceConsumeOnce(t, stores, 64, 200)
	storetest.RaceRedeemOnce(t, stores, 32, 100)
}

// TestConcurrentMigrate opens several Stores at once on an empty database:
// the advisory lock makes them take turns, so every Open succeeds and each
// migration is applied once.
func TestConcurrentMigrate(t *testing.T) {
	dsn := newEmptyDatabase(t)
	const n = 4
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			s, err := postgres.Open(t.Context(), dsn)
			if err == nil {
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
	conn, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var rows, distinct int
	if err := conn.QueryRow(t.Context(), `SELECT count(*), count(DISTINCT version) FROM schema_migrations`).Scan(&rows, &distinct); err != nil {
		t.Fatal(err)
	}
	if rows != distinct || rows == 0 {
		t.Errorf("schema_migrations: %d rows, %d versions", rows, distinct)
	}
}

// TestReopen writes, closes and reads through a new Store: the data is
// there and the migrations are not applied twice.
func TestReopen(t *testing.T) {
	dsn := newDatabase(t)
	ctx := t.Context()
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	a := &sg.Account{ID: "111122223333", Name: "persist", EmbeddingDomains: []string{}}
	if err := s.CreateAccount(ctx, a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got, err := s.FindAccount(ctx, a.ID); err != nil || got.Name != a.Name {
		t.Errorf("FindAccount after reopen = %+v, %v", got, err)
	}
}

func TestOpenBadDSN(t *testing.T) {
	if s, err := postgres.Open(t.Context(), "postgres://u:secret@127.0.0.1:1/x?sslmode=disable&connect_timeout=2"); err == nil {
		s.Close()
		t.Fatal("Open of an unreachable server succeeded")
	} else if got := fmt.Sprint(err); strings.Contains(got, "secret") {
		t.Errorf("error quotes the password: %s", got)
	}
}

// TestClaimExpiredTwoStores: two stores on one database (two nodes) race
// to claim expired ingestions; each is claimed once.
func TestClaimExpiredTwoStores(t *testing.T) {
	dsn := newDatabase(t)
	var stores []sg.Store
	for range 2 {
		s, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	storetest.RaceClaimExpired(t, stores, "111122223333", 40, 8)
}

// TestClaimRunTwoStores: two stores on one database (two nodes) race to
// run ingestions of one dataset; one runs, the others wait on it.
func TestClaimRunTwoStores(t *testing.T) {
	dsn := newDatabase(t)
	var stores []sg.Store
	for range 2 {
		s, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	storetest.RaceClaimRun(t, stores, "111122223333", 8, 30)
}
