package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// pragmas are the per-connection settings Open asks for and verifies.
type pragmas struct {
	journalMode string
	synchronous int64
	foreignKeys int64
	busyTimeout int64 // ms
}

// dsn returns the driver's connection string for path: a file: URI whose
// _pragma parameters the driver runs on every new connection. The writer
// also switches the file to WAL (a persistent setting, so readers need not)
// and uses _txlock=immediate, so that write transactions take the write
// lock at BEGIN: a deferred transaction that later needs it fails with
// SQLITE_BUSY at once, whatever busy_timeout says.
func dsn(path string, p pragmas, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", p.busyTimeout))
	q.Add("_pragma", fmt.Sprintf("synchronous(%d)", p.synchronous))
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", fmt.Sprintf("wal_autocheckpoint(%d)", walSafetyPages))
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", OmitHost: true, Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	return u.String()
}

// verify reads the pragmas back on conn.
func verify(ctx context.Context, conn *sql.Conn, want pragmas, readOnly bool) error {
	var got pragmas
	var queryOnly int64
	for _, p := range []struct {
		name string
		dst  any
	}{
		{"journal_mode", &got.journalMode},
		{"synchronous", &got.synchronous},
		{"foreign_keys", &got.foreignKeys},
		{"busy_timeout", &got.busyTimeout},
		{"query_only", &queryOnly},
	} {
		if err := conn.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(p.dst); err != nil {
			return fmt.Errorf("read pragma %s: %w", p.name, err)
		}
	}
	got.journalMode = strings.ToLower(got.journalMode)
	if got != want {
		return fmt.Errorf("connection settings %+v, want %+v", got, want)
	}
	if readOnly != (queryOnly == 1) {
		return fmt.Errorf("query_only = %d on a %s connection", queryOnly, map[bool]string{true: "reader", false: "writer"}[readOnly])
	}
	return nil
}

// warm opens n connections of db at once and calls fn on each.
func warm(ctx context.Context, db *sql.DB, n int, fn func(*sql.Conn) error) error {
	conns := make([]*sql.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Close() // back to the pool, which keeps up to n idle
		}
	}()
	for range n {
		c, err := db.Conn(ctx)
		if err != nil {
			return err
		}
		conns = append(conns, c)
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}

// retryBusy calls fn until it returns something other than SQLITE_BUSY or
// patience runs out. Setting up connections needs it: when several
// processes open a new file at once, switching it to WAL can fail with
// SQLITE_BUSY without waiting for busy_timeout (SQLite refuses to wait where
// waiting could deadlock).
func retryBusy(ctx context.Context, patience time.Duration, fn func() error) error {
	deadline := time.Now().Add(patience)
	for {
		err := fn()
		if resultCode(err)&0xff != sqliteBusy || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(10 * time.Millisecond):
		}
	}
}
